import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { journeyJsonSchema } from './jsonSchema';

describe('journeyJsonSchema', () => {
  it('matches the committed json-schema/journey.schema.json (run npm run schema:generate)', () => {
    const committed = readFileSync(new URL('../json-schema/journey.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(journeyJsonSchema(), null, 2)}\n`);
  });

  it('describes every collection of the document', () => {
    const schema = journeyJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'map',
        'stages',
        'lanes',
        'cards',
        'emotions',
        'opportunities',
      ]),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'map']));
  });
});
