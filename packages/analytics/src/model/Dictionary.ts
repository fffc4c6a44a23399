/**
 * Interns strings given either as JS strings or as UTF-8 byte ranges of a buffer, handing out
 * dense codes 0, 1, 2… in order of first appearance. The byte path never creates a JS string for
 * a value it has seen before, which is what keeps CSV ingest fast.
 */
export class Dictionary {
  private table: Int32Array;
  private mask: number;
  private pool: Buffer;
  private poolUsed = 0;
  private offsets: Int32Array;
  private hashes: Int32Array;
  private size_ = 0;
  private readonly byString = new Map<string, number>();
  private lastCode = -1;
  /** Recent codes by a shape of the value (256 slots; no module constant: see csvWorker.ts). */
  private readonly recentByShape = new Int32Array(256).fill(-1);
  /** OR of every byte in the pool: below 0x80 means all values are ASCII. */
  private byteBits = 0;

  constructor(capacity = 1024) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.table = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
    this.pool = Buffer.allocUnsafe(64 * 1024);
    this.offsets = new Int32Array(capacity + 1);
    this.hashes = new Int32Array(capacity);
  }

  get size(): number {
    return this.size_;
  }

  /** Code of `buffer[start, end)`, adding it when new. */
  internBytes(buffer: Uint8Array, start: number, end: number): number {
    const last = this.lastCode;
    if (last >= 0 && this.sameAs(last, buffer, start, end)) return last;
    // A value seen recently with the same length and end bytes is checked before hashing: most
    // columns repeat a few values (activities), and comparing is cheaper than hashing.
    const shape = end > start ? ((end - start) * 31 + buffer[start]! * 7 + buffer[end - 1]!) & 255 : 0;
    const recent = this.recentByShape[shape]!;
    if (recent >= 0 && this.sameAs(recent, buffer, start, end)) {
      this.lastCode = recent;
      return recent;
    }
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ buffer[i]!, 0x01000193);
    let slot = hash & this.mask;
    for (;;) {
      const code = this.table[slot]!;
      if (code < 0) break;
      if (this.hashes[code] === hash && this.sameAs(code, buffer, start, end)) {
        this.lastCode = code;
        this.recentByShape[shape] = code;
        return code;
      }
      slot = (slot + 1) & this.mask;
    }
    const code = this.add(buffer, start, end, hash, slot);
    this.lastCode = code;
    this.recentByShape[shape] = code;
    return code;
  }

  /** Code of a JS string, adding it when new. */
  internString(value: string): number {
    const known = this.byString.get(value);
    if (known !== undefined) return known;
    const bytes = Buffer.from(value, 'utf8');
    const code = this.internBytes(bytes, 0, bytes.length);
    this.byString.set(value, code);
    return code;
  }

  /** All values, indexed by code. */
  values(): string[] {
    const out = new Array<string>(this.size_);
    if (this.byteBits < 0x80) {
      // One decode and cheap substrings instead of a native call per value (100k case ids).
      const all = this.pool.toString('latin1', 0, this.poolUsed);
      for (let code = 0; code < this.size_; code++) {
        out[code] = all.substring(this.offsets[code]!, this.offsets[code + 1]!);
      }
      return out;
    }
    for (let code = 0; code < this.size_; code++) {
      out[code] = this.pool.toString('utf8', this.offsets[code]!, this.offsets[code + 1]!);
    }
    return out;
  }

  /** Values as bytes (copies): value k is `pool[offsets[k], offsets[k + 1])`. Transferable. */
  toBytes(): DictionaryBytes {
    return {
      pool: Uint8Array.prototype.slice.call(this.pool, 0, this.poolUsed),
      offsets: this.offsets.slice(0, this.size_ + 1),
    };
  }

  private sameAs(code: number, buffer: Uint8Array, start: number, end: number): boolean {
    const from = this.offsets[code]!;
    const length = this.offsets[code + 1]! - from;
    if (length !== end - start) return false;
    const pool = this.pool;
    for (let i = 0; i < length; i++) if (pool[from + i] !== buffer[start + i]) return false;
    return true;
  }

  private add(buffer: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const code = this.size_;
    const length = end - start;
    if (this.poolUsed + length > this.pool.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.pool.length * 2, this.poolUsed + length));
      this.pool.copy(grown, 0, 0, this.poolUsed);
      this.pool = grown;
    }
    const pool = this.pool;
    let at = this.poolUsed;
    let bits = this.byteBits;
    for (let i = start; i < end; i++) bits |= pool[at++] = buffer[i]!;
    this.byteBits = bits;
    this.poolUsed = at;
    if (code >= this.hashes.length) {
      const offsets = new Int32Array(this.hashes.length * 2 + 1);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.offsets[code + 1] = this.poolUsed;
    this.hashes[code] = hash;
    this.table[slot] = code;
    this.size_++;
    if (this.size_ * 2 > this.table.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const slots = this.table.length * 2;
    this.table = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
    for (let code = 0; code < this.size_; code++) {
      let slot = this.hashes[code]! & this.mask;
      while (this.table[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = code;
    }
  }
}

/** A dictionary's values as bytes, in code order (see {@link Dictionary.toBytes}). */
export interface DictionaryBytes {
  pool: Uint8Array;
  offsets: Int32Array;
}
