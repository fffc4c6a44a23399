import type { Command } from 'commander';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from '@trailmap/schema';
import { writeFileAtomic } from '../io/atomicWrite';
import { requireJourneyFile, serialize } from '../io/loadDocument';
import { displayPath } from '../io/report';

/** `trailmap migrate FILE`: upgrade a document to the current schemaVersion, in place and atomically. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description(`Upgrade a journey file to schemaVersion ${CURRENT_SCHEMA_VERSION} in place (atomic)`)
    .argument('<file>', 'journey document to upgrade')
    .action((file: string) => {
      const loaded = requireJourneyFile(file);
      if (loaded.migratedFrom >= CURRENT_SCHEMA_VERSION) {
        process.stdout.write(`${displayPath(file)}: already at schemaVersion ${CURRENT_SCHEMA_VERSION}\n`);
        return;
      }
      const applied = MIGRATIONS.filter((migration) => migration.toVersion > loaded.migratedFrom).map(
        (migration) => migration.id,
      );
      writeFileAtomic(file, serialize(loaded.doc, loaded.format));
      process.stdout.write(
        `${displayPath(file)}: migrated schemaVersion ${loaded.migratedFrom} → ${CURRENT_SCHEMA_VERSION}` +
          ` (${applied.join(', ')})\n`,
      );
    });
}
