import { randomUUID } from 'node:crypto';
import type { Redis } from '@hocuspocus/extension-redis';

/** Runs `work` while no other server process loads or stores the same document. */
export type DocumentLock = <T>(documentName: string, work: () => Promise<T>) => Promise<T>;

/** Without Redis there is one process, and Hocuspocus already loads a document only once. */
export const noLock: DocumentLock = (_documentName, work) => work();

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * A lock across server processes on the key the Redis extension locks while it stores a document
 * (`<prefix>:<name>:lock`, SET NX PX like its Redlock), so loading a document (read the store,
 * merge JSON written outside, write the result back) never interleaves with another process
 * loading or storing it. Unlike the extension's store lock it waits for its turn.
 */
export function redisDocumentLock(redis: Redis, ttlMs = 10_000, waitMs = 30_000): DocumentLock {
  return async (documentName, work) => {
    const key = `${redis.configuration.prefix}:${documentName}:lock`;
    const token = randomUUID();
    const deadline = Date.now() + waitMs;
    while ((await redis.pub.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the lock on ${documentName}`);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
    }
    try {
      return await work();
    } finally {
      await redis.pub.eval(RELEASE, 1, key, token);
    }
  };
}
