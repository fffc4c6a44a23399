import type { Command } from 'commander';
import { registerAnalyzeCompare } from './compare';
import { registerAnalyzeConformance } from './conformance';
import { registerAnalyzeDfg } from './dfg';
import { registerAnalyzeDurations } from './durations';
import { registerAnalyzeFunnel } from './funnel';
import { registerAnalyzeRework } from './rework';
import { registerAnalyzeSummary } from './summary';
import { registerAnalyzeTouchpoints } from './touchpoints';
import { registerAnalyzeVariants } from './variants';

/** `trailmap analyze …`: queries over event logs and survey data. */
export function registerAnalyze(program: Command): void {
  const analyze = program
    .command('analyze')
    .description('Analyze event logs and surveys (process mining, funnels, scores, conformance)');
  registerAnalyzeSummary(analyze);
  registerAnalyzeDfg(analyze);
  registerAnalyzeVariants(analyze);
  registerAnalyzeFunnel(analyze);
  registerAnalyzeDurations(analyze);
  registerAnalyzeRework(analyze);
  registerAnalyzeCompare(analyze);
  registerAnalyzeTouchpoints(analyze);
  registerAnalyzeConformance(analyze);
}
