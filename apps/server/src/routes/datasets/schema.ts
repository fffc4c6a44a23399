import { z } from 'zod';
import { FilterSchema, QUERIES, type QueryName } from '@trailmap/analytics';
import { WorkspaceParams } from '../workspaces/schema';

export const DatasetParams = WorkspaceParams.extend({ name: z.string().max(100) });

export const UploadQuery = z.strictObject({
  name: z.string().max(100),
  format: z.enum(['csv', 'jsonl', 'xes', 'parquet']).default('csv'),
  case: z.string().max(200).optional(),
  activity: z.string().max(200).optional(),
  timestamp: z.string().max(200).optional(),
  onError: z.enum(['fail', 'skip']).default('fail'),
});

export const QueryBody = z.strictObject({
  query: z.enum(Object.keys(QUERIES) as [QueryName, ...QueryName[]]),
  params: z.record(z.string(), z.unknown()).default({}),
});

/** `filters` narrow the cases before measuring (the engine's filter params, e.g. a segment). */
export const MeasureBody = z.strictObject({
  mapId: z.string().max(200),
  filters: z.array(FilterSchema).max(20).default([]),
});

/** Content types an upload may use; the body is streamed, never parsed. */
export const UPLOAD_CONTENT_TYPES = [
  'text/csv',
  'text/plain',
  'text/xml',
  'application/xml',
  'application/octet-stream',
  'application/x-ndjson',
  'application/jsonl',
  'application/gzip',
  'application/vnd.apache.parquet',
];
