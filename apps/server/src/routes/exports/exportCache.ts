import type { ExportFile } from './formats';

/**
 * Recently produced exports, keyed by map id, map version and options, bounded by total bytes.
 * Rendering a poster costs far more than a lookup, and a map version never changes, so entries
 * are never stale; old versions simply age out.
 */
export class ExportCache {
  private entries = new Map<string, ExportFile>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): ExportFile | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, file: ExportFile) {
    if (file.body.length > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
    this.entries.set(key, file);
    this.bytes += file.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }
}
