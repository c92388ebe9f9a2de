import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** A logged-in staff session for `server.inject()`: cookie + CSRF header on every request. */
export interface Session {
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export async function loginAs(
  server: FastifyInstance,
  username: string,
  password = 'test-password-1',
): Promise<Session> {
  const response = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0]! : setCookie!).split(';')[0]!;
  const csrf = (response.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    request: (method, url, body) =>
      server.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrf },
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
  };
}

/** An inject() payload uploading one file as the form field `file` (multipart/form-data). */
export function fileUpload(filename: string, type: string, data: Buffer) {
  const boundary = '----gongkaiupload';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
