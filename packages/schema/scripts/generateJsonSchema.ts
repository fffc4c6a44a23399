// Writes json-schema/journey.schema.json from the zod records; `--check` fails if it is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { journeyJsonSchema } from '../src/index';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'json-schema', 'journey.schema.json');
const text = JSON.stringify(journeyJsonSchema(), null, 2) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = '';
  }
  if (current !== text) {
    console.error(`${target} is stale: run npm run schema:generate`);
    process.exit(1);
  }
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
