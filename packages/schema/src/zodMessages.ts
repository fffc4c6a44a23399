import type { z } from 'zod';
import type { Issue } from './errors';
import { toJsonPointer } from './integrity';

const describeValue = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `the text ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
};

const EXPECTED_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  literal: 'a fixed value',
};

type ZodIssue = z.core.$ZodIssue;

/** True when zod reports a missing value; works with and without `reportInput`. */
const isMissing = (issue: ZodIssue) =>
  issue.code === 'invalid_type' &&
  ('input' in issue ? issue.input === undefined : /received undefined$/.test(issue.message));

/** Zod's own default messages start like this; ours are phrases that read after the field name. */
const isDefaultMessage = (message: string) => /^(Invalid|Too big|Too small|Expected)/.test(message);

function messageFor(issue: ZodIssue, field: string): string {
  const input = 'input' in issue ? issue.input : undefined;
  const got = 'input' in issue ? ` (got ${describeValue(input)})` : '';
  if (isMissing(issue)) return `${field} is required`;
  switch (issue.code) {
    case 'invalid_type':
      return `${field} must be ${EXPECTED_NAMES[issue.expected] ?? issue.expected}${got}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `${field} must be ${JSON.stringify(issue.values[0])}${got}`
        : `${field} must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}${got}`;
    case 'too_big':
    case 'too_small': {
      if (!isDefaultMessage(issue.message)) break;
      const bound = issue.code === 'too_big' ? 'at most' : 'at least';
      const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `${field} must have ${bound} ${String(limit)} items`;
      if (issue.origin === 'string') return `${field} must be ${bound} ${String(limit)} characters`;
      return `${field} must be ${bound} ${String(limit)}${got}`;
    }
    case 'invalid_format':
      if (issue.format === 'datetime' && isDefaultMessage(issue.message))
        return `${field} must be a date-time such as 2026-11-23T09:30:00Z${got}`;
      break;
    default:
      break;
  }
  if (isDefaultMessage(issue.message)) return `${field}: ${issue.message.toLowerCase()}`;
  // Our own messages either name the field already ("score must be…"), read as a predicate
  // ("must be a date…"), or stand alone ("a map holds at most 100 lanes").
  const bareField = field.replace(/\[\d+\]$/, '');
  if (issue.message.startsWith(`${bareField} `)) return issue.message;
  if (/^(must|is|cannot|has) /.test(issue.message)) return `${field} ${issue.message}`;
  return `${field}: ${issue.message}`;
}

/**
 * Turns zod issues into located problems with messages that name the field and what was found.
 * Unknown keys become one `UNKNOWN_FIELD` issue each, pointing at the key.
 */
export function issuesFromZod(error: z.ZodError): Issue[] {
  return error.issues.flatMap((issue): Issue[] => {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        pointer: toJsonPointer(...path, key),
        code: 'UNKNOWN_FIELD',
        message: `unknown field "${key}"`,
      }));
    }
    const last = path[path.length - 1];
    const parent = path[path.length - 2];
    const field =
      last === undefined
        ? 'document'
        : typeof last === 'number'
          ? `${parent === undefined ? 'item' : String(parent)}[${last}]`
          : String(last);
    return [
      {
        pointer: path.length > 0 ? toJsonPointer(...path) : '',
        code: 'INVALID_VALUE',
        message: messageFor(issue, field),
      },
    ];
  });
}
