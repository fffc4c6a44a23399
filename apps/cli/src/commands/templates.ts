import type { Command } from 'commander';
import { TEMPLATES } from '@trailmap/core';

/** `trailmap templates [--json]`: the built-in templates `trailmap new` can start from. */
export function registerTemplates(program: Command): void {
  program
    .command('templates')
    .description('List the built-in map templates')
    .option('--json', 'print the list as JSON', false)
    .action((options: { json: boolean }) => {
      if (options.json) {
        process.stdout.write(`${JSON.stringify(TEMPLATES, null, 2)}\n`);
        return;
      }
      const width = Math.max(...TEMPLATES.map((template) => template.id.length));
      for (const template of TEMPLATES) {
        const shape = `${template.mapType}, ${template.stageCount} stages, ${template.cardCount} cards`;
        process.stdout.write(`${template.id.padEnd(width)}  ${template.name} (${shape})\n`);
        process.stdout.write(`${' '.repeat(width)}  ${template.description}\n`);
      }
      process.stdout.write(
        `\nStart one with: trailmap new --template ${TEMPLATES[0]?.id ?? 'ID'} -o map.journey.json\n`,
      );
    });
}
