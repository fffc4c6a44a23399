import type { NodeLocation, PointerLocator } from './sourceMap';
import { pointerSegments } from './sourceMap';

interface JsonNode {
  offset: number;
  members?: Map<string, { keyOffset: number; node: JsonNode }>;
  items?: JsonNode[];
}

/** A duplicate object key: JSON.parse silently keeps the last one, we report it. */
export interface DuplicateKey {
  pointer: string;
  key: string;
  offset: number;
}

export type JsonSourceResult =
  | { ok: true; value: unknown; locate: PointerLocator; duplicates: DuplicateKey[] }
  | { ok: false; message: string; offset: number };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Deep enough for any real journey document; shallow enough that garbage cannot blow the stack. */
const MAX_DEPTH = 200;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

const describeChar = (char: string | undefined) =>
  char === undefined
    ? 'end of file'
    : /[\x20-\x7e]/.test(char)
      ? `"${char}"`
      : `character U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** A strict JSON (RFC 8259) parser that remembers where every value and key starts. */
class Parser {
  private at = 0;
  private readonly path: string[] = [];
  readonly duplicates: DuplicateKey[] = [];

  constructor(private readonly text: string) {}

  parseDocument(): { value: unknown; node: JsonNode } {
    this.skipSpace();
    if (this.at >= this.text.length) throw new JsonSyntaxError('the file is empty', 0);
    const result = this.parseValue(0);
    this.skipSpace();
    if (this.at < this.text.length) {
      throw new JsonSyntaxError(
        `unexpected ${describeChar(this.text[this.at])} after the end of the document`,
        this.at,
      );
    }
    return result;
  }

  private skipSpace() {
    const text = this.text;
    let at = this.at;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) at += 1;
      else break;
    }
    this.at = at;
  }

  private fail(expected: string): never {
    const char = this.text[this.at];
    if (char === '/' && (this.text[this.at + 1] === '/' || this.text[this.at + 1] === '*'))
      throw new JsonSyntaxError('comments are not allowed in JSON (use YAML for comments)', this.at);
    if (char === "'") throw new JsonSyntaxError('strings must use double quotes', this.at);
    throw new JsonSyntaxError(`unexpected ${describeChar(char)}, expected ${expected}`, this.at);
  }

  private parseValue(depth: number): { value: unknown; node: JsonNode } {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`nesting deeper than ${MAX_DEPTH} levels`, this.at);
    const offset = this.at;
    const char = this.text[this.at];
    if (char === '{') return this.parseObject(depth);
    if (char === '[') return this.parseArray(depth);
    if (char === '"') return { value: this.parseString(), node: { offset } };
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return { value, node: { offset } };
      }
    }
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (match && match[0] !== '-') {
      this.at += match[0].length;
      return { value: Number(match[0]), node: { offset } };
    }
    return this.fail('a value');
  }

  private parseString(): string {
    const start = this.at;
    let at = start + 1;
    let hasEscape = false;
    const text = this.text;
    for (;;) {
      if (at >= text.length) throw new JsonSyntaxError('unterminated string', start);
      const code = text.charCodeAt(at);
      if (code === 0x22) break;
      if (code === 0x5c) {
        hasEscape = true;
        at += 2;
        continue;
      }
      if (code < 0x20) {
        throw new JsonSyntaxError(
          code === 0x0a
            ? 'unterminated string (line break inside a string)'
            : 'control character inside a string must be escaped',
          at,
        );
      }
      at += 1;
    }
    this.at = at + 1;
    if (!hasEscape) return text.slice(start + 1, at);
    try {
      return JSON.parse(text.slice(start, at + 1)) as string;
    } catch (error) {
      throw new JsonSyntaxError(`invalid escape sequence in string (${String(error)})`, start);
    }
  }

  private parseObject(depth: number): { value: unknown; node: JsonNode } {
    const offset = this.at;
    const value: Record<string, unknown> = {};
    const members = new Map<string, { keyOffset: number; node: JsonNode }>();
    this.at += 1;
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at += 1;
      return { value, node: { offset, members } };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] !== '"') {
        if (this.text[this.at] === '}' && members.size > 0)
          throw new JsonSyntaxError('trailing comma before "}" is not allowed', this.at);
        this.fail('a property name in double quotes');
      }
      const keyOffset = this.at;
      const key = this.parseString();
      this.skipSpace();
      if (this.text[this.at] !== ':') this.fail('":" after the property name');
      this.at += 1;
      this.skipSpace();
      this.path.push(escapePointer(key));
      const member = this.parseValue(depth + 1);
      if (members.has(key)) {
        this.duplicates.push({ pointer: '/' + this.path.join('/'), key, offset: keyOffset });
      }
      this.path.pop();
      members.set(key, { keyOffset, node: member.node });
      if (key === '__proto__')
        Object.defineProperty(value, key, {
          value: member.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else value[key] = member.value;
      this.skipSpace();
      const next = this.text[this.at];
      this.at += 1;
      if (next === '}') return { value, node: { offset, members } };
      if (next !== ',') {
        this.at -= 1;
        this.fail('"," or "}" after the property value');
      }
    }
  }

  private parseArray(depth: number): { value: unknown; node: JsonNode } {
    const offset = this.at;
    const value: unknown[] = [];
    const items: JsonNode[] = [];
    this.at += 1;
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at += 1;
      return { value, node: { offset, items } };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === ']' && items.length > 0)
        throw new JsonSyntaxError('trailing comma before "]" is not allowed', this.at);
      this.path.push(String(items.length));
      const item = this.parseValue(depth + 1);
      this.path.pop();
      value.push(item.value);
      items.push(item.node);
      this.skipSpace();
      const next = this.text[this.at];
      this.at += 1;
      if (next === ']') return { value, node: { offset, items } };
      if (next !== ',') {
        this.at -= 1;
        this.fail('"," or "]" after the list item');
      }
    }
  }
}

function locator(root: JsonNode): PointerLocator {
  return (pointer) => {
    let node = root;
    let location: NodeLocation = { value: root.offset };
    for (const segment of pointerSegments(pointer)) {
      if (node.members) {
        const member = node.members.get(segment);
        if (!member) break;
        node = member.node;
        location = { value: member.node.offset, key: member.keyOffset };
      } else if (node.items) {
        const item = /^\d+$/.test(segment) ? node.items[Number(segment)] : undefined;
        if (!item) break;
        node = item;
        location = { value: item.offset };
      } else break;
    }
    return location;
  };
}

/**
 * Parses strict JSON and keeps a map from JSON pointers to source offsets, so validation
 * problems can be reported at a line and column. Duplicate keys are collected, not rejected.
 */
export function parseJsonSource(text: string): JsonSourceResult {
  const parser = new Parser(text);
  try {
    const { value, node } = parser.parseDocument();
    return { ok: true, value, locate: locator(node), duplicates: parser.duplicates };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}
