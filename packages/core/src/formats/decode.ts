/**
 * Largest journey document Trailmap reads: 10 MiB. A 20,000-card map (the schema's limit) is
 * about 6 MiB of canonical JSON, so real documents fit with room to spare, while a runaway file
 * (a log pasted by mistake, a binary) is refused before it is parsed.
 */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type DecodeResult =
  { ok: true; text: string } | { ok: false; code: string; message: string; offset: number; text: string };

const formatBytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

export const tooLargeMessage = (bytes: number) =>
  `the file is ${formatBytes(bytes)}; journey documents are limited to ${formatBytes(MAX_DOCUMENT_BYTES)}`;

/** Offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

function checkText(text: string): DecodeResult {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return {
      ok: false,
      code: 'BINARY_FILE',
      message: 'this looks like a binary file (it contains NUL bytes), not a journey document',
      offset: nul,
      text,
    };
  }
  return { ok: true, text };
}

/**
 * Turns file contents into text: enforces {@link MAX_DOCUMENT_BYTES}, drops a UTF-8 byte-order
 * mark, and refuses UTF-16, non-UTF-8 bytes and binary data with a located reason.
 */
export function decodeDocument(input: string | Uint8Array): DecodeResult {
  if (typeof input === 'string') {
    const bytes = input.length * 3 > MAX_DOCUMENT_BYTES ? new TextEncoder().encode(input).length : 0;
    if (bytes > MAX_DOCUMENT_BYTES)
      return { ok: false, code: 'TOO_LARGE', message: tooLargeMessage(bytes), offset: 0, text: '' };
    return checkText(input.startsWith('\uFEFF') ? input.slice(1) : input);
  }
  if (input.length > MAX_DOCUMENT_BYTES)
    return { ok: false, code: 'TOO_LARGE', message: tooLargeMessage(input.length), offset: 0, text: '' };
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    return {
      ok: false,
      code: 'UNSUPPORTED_ENCODING',
      message: 'the file is UTF-16 encoded; save it as UTF-8',
      offset: 0,
      text: '',
    };
  }
  const invalid = firstInvalidUtf8(input);
  if (invalid !== -1) {
    const before = new TextDecoder('utf-8').decode(input.subarray(0, invalid));
    const text = before.startsWith('\uFEFF') ? before.slice(1) : before;
    const hasNul = input.subarray(0, Math.min(input.length, 8000)).includes(0);
    return {
      ok: false,
      code: hasNul ? 'BINARY_FILE' : 'INVALID_UTF8',
      message: hasNul
        ? 'this looks like a binary file, not a journey document'
        : `byte 0x${input[invalid]!.toString(16).padStart(2, '0')} is not valid UTF-8; save the file as UTF-8`,
      offset: text.length,
      text,
    };
  }
  return checkText(new TextDecoder('utf-8').decode(input));
}
