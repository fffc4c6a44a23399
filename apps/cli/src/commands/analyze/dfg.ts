import type { Command } from 'commander';
import { addLogOptions, humanSeconds, loadLog, printJson, type LogCliOptions } from './logOptions';

/** `trailmap analyze dfg LOG`: directly-follows graph with counts and times per edge. */
export function registerAnalyzeDfg(analyze: Command): void {
  addLogOptions(
    analyze
      .command('dfg')
      .description(
        'Directly-follows graph: activity counts, start/end activities, edges with mean/median/p90 time',
      ),
  ).action(async (source: string, options: LogCliOptions) => {
    const { directlyFollows } = await import('@trailmap/analytics');
    const graph = directlyFollows(await loadLog(source, options));
    if (options.json) return printJson(graph);
    process.stdout.write(`${graph.cases} cases, ${graph.events} events, ${graph.edges.length} edges\n`);
    const edges = [...graph.edges].sort((a, b) => b.count - a.count);
    for (const edge of edges) {
      process.stdout.write(
        `${String(edge.count).padStart(9)}  ${edge.from} -> ${edge.to}  (mean ${humanSeconds(edge.meanSeconds)}, median ${humanSeconds(edge.medianSeconds)}, p90 ${humanSeconds(edge.p90Seconds)})\n`,
      );
    }
  });
}
