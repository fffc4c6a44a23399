import { ID_PREFIXES } from '@trailmap/schema';
import type { CommandContext } from '@trailmap/core';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random id body (12 characters, ~71 bits), from the platform's crypto RNG. */
export function randomIdBody(length = 12): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/**
 * The command context of a live client: real clock, random ids (unique across peers without
 * coordination), and the acting user.
 */
export const liveContext = (actor?: { id: string; name?: string }): CommandContext => ({
  newId: (kind) => `${ID_PREFIXES[kind]}:${randomIdBody()}`,
  now: () => new Date().toISOString(),
  ...(actor ? { actor } : {}),
});
