/** The console's JSON API client: session cookie + CSRF header; errors carry the server's Chinese message. */
let csrfToken: string | null = null;

/** Fired on `window` when the server answers 401 to a signed-in request: the session has expired. */
export const SESSION_EXPIRED = 'console:session-expired';

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** One problem with one field, as the server lists them in `error.details`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    /** every field problem when the server listed several */
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}

const isProblemList = (value: unknown): value is FieldProblem[] =>
  Array.isArray(value) &&
  value.every(
    (p) =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as FieldProblem).field === 'string' &&
      typeof (p as FieldProblem).message === 'string',
  );

/** Sends a request and returns the JSON (or text) answer; throws ApiError with the server's message. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    if (response.status === 401 && csrfToken && !path.startsWith('/api/auth/'))
      window.dispatchEvent(new Event(SESSION_EXPIRED));
    const data = (await response.json().catch(() => null)) as {
      error?: { message?: string; field?: string; details?: unknown };
    } | null;
    const details = data?.error?.details;
    throw new ApiError(
      response.status,
      data?.error?.message ?? `请求失败（${response.status}）`,
      data?.error?.field,
      isProblemList(details) ? details : [],
    );
  }
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

/** Uploads a file as multipart/form-data (field `file`, plus any text fields), with the CSRF header. */
export async function upload<T>(path: string, file: File, fields: Record<string, string> = {}): Promise<T> {
  return uploadFiles<T>(path, 'file', [file], fields);
}

/** Uploads files as multipart/form-data, each in the field `field`, plus any text fields, with the CSRF header. */
export async function uploadFiles<T>(
  path: string,
  field: string,
  files: readonly File[],
  fields: Record<string, string> = {},
): Promise<T> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append(field, file, file.name);
  const response = await fetch(path, {
    method: 'POST',
    headers: csrfToken ? { 'x-csrf-token': csrfToken } : {},
    credentials: 'same-origin',
    body: form,
  }).catch(() => {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试');
  });
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as {
      error?: { message?: string; field?: string };
    } | null;
    throw new ApiError(
      response.status,
      data?.error?.message ?? `上传失败（${response.status}）`,
      data?.error?.field,
    );
  }
  return (await response.json()) as T;
}

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** A path with a query string; empty, null and undefined values are left out, arrays repeat the key. */
export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The file name a download answer gives in Content-Disposition (RFC 6266 `filename*` first). */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded) return decodeURIComponent(encoded[1]!);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads a file the API answers with; when it refuses (e.g. PDF without LibreOffice on the server), throws
 * ApiError with the server's Chinese message instead of saving the error as the file.
 */
export async function download(path: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin' }).catch(() => {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试');
  });
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(response.status, data?.error?.message ?? `下载失败（${response.status}）`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, path.split('/').pop()?.split('?')[0] ?? 'download');
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
