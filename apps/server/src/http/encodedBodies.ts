import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Bodies below this are sent as they are: caching or compressing them costs more than it saves. */
const MIN_BYTES = 8 * 1024;

export type BodyEncoding = 'gzip' | 'identity';

/** Whether a request's `Accept-Encoding` takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Ready-to-send bytes of large serialized documents, keyed by map, version and encoding. Node
 * writes a big string to a socket many times slower than a Buffer (it re-encodes it and copies
 * what the kernel does not take at once): a 740 KB map sent as a string serves ~330 req/s on two
 * cores, as a Buffer ~2,500. Gzip (about tenfold smaller) runs once per version on zlib's thread
 * pool. Every reader of one version shares one entry; total bytes are bounded.
 */
export class EncodedBodies {
  private entries = new Map<string, Promise<Buffer>>();
  private sizes = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly maxBytes = 128 * 1024 * 1024) {}

  /** The body in `encoding`, or undefined when `json` is too small to be worth caching. */
  async body(mapId: string, etag: string, json: string, encoding: BodyEncoding): Promise<Buffer | undefined> {
    if (json.length < MIN_BYTES) return undefined;
    const key = `${mapId} ${etag} ${encoding}`;
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry;
    }
    entry = encoding === 'gzip' ? gzipAsync(json, { level: 6 }) : Promise.resolve(Buffer.from(json, 'utf8'));
    this.entries.set(key, entry);
    try {
      const body = await entry;
      this.remember(key, body.length);
      return body;
    } catch (error) {
      this.entries.delete(key);
      throw error;
    }
  }

  private remember(key: string, size: number) {
    if (!this.entries.has(key) || this.sizes.has(key)) return;
    this.sizes.set(key, size);
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes || oldest === key) break;
      this.entries.delete(oldest);
      this.bytes -= this.sizes.get(oldest) ?? 0;
      this.sizes.delete(oldest);
    }
  }
}
