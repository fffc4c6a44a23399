import { ApiError, api, writeAuthHeaders } from '../api/client';
import type { DatasetInfo, Filter, MeasureResponse, QueryResults, UploadResult } from './types';

const enc = encodeURIComponent;
const base = (workspaceId: string) => `/api/v1/workspaces/${enc(workspaceId)}/datasets`;

/** Log formats the server imports, guessed from the file name (gzip is detected by the server). */
export function formatOfFile(fileName: string): 'csv' | 'jsonl' | 'xes' | 'parquet' {
  const name = fileName.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.xes')) return 'xes';
  if (name.endsWith('.parquet')) return 'parquet';
  return 'csv';
}

/** A dataset name the server accepts, from a file name (`Web log 2024.csv` → `Web-log-2024`). */
export function datasetNameOf(fileName: string): string {
  const stem = fileName.replace(/(\.gz)?$/i, '').replace(/\.[^.]*$/, '');
  const cleaned = stem
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '')
    .slice(0, 63);
  return cleaned || 'dataset';
}

function errorOf(request: XMLHttpRequest): ApiError {
  let body: { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  try {
    body = JSON.parse(request.responseText) as typeof body;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  return new ApiError(
    error?.code ?? `HTTP_${request.status}`,
    error?.message ?? (request.statusText || 'the upload failed'),
    request.status,
    error?.details,
  );
}

/**
 * Uploads a log file as the raw request body. XMLHttpRequest because fetch reports no upload
 * progress; the browser streams the File from disk, so it is never read whole into memory.
 */
export function uploadDataset(
  workspaceId: string,
  name: string,
  file: Blob & { name?: string },
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  const format = formatOfFile(file.name ?? name);
  const url = `${base(workspaceId)}?name=${enc(name)}&format=${format}`;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('content-type', format === 'csv' ? 'text/csv' : 'application/octet-stream');
    request.setRequestHeader('accept', 'application/json');
    for (const [key, value] of Object.entries(writeAuthHeaders())) request.setRequestHeader(key, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve(JSON.parse(request.responseText) as UploadResult);
      } else reject(errorOf(request));
    };
    request.onerror = () => reject(new ApiError('NETWORK_ERROR', 'cannot reach the server', 0));
    request.send(file);
  });
}

/** Every datasets call of the analytics panel. */
export const datasetsApi = {
  list: (workspaceId: string) =>
    api.get<{ datasets: DatasetInfo[] }>(base(workspaceId)).then((r) => r.datasets),
  remove: (workspaceId: string, name: string) => api.delete<void>(`${base(workspaceId)}/${enc(name)}`),
  query: <Q extends keyof QueryResults>(
    workspaceId: string,
    name: string,
    query: Q,
    params: Record<string, unknown> = {},
  ) =>
    api
      .post<{ result: QueryResults[Q] }>(`${base(workspaceId)}/${enc(name)}/query`, { query, params })
      .then((r) => r.result),
  measure: (workspaceId: string, name: string, mapId: string, filters: Filter[] = []) =>
    api.post<MeasureResponse>(`${base(workspaceId)}/${enc(name)}/measure`, { mapId, filters }),
};
