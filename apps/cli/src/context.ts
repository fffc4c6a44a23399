import { randomBytes } from 'node:crypto';
import { ID_PREFIXES } from '@trailmap/schema';
import type { CommandContext } from '@trailmap/core';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random id body of `length` letters and digits (62^10 ≈ 8·10^17 values). */
export function randomIdBody(length = 10): string {
  const bytes = randomBytes(length * 2);
  let body = '';
  for (let i = 0; body.length < length && i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (byte < 248) body += ALPHABET[byte % 62];
  }
  return body.padEnd(length, 'x');
}

/** The CLI's command context: real clock, random ids such as `card:V1StGXR8_Z`. */
export const cliContext = (): CommandContext => ({
  newId: (kind) => `${ID_PREFIXES[kind]}:${randomIdBody()}`,
  now: () => new Date().toISOString(),
});
