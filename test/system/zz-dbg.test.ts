import { it } from 'vitest';
import { fuzzTarget, FUZZ_USER } from './support/fuzz-target.ts';
import { errorHandler } from '../../src/http/errors.ts';
it('dbg', async () => {
  const t = await fuzzTarget('sqlite');
  const login = await t.server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: FUZZ_USER, password: 'fuzz-password-1' } });
  const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
  const h = { cookie, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
  for (const [m, u, p] of [['PATCH', '/api/admin/agency', {}], ['PATCH', '/api/admin/users/1', {username: 'x'}]] as const) {
    const r = await t.server.inject({ method: m, url: u, payload: p, headers: h });
    console.log(m, u, r.statusCode, r.body.slice(0, 300));
  }
  await t.close();
});
