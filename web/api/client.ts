// Typed same-origin fetch wrapper. Cookie sessions need the CSRF token (from the session
// response) in X-CSRF-Token on every unsafe request; errors arrive as RFC 9457 problem+json.
import { ERROR_CODES, type ErrorCode, type InvalidParam } from '../../shared/api/errors.ts';

/** Codes the server sends plus two the client makes up when there is no server answer. */
export type ClientErrorCode = ErrorCode | 'network' | 'unknown';

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    readonly status: number,
    readonly invalidParams: InvalidParam[] = [],
    readonly requestId?: string,
  ) {
    super(`API error ${status} ${code}`);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;

/** Called with every session response (login, set-up, session); cleared on sign-out. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A Blob (an uploaded file) goes as it is, with its own type; anything else as JSON.
  if (body !== undefined)
    headers['content-type'] =
      body instanceof Blob ? body.type || 'application/octet-stream' : 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network', 0);
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  const problem = (await response.json().catch(() => undefined)) as
    { code?: unknown; invalidParams?: InvalidParam[]; requestId?: string } | undefined;
  const code = ERROR_CODES.includes(problem?.code as ErrorCode)
    ? (problem?.code as ErrorCode)
    : 'unknown';
  return new ApiError(code, response.status, problem?.invalidParams ?? [], problem?.requestId);
}

/**
 * A file the server makes (a list export): fetched rather than followed as a link, so a refusal
 * (422 too_many_rows, 403 …) arrives as a translated ApiError instead of a saved error file.
 */
export async function downloadFile(path: string): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError('network', 0);
  }
  if (!response.ok) throw await toApiError(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'export';
  return { blob: await response.blob(), fileName };
}

/** The i18n key to show for any error; the server's English text is never shown. */
export function errorKey(error: unknown): string {
  return `errors.${error instanceof ApiError ? error.code : 'unknown'}`;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
