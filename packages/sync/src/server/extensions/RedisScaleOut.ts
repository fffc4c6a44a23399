import { Redis } from '@hocuspocus/extension-redis';
import type { onStoreDocumentPayload } from '@hocuspocus/server';

/**
 * `@hocuspocus/extension-redis` whose store lock waits for its turn. The extension gives up
 * when another process is storing the same document at that moment, which silently skips our
 * compaction, including the JSON write that `CollabServer.flush` forces before an API read.
 * Waiting keeps every process's store and serialises it with loads (same lock key).
 */
export class RedisScaleOut extends Redis {
  constructor(redisUrl: string) {
    const url = new URL(redisUrl);
    super({
      host: url.hostname,
      port: Number(url.port || 6379),
      ...(url.password ? { options: { password: decodeURIComponent(url.password) } } : {}),
      // A compaction of a big map with its JSON write can take seconds on a busy machine.
      lockTimeout: 10_000,
    });
  }

  override async onStoreDocument({ documentName }: onStoreDocumentPayload) {
    const resource = `${this.configuration.prefix}:${documentName}:lock`;
    const lock = await this.redlock.acquire([resource], this.configuration.lockTimeout, {
      retryCount: 600,
      retryDelay: 50,
      retryJitter: 50,
    });
    await this.locks.get(resource)?.release;
    this.locks.set(resource, { lock });
  }
}
