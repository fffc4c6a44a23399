import { randomBytes } from 'node:crypto';
import { ID_PREFIXES, type RecordKind } from '@trailmap/schema';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random string of letters and digits (about 5.95 bits each). */
export function randomId(length = 16): string {
  const bytes = randomBytes(length);
  let out = '';
  // The slight modulo bias is fine: ids name things, they are not secrets.
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** An id for a record inside a journey document, e.g. `card:Xa81...`. */
export const newRecordId = (kind: RecordKind) => `${ID_PREFIXES[kind]}:${randomId(12)}`;

/** Ids of server rows; the prefix says what the id names in logs and URLs. */
export const newRowId = (prefix: 'usr' | 'ws' | 'tok' | 'link' | 'per') => `${prefix}_${randomId(16)}`;
