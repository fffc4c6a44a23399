/** An error the server (or the network) returned, with its stable code. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const CSRF_COOKIE = 'trailmap_csrf';
let csrfToken: string | undefined;
/** A share-link token: sent as a bearer token instead of the session cookie. */
let bearerToken: string | undefined;

export const setCsrfToken = (token: string | null | undefined) => {
  csrfToken = token ?? undefined;
};
export const setBearerToken = (token: string | undefined) => {
  bearerToken = token;
};

function readCsrfCookie(): string | undefined {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : undefined;
}

/** The auth headers a write sends, for requests made outside `apiRequest` (uploads with progress). */
export function writeAuthHeaders(): Record<string, string> {
  if (bearerToken) return { authorization: `Bearer ${bearerToken}` };
  const token = csrfToken ?? readCsrfCookie();
  return token ? { 'x-csrf-token': token } : {};
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

/**
 * Calls the Trailmap API. Writes carry the CSRF header (double-submit cookie); errors become
 * ApiError with the server's code, or NETWORK_ERROR when the server cannot be reached.
 */
export async function apiRequest<T>(
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (bearerToken) headers.authorization = `Bearer ${bearerToken}`;
  else if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken ?? readCsrfCookie();
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('NETWORK_ERROR', 'cannot reach the server', 0);
  }
  if (response.status === 204 || response.status === 304) {
    return { data: undefined as T, headers: response.headers, status: response.status };
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    throw new ApiError(
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? response.statusText,
      response.status,
      error?.details,
    );
  }
  return { data: body as T, headers: response.headers, status: response.status };
}

export const api = {
  get: <T>(path: string, headers?: Record<string, string>) =>
    apiRequest<T>('GET', path, headers ? { headers } : {}).then((r) => r.data),
  post: <T>(path: string, body?: unknown) =>
    apiRequest<T>('POST', path, { body: body ?? {} }).then((r) => r.data),
  put: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    apiRequest<T>('PUT', path, { body, ...(headers ? { headers } : {}) }).then((r) => r.data),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }).then((r) => r.data),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path).then((r) => r.data),
};
