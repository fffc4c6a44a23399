import { logError } from './logError';

/** Which input fields hold the case id, the activity and the timestamp. */
export interface ColumnMapping {
  case?: string;
  activity?: string;
  timestamp?: string;
}

const ALIASES = {
  case: [
    'case_id',
    'case',
    'caseid',
    'case:concept:name',
    'case_concept_name',
    'trace_id',
    'session_id',
    'customer_id',
    'user_id',
  ],
  activity: ['activity', 'concept:name', 'activity_name', 'event', 'event_name', 'action', 'step'],
  timestamp: [
    'timestamp',
    'time:timestamp',
    'time',
    'ts',
    'datetime',
    'event_time',
    'date',
    'start_timestamp',
  ],
} as const;

const OPTIONS = { case: '--case', activity: '--activity', timestamp: '--timestamp' } as const;

const normalize = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Resolves the three key columns among `available` (explicit names first, then the usual
 * aliases, compared case-insensitively). Throws `LOG:1: missing column …` listing what exists.
 */
export function resolveColumns(
  available: readonly string[],
  mapping: ColumnMapping,
  file: string,
): { case: number; activity: number; timestamp: number } {
  const find = (role: keyof typeof ALIASES): number => {
    const explicit = mapping[role];
    if (explicit !== undefined) {
      const index = available.indexOf(explicit);
      if (index >= 0) return index;
    } else {
      const normalized = available.map(normalize);
      for (const alias of ALIASES[role]) {
        const index = normalized.indexOf(alias);
        if (index >= 0) return index;
      }
    }
    const wanted = explicit ?? ALIASES[role][0];
    throw logError(
      file,
      1,
      `missing ${role} column "${wanted}" (choose one with ${OPTIONS[role]}); available columns: ${available.join(', ') || '(none)'}`,
    );
  };
  return { case: find('case'), activity: find('activity'), timestamp: find('timestamp') };
}
