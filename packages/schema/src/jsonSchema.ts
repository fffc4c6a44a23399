import { z } from 'zod';
import { JourneySchema } from './Journey';

/** JSON Schema (draft 2020-12) of the journey document, for editors to validate and autocomplete. */
export function journeyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(JourneySchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return { ...schema, $id: 'https://trailmap.dev/schema/journey.schema.json' };
}
