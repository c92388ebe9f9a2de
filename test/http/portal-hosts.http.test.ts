import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff, naturalApplicant } from '../support/fixtures.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * A portal per agency on one installation (#15 point 3): the agency's host names (setting `domains`) serve its
 * portal only, whatever the query asks; `/a/CODE/` serves it under a path prefix; the installation's own host
 * lists the agencies by hierarchy; feeds and sitemaps speak for the host's agency; staff see their own agency
 * through any host.
 */
describe.each(DIALECTS)('a portal per agency (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
    const city = await agencyWithStaff(t.app.ctx, 'PHC', '某市人民政府');
    await agencyWithStaff(t.app.ctx, 'PHX', '某市卫生健康委员会', city.agency.id);
    await agencyWithStaff(t.app.ctx, 'PHY', '某市教育局', city.agency.id);
    const admin = await loginAs(t.server, 'phx-admin');
    const set = await admin.request('PATCH', '/api/admin/agency', {
      settings: { domains: ['WJW.example.gov.cn'] },
    });
    expect(set.statusCode, set.body).toBe(200);
  });
  afterAll(() => t.close());

  const get = (url: string, host: string) => t.server.inject({ method: 'GET', url, headers: { host } });

  it('serves the agency of the host name, whatever the query asks, with its own cache entries', async () => {
    for (const url of ['/', '/catalog', '/?agency=PHY', '/catalog?agency=PHY']) {
      const res = await get(url, 'wjw.example.gov.cn');
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('某市卫生健康委员会');
      expect(res.body, url).not.toContain('某市教育局');
    }
    // the same path on the installation's host, for another agency: not the page cached for the host above
    const other = await get('/catalog?agency=PHY', 'portal.example.gov.cn');
    expect(other.body).toContain('某市教育局');
    expect(other.body).not.toContain('某市卫生健康委员会');
  });

  it('serves an agency under a path prefix, and lists the agencies by hierarchy on the installation’s home', async () => {
    const prefixed = await get('/a/PHY/catalog', 'portal.example.gov.cn');
    expect(prefixed.statusCode).toBe(200);
    expect(prefixed.body).toContain('某市教育局');
    const home = await get('/', 'portal.example.gov.cn');
    expect(home.statusCode).toBe(200);
    const city = home.body.indexOf('某市人民政府');
    expect(city).toBeGreaterThan(-1);
    // the departments are nested under the city's entry, the bureau linked at its own host
    expect(home.body.slice(city)).toMatch(/<ul>[\s\S]*某市卫生健康委员会[\s\S]*某市教育局/);
    expect(home.body).toContain('href="http://wjw.example.gov.cn/"');
    expect(home.body).toContain('href="/a/PHY/"');
  });

  it('gives feeds and sitemaps of the host’s agency with the host’s addresses', async () => {
    const feed = await get('/feed.xml?agency=PHY', 'wjw.example.gov.cn');
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('某市卫生健康委员会');
    expect(feed.body).toContain('http://wjw.example.gov.cn/');
    expect(feed.body).not.toContain('agency=PHY');
    const sitemap = await get('/sitemap-pages.xml', 'wjw.example.gov.cn');
    expect(sitemap.body).toContain('<loc>http://wjw.example.gov.cn/catalog</loc>');
    expect((await get('/robots.txt', 'wjw.example.gov.cn')).body).toContain(
      'Sitemap: http://wjw.example.gov.cn/sitemap.xml',
    );
  });

  it('refuses a host name another agency has, naming the field', async () => {
    const admin = await loginAs(t.server, 'phy-admin');
    const res = await admin.request('PATCH', '/api/admin/agency', {
      settings: { domains: ['wjw.example.gov.cn'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/已是“某市卫生健康委员会”的门户域名/);
    const bad = await admin.request('PATCH', '/api/admin/agency', { settings: { domains: ['http://x/y'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/门户域名/);
  });

  it('shows staff their own agency’s records through another agency’s host', async () => {
    const submitted = await t.server.inject({
      method: 'POST',
      url: '/api/public/applications',
      headers: { host: 'wjw.example.gov.cn' },
      payload: {
        agency: 'PHY',
        applicant: naturalApplicant({ name: '教育申请人' }),
        items: [{ description: '某校2025年招生计划' }],
        form: 'electronic',
        delivery: 'online',
      },
    });
    expect(submitted.statusCode).toBe(201);
    const x = await loginAs(t.server, 'phx-handler');
    const list = await t.server.inject({
      method: 'GET',
      url: '/api/applications',
      headers: { cookie: x.cookie, host: 'portal.example.gov.cn' },
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('教育申请人');
    expect(list.body).not.toContain('某校2025年招生计划');
  });
});
