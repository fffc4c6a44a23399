import type { FastifyRequest } from 'fastify';
import { fromCsv, fromMermaid, parseJourneyText, type CommandContext } from '@trailmap/core';
import { TrailmapError, isTrailmapError, validateJourney, type Issue, type Journey } from '@trailmap/schema';

/** Formats a new map can be uploaded in as a raw request body, besides the JSON API body. */
export type UploadFormat = 'json' | 'yaml' | 'mermaid' | 'csv' | 'xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content types read as raw uploads (JSON keeps its own parser and the API body). */
export const UPLOAD_FORMAT_BY_TYPE: Record<string, UploadFormat | 'by-name'> = {
  'application/yaml': 'yaml',
  'application/x-yaml': 'yaml',
  'text/yaml': 'yaml',
  'text/x-yaml': 'yaml',
  'text/vnd.mermaid': 'mermaid',
  'text/x-mermaid': 'mermaid',
  'text/csv': 'csv',
  [XLSX_TYPE]: 'xlsx',
  // Generic: the `filename` query parameter (or the bytes) tell the format.
  'application/octet-stream': 'by-name',
};

const FORMAT_BY_EXTENSION: Record<string, UploadFormat> = {
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  mmd: 'mermaid',
  mermaid: 'mermaid',
  csv: 'csv',
  xlsx: 'xlsx',
};

export interface RawUpload {
  contentType: string;
  bytes: Buffer;
}

/** Raw upload bodies, kept beside the (empty) API body until the handler has authorized the caller. */
const uploads = new WeakMap<FastifyRequest, RawUpload>();
export const stashUpload = (request: FastifyRequest, upload: RawUpload) => uploads.set(request, upload);
export const takeUpload = (request: FastifyRequest) => uploads.get(request);

function formatOf(upload: RawUpload, filename: string | undefined, fallback?: UploadFormat): UploadFormat {
  const byType = UPLOAD_FORMAT_BY_TYPE[upload.contentType];
  if (byType && byType !== 'by-name') return byType;
  const extension = filename?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  const byName = extension ? FORMAT_BY_EXTENSION[extension] : undefined;
  if (byName) return byName;
  // A ZIP container is an .xlsx workbook; Mermaid diagrams start with their diagram type.
  if (upload.bytes.subarray(0, 2).toString('latin1') === 'PK') return 'xlsx';
  if (/^\s*(%%[^\n]*\n\s*)*journey\b/.test(upload.bytes.toString('utf8', 0, 4096))) return 'mermaid';
  if (fallback) return fallback;
  throw new TrailmapError(
    'UNKNOWN_UPLOAD_FORMAT',
    `cannot tell the format of a ${upload.contentType} upload: name it with ?filename=… (.json, .yaml, .mmd, .csv, .xlsx) or send a specific content type`,
    { status: 400 },
  );
}

const DEFAULT_NAMES: Record<UploadFormat, string> = {
  json: 'upload.json',
  yaml: 'upload.yaml',
  mermaid: 'upload.mmd',
  csv: 'upload.csv',
  xlsx: 'upload.xlsx',
};

/** Each issue as `file:line:col: message` (or `file: message` when it has no position). */
const locate = (file: string, issues: readonly Issue[]) =>
  issues.map((issue) => ({
    ...issue,
    at: issue.line !== undefined ? `${file}:${issue.line}:${issue.col ?? 1}` : file,
  }));

const rejected = (code: string, message: string, file: string, issues: readonly Issue[]) =>
  new TrailmapError(code, `${file}: ${message}`, { status: 422, details: locate(file, issues) });

/**
 * Turns an uploaded file into a journey with the parsers the CLI uses (`trailmap validate` for
 * JSON/YAML, `trailmap import` for Mermaid, CSV grids and .xlsx workbooks).
 * @throws TrailmapError 422 with `details: [{ at: 'file:line:col', code, message, pointer }]`;
 *   400 `UNKNOWN_UPLOAD_FORMAT`
 */
export async function journeyFromUpload(
  upload: RawUpload,
  filename: string | undefined,
  ctx: CommandContext,
  fallback?: UploadFormat,
): Promise<Journey> {
  const format = formatOf(upload, filename, fallback);
  const file = filename ?? DEFAULT_NAMES[format];
  if (format === 'json' || format === 'yaml') {
    const parsed = parseJourneyText(upload.bytes, { format });
    if (!parsed.ok)
      throw rejected('VALIDATION_FAILED', 'the uploaded document has problems', file, parsed.issues);
    return parsed.doc;
  }
  let doc: Journey;
  try {
    if (format === 'xlsx')
      doc = await (await import('@trailmap/render/node')).fromXlsx(upload.bytes, { ctx });
    else {
      const text = upload.bytes.toString('utf8').replace(/^\uFEFF/, '');
      doc =
        format === 'csv'
          ? fromCsv(text, { ctx, filename: file })
          : fromMermaid(text, { ctx, filename: file });
    }
  } catch (error) {
    if (!isTrailmapError(error)) throw error;
    const issues = Array.isArray(error.details)
      ? (error.details as Issue[])
      : [{ pointer: '', code: error.code, message: error.message }];
    throw rejected(error.code, error.message, file, issues);
  }
  const checked = validateJourney(doc);
  if (!checked.ok)
    throw rejected('VALIDATION_FAILED', 'the import produced an invalid map', file, checked.issues);
  return checked.value;
}
