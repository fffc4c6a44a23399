import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bearer secrets carry their kind in a prefix so one `Authorization` header serves all three. */
export const TOKEN_PREFIX = { session: 'tms_', personal: 'tmp_', share: 'tml_' } as const;

/** A new unguessable secret (256 bits) with its kind prefix. */
export const newSecret = (kind: keyof typeof TOKEN_PREFIX) =>
  TOKEN_PREFIX[kind] + randomBytes(32).toString('base64url');

/** Hashes a bearer secret for storage; the pepper keeps a leaked table useless without the key. */
export function hashSecret(pepper: string, secret: string): string {
  return createHmac('sha256', pepper).update(secret).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The configured secret, or one generated on first start and kept in `<dataDir>/secret` (0600)
 * so tokens stay valid across restarts of a single-node install.
 */
export function resolvePepper(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
