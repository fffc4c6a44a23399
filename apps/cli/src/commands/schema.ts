import type { Command } from 'commander';
import { journeyJsonSchema } from '@trailmap/schema';
import { writeFileAtomic } from '../io/atomicWrite';

/** `trailmap schema [-o FILE]`: the JSON Schema editors use to validate and autocomplete maps. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of journey documents (for editor validation and autocomplete)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((options: { output?: string }) => {
      const text = `${JSON.stringify(journeyJsonSchema(), null, 2)}\n`;
      if (options.output) writeFileAtomic(options.output, text);
      else process.stdout.write(text);
    });
}
