import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import type { NodeLocation, PointerLocator } from './sourceMap';
import { pointerSegments } from './sourceMap';

export interface YamlProblem {
  message: string;
  offset: number;
}

export type YamlSourceResult =
  { ok: true; value: unknown; locate: PointerLocator } | { ok: false; problems: YamlProblem[] };

/** Aliases can expand exponentially ("billion laughs"); a journey document never needs many. */
const MAX_ALIAS_COUNT = 100;

const keyText = (key: unknown) => (isScalar(key) ? String(key.value) : String(key));

function locator(root: Node | null): PointerLocator {
  return (pointer) => {
    let node: unknown = root;
    let location: NodeLocation = { value: root?.range?.[0] ?? 0 };
    for (const segment of pointerSegments(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && keyText(item.key) === segment);
        if (!pair) break;
        const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        node = pair.value;
        const valueOffset = (pair.value as Node | null)?.range?.[0] ?? keyOffset ?? location.value;
        location = { value: valueOffset, key: keyOffset };
      } else if (isSeq(node)) {
        const item = /^\d+$/.test(segment) ? node.items[Number(segment)] : undefined;
        if (item === undefined) break;
        node = item;
        location = { value: (item as Node | null)?.range?.[0] ?? location.value };
      } else break;
    }
    return location;
  };
}

/** Parses one YAML document (YAML 1.2 core schema) and keeps a pointer → offset map. */
export function parseYamlSource(text: string): YamlSourceResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
  });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        message: error.message.replace(/\s+at line \d+, column \d+.*$/s, ''),
        offset: error.pos[0],
      })),
    };
  }
  try {
    const value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, value, locate: locator(document.contents) };
  } catch (error) {
    return {
      ok: false,
      problems: [{ message: error instanceof Error ? error.message : String(error), offset: 0 }],
    };
  }
}

/**
 * Whether a YAML text has comments. The canonical YAML is written from the data, so comments
 * would be lost; `trailmap fmt` asks before dropping them.
 */
export function hasYamlComments(text: string): boolean {
  const document = parseDocument(text);
  if (document.commentBefore || document.comment) return true;
  let found = false;
  visit(document, (_key, node) => {
    const commented = node as { commentBefore?: string | null; comment?: string | null };
    if (commented.commentBefore || commented.comment) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}
