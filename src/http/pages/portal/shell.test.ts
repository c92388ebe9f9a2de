import { describe, expect, it } from 'vitest';
import type { Agency } from '../../../persistence/repositories/agency.repository.ts';
import { link } from './shell.ts';

/** What link() wrote through URLSearchParams for every link, before the links without escaping were written directly. */
function throughSearchParams(
  agencyParam: string | null,
  path: string,
  params: Record<string, string | number | null | undefined> = {},
): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  if (agencyParam) query.set('agency', agencyParam);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

describe('portal links', () => {
  const agency = { id: 1, code: 'PX', name: '某局' } as Agency;
  it.each([
    [null, '/items/12', undefined],
    ['PX', '/items/12', undefined],
    [null, '/catalog/gzdt', { page: 3 }],
    ['PX-2', '/catalog/gzdt', { page: 3, q: undefined, year: '' }],
    [null, '/catalog/gzdt', { page: undefined }],
    [null, '/search', { q: '医疗 机构', page: 2 }],
    ['PX', '/search', { q: 'a&b=c', sort: 'date' }],
    [null, '/search', { q: "x!'()~*._-" }],
    ['PX', '/x', { agency: 'QQ', page: 2 }],
    [null, '/x', { 'a b': 1, c: null }],
  ] as const)('agency %s, %s %j: as URLSearchParams writes it', (agencyParam, path, params) => {
    const view = { agency, agencyParam, path: '/' };
    const expected = throughSearchParams(agencyParam, path, params);
    expect(link(view, path, params)).toBe(expected);
  });
  it('writes a page number and the agency without escaping, in order', () => {
    expect(link({ agency, agencyParam: 'PX', path: '/' }, '/catalog/gzdt', { page: 3 })).toBe(
      '/catalog/gzdt?page=3&agency=PX',
    );
  });
});
