import type { Command } from 'commander';
import { hasYamlComments } from '@trailmap/core';
import { CURRENT_SCHEMA_VERSION } from '@trailmap/schema';
import { CliError, EXIT } from '../errors';
import { writeFileAtomic } from '../io/atomicWrite';
import { loadJourneyFile, serialize } from '../io/loadDocument';
import { expandInputs } from '../io/expandInputs';
import { displayPath, printIssues } from '../io/report';

/** `trailmap fmt FILE... [--check]`: rewrite files in canonical form, or check that they are. */
export function registerFmt(program: Command): void {
  program
    .command('fmt')
    .description('Rewrite journey files in canonical form (stable order, 2-space indent)')
    .argument('<files...>', 'journey documents to format in place, or folders of them')
    .option('--check', 'do not write; exit 1 if a file is not canonical', false)
    .option('--drop-comments', 'format YAML files even though their comments will be lost', false)
    .action((inputs: string[], options: { check: boolean; dropComments: boolean }) => {
      const files = expandInputs(inputs);
      if (files.length === 0) throw new CliError('no journey files found', EXIT.invalid);
      let failed = 0;
      for (const file of files) {
        const loaded = loadJourneyFile(file);
        if (!loaded.ok) {
          printIssues(file, loaded.issues);
          failed += 1;
          continue;
        }
        const canonical = serialize(loaded.doc, loaded.format);
        if (canonical === loaded.text) continue;
        const migrated =
          loaded.migratedFrom < CURRENT_SCHEMA_VERSION
            ? ` (schemaVersion ${loaded.migratedFrom} → ${CURRENT_SCHEMA_VERSION})`
            : '';
        if (!options.dropComments && loaded.format === 'yaml' && hasYamlComments(loaded.text)) {
          process.stderr.write(
            `${displayPath(file)}: has YAML comments that formatting would drop;` +
              ` move them into fields (description, note) or pass --drop-comments\n`,
          );
          failed += 1;
          continue;
        }
        if (options.check) {
          process.stderr.write(`${displayPath(file)}: not canonical${migrated}; run trailmap fmt\n`);
          failed += 1;
        } else {
          writeFileAtomic(file, canonical);
          process.stdout.write(`formatted ${displayPath(file)}${migrated}\n`);
        }
      }
      if (failed > 0) throw new CliError('', EXIT.invalid);
    });
}
