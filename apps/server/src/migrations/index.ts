import type { Migration } from 'kysely';
import * as initialSchema from './20261123170000-initial-schema';

/** Every relational migration in order, keyed by file name. Never edit one after it has shipped. */
export const MIGRATIONS: Record<string, Migration> = {
  '20261123170000-initial-schema': initialSchema,
};
