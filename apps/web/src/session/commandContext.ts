import { ID_PREFIXES, type RecordKind } from '@trailmap/schema';
import type { CommandContext } from '@trailmap/core';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random id body of `size` url-safe characters (the browser's crypto, never Math.random). */
export function randomIdBody(size = 12): string {
  const bytes = crypto.getRandomValues(new Uint8Array(size));
  let body = '';
  for (const byte of bytes) body += ALPHABET[byte % ALPHABET.length];
  return body;
}

/** The clock and id generator core commands need, taken from the browser. */
export function browserCommandContext(actor?: { id: string; name?: string }): CommandContext {
  return {
    newId: (kind: RecordKind) => `${ID_PREFIXES[kind]}:${randomIdBody()}`,
    now: () => new Date().toISOString(),
    ...(actor ? { actor } : {}),
  };
}
