import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Bodies below this are sent as they are: compressing them costs more than it saves. */
const MIN_BYTES = 8 * 1024;

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
 * Gzipped copies of large serialized documents, keyed by map and version. A 2,000-card map is
 * ~740 KB of JSON and compresses about tenfold; every reader of one version shares one
 * compression (done off the event loop by zlib's thread pool), bounded by total bytes.
 */
export class CompressedBodies {
  private entries = new Map<string, Promise<Buffer>>();
  private sizes = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** The gzipped body, or undefined when `json` is too small to be worth compressing. */
  async gzipped(mapId: string, etag: string, json: string): Promise<Buffer | undefined> {
    if (json.length < MIN_BYTES) return undefined;
    const key = `${mapId} ${etag}`;
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry;
    }
    entry = gzipAsync(json, { level: 6 });
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
