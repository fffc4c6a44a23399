import { hash, verify } from '@node-rs/argon2';

// argon2id (algorithm 2) with OWASP's minimum of 19 MiB, 2 passes.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash is a failed login, never a crash.
    return false;
  }
}

/** A valid hash of no known password, so unknown emails cost the same time as wrong passwords. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('trailmap-dummy-password'));
