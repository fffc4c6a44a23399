import { parse } from 'yaml';
import { decodeDocument } from './decode';
import { detectFormat } from './parse';

/**
 * The `map.id` of a document without validating it, or undefined when the text is not a
 * readable document. Used to resolve links between maps (a future-state map's `compare`).
 */
export function peekMapId(
  input: string | Uint8Array,
  options: { filename?: string } = {},
): string | undefined {
  const decoded = decodeDocument(input);
  if (!decoded.ok) return undefined;
  let value: unknown;
  try {
    value =
      detectFormat(options.filename, decoded.text) === 'json'
        ? JSON.parse(decoded.text)
        : parse(decoded.text, { maxAliasCount: 100 });
  } catch (error) {
    // Unreadable neighbours simply do not resolve links; validating them reports the reason.
    void error;
    return undefined;
  }
  const map = (value as { map?: { id?: unknown } } | null)?.map;
  return typeof map?.id === 'string' ? map.id : undefined;
}
