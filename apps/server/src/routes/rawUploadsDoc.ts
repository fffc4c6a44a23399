import { UPLOAD_CONTENT_TYPES } from './datasets/schema';
import { UPLOAD_FORMAT_BY_TYPE } from './maps/upload';

/** A route that also takes a raw file as its body, read by its own content-type parser. */
interface RawUpload {
  path: string;
  method: 'post' | 'put';
  contentTypes: readonly string[];
  description: string;
}

/**
 * Raw uploads bypass the zod body schema (their bytes are parsed by the route), so the generated
 * OpenAPI document would show only the JSON body. These entries add the file bodies beside it.
 */
const RAW_UPLOADS: RawUpload[] = [
  {
    path: '/api/v1/workspaces/{workspaceId}/maps',
    method: 'post',
    contentTypes: Object.keys(UPLOAD_FORMAT_BY_TYPE),
    description:
      'A journey file (YAML, Mermaid journey, CSV grid or .xlsx) to create the map from; with ' +
      'application/octet-stream the `filename` query parameter names the format.',
  },
  {
    path: '/api/v1/workspaces/{workspaceId}/datasets',
    method: 'post',
    contentTypes: UPLOAD_CONTENT_TYPES,
    description: 'An event log or survey (CSV, JSONL, Parquet, XES; optionally gzipped), streamed.',
  },
];

interface OpenApiLike {
  paths?: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } } | undefined>>;
}

/** Adds each raw upload's content types (binary bodies) to its operation's request body. */
export function withRawUploads<T extends object>(doc: T): T {
  const { paths } = doc as OpenApiLike;
  for (const upload of RAW_UPLOADS) {
    const operation = paths?.[upload.path]?.[upload.method];
    if (!operation) continue;
    const requestBody = (operation.requestBody ??= {});
    const content = (requestBody.content ??= {});
    for (const type of upload.contentTypes) {
      content[type] ??= {
        schema: { type: 'string', contentMediaType: type, description: upload.description },
      };
    }
  }
  return doc;
}
