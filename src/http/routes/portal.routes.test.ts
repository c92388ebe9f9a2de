import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/context.ts';
import { agencyWithStaff } from '../../../test/support/fixtures.ts';
import type { Staff } from '../../../test/support/fixtures.ts';
import type { TestServer } from '../../../test/support/server.ts';
import { startTestServer } from '../../../test/support/server.ts';
import type { ItemInput, ReviewAction } from '../../domain/catalog/index.ts';
import { updateSettings } from '../../services/staff.service.ts';
import { createItem } from '../../services/catalog/item.service.ts';
import { actOnItem } from '../../services/catalog/review.service.ts';

/** Markup without the whitespace between tags (the templates are laid out by Prettier). */
const squash = (html: string) => html.replace(/\s+/g, ' ').replace(/> /g, '>').replace(/ </g, '<');
const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe('the public portal', () => {
  let t: TestServer;
  let staff: Record<'handler' | 'reviewer' | 'head' | 'admin', Staff>;
  const get = (url: string, cookie?: string) =>
    t.server.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });

  async function publish(input: ItemInput, who = staff): Promise<number> {
    const item = await createItem(t.app.ctx, who.handler, who.handler.agencyId, input);
    const steps: [ReviewAction, Staff][] = [
      ['submit', who.handler],
      ['approve', who.reviewer],
      ['pass_secrecy', who.reviewer],
      ['sign', who.head],
      ['publish', who.head],
    ];
    for (const [action, actor] of steps) await actOnItem(t.app.ctx, actor, item.id, action);
    return item.id;
  }

  beforeAll(async () => {
    const clock = new TestClock(new Date('2026-03-10T02:00:00Z'));
    t = await startTestServer('sqlite', { now: clock.now });
    const x = await agencyWithStaff(t.app.ctx, 'PX', '某区卫生健康委员会');
    staff = x.staff as typeof staff;
    await updateSettings(t.app.ctx, staff.admin, x.agency.id, {
      settings: {
        office: {
          name: '某区卫生健康委员会办公室',
          address: '某区健康路1号',
          hours: '工作日 9:00—12:00，13:30—17:00',
          phone: '010-81234567',
          fax: '010-81234568',
        },
      },
    });
  });
  afterAll(() => t.close());

  it('shows a published item with its metadata table, escaped', async () => {
    const id = await publish({
      title: `关于药品采购的通知${XSS}`,
      publisher: '某区卫生健康委员会',
      docNumber: '某卫发〔2026〕7号',
      writtenOn: '2026-03-02',
      categoryCode: 'gfxwj',
      topic: '卫生、体育/医药管理',
      summary: `概述${XSS}`,
      body: `第一段。\n第二段${XSS}`,
    });
    const page = await get(`/items/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    for (const label of [
      '索引号',
      '发布机构',
      '文号',
      '成文日期',
      '发布日期',
      '主题分类',
      '有效性',
      '公开方式',
      '公开范围',
    ])
      expect(page.body, label).toContain(`<th scope="row">${label}</th>`);
    const meta = squash(page.body);
    expect(meta).toContain('<th scope="row">索引号</th><td>PX/2026-00001</td>');
    expect(meta).toContain('<th scope="row">文号</th><td>某卫发〔2026〕7号</td>');
    expect(meta).toContain('<th scope="row">发布日期</th><td>2026-03-10</td>');
    expect(page.body).toContain('法规文件 / 行政规范性文件');
    // the metadata the government-website norms list (国办发〔2017〕47号, 网页元数据)
    for (const meta of [
      '<meta name="SiteName" content="某区卫生健康委员会政府信息公开" />',
      '<meta name="ColumnName" content="政府信息公开目录" />',
      '<meta name="ArticleTitle" content="关于药品采购的通知&lt;script&gt;',
      '<meta name="PubDate" content="2026-03-10" />',
      '<meta name="ContentSource" content="某区卫生健康委员会" />',
      '<meta name="Keywords" content="卫生、体育/医药管理" />',
      `<meta name="Url" content="/items/${id}" />`,
    ])
      expect(page.body, meta).toContain(meta);
  });

  it('lists, searches with highlights and filters, and keeps drafts and withdrawn items off the portal', async () => {
    const draft = await createItem(t.app.ctx, staff.handler, staff.handler.agencyId, {
      title: '药品采购内部草稿',
      publisher: '某局',
      categoryCode: 'gzdt',
    });
    const gone = await publish({ title: '已撤回的药品采购信息', publisher: '某局', categoryCode: 'gzdt' });
    await actOnItem(t.app.ctx, staff.head, gone, 'withdraw', { reason: '内容有误' });
    const home = await get('/');
    expect(home.body).toContain('关于药品采购的通知');
    expect(home.body).not.toContain('药品采购内部草稿');
    expect(home.body).not.toContain('已撤回的药品采购信息');
    expect((await get(`/items/${draft.id}`)).statusCode).toBe(404);
    expect((await get(`/items/${gone}`)).statusCode).toBe(404);

    const search = await get(`/search?q=${encodeURIComponent('药品采购')}`);
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('<mark>药品采购</mark>');
    expect(search.body).toContain('找到 1 条');
    expect(search.body).not.toContain('内部草稿');
    const filtered = await get(
      `/search?q=${encodeURIComponent('药品采购')}&category=gzdt&validity=valid&year=2026&sort=date`,
    );
    expect(filtered.body).toContain('没有找到');
    const hostile = await get(`/search?q=${encodeURIComponent(XSS)}`);
    expect(hostile.statusCode).toBe(200);
    expect(hostile.body).not.toContain('<script>alert');
    const empty = await get('/search?q=');
    expect(empty.body).toContain('请输入要搜索的关键词');
  });

  it('browses the catalog by category with counts and pagination', async () => {
    for (let i = 1; i <= 23; i++)
      await publish({ title: `工作动态第${i}期`, publisher: '某局', categoryCode: 'gzdt' });
    const tree = await get('/catalog');
    expect(squash(tree.body)).toContain('工作动态</a><span class="count">（23）</span>');
    const first = await get('/catalog/gzdt');
    expect(squash(first.body)).toContain('共 23 条信息，第 1/2 页');
    expect(first.body).toContain('rel="next"');
    const second = await get('/catalog/gzdt?page=2');
    expect(second.body.match(/工作动态第\d+期/g)).toHaveLength(3);
    expect((await get('/catalog/nope')).statusCode).toBe(404);
  });

  it('shows a new publication at once (the page cache follows the catalog)', async () => {
    expect((await get('/')).body).not.toContain('刚刚发布的信息');
    await publish({ title: '刚刚发布的信息', publisher: '某局', categoryCode: 'gzdt' });
    expect((await get('/')).body).toContain('刚刚发布的信息');
  });

  it('shows a 依申请公开 item as metadata only, and a repealed item with its reason', async () => {
    const onRequest = await publish({
      title: '某项目评审专家名单',
      publisher: '某局',
      categoryCode: 'qtwj',
      method: 'on_request',
      body: '专家甲、专家乙',
    });
    const page = await get(`/items/${onRequest}`);
    expect(squash(page.body)).toContain('<th scope="row">公开方式</th><td>依申请公开</td>');
    expect(page.body).not.toContain('专家甲');
    expect(page.body).toContain('/apply?title=');
    const repealed = await publish({
      title: '旧的管理办法',
      publisher: '某局',
      categoryCode: 'gfxwj',
      writtenOn: '2026-03-01',
    });
    await actOnItem(t.app.ctx, staff.head, repealed, 'repeal', { reason: '已被新办法替代' });
    const repealedPage = await get(`/items/${repealed}`);
    expect(repealedPage.body).toContain('本文件已废止：已被新办法替代');
    expect(squash(repealedPage.body)).toContain('<th scope="row">有效性</th><td>废止</td>');
    expect((await get(`/search?q=${encodeURIComponent('管理办法')}&validity=repealed`)).body).toContain(
      '<mark>管理办法</mark>',
    );
  });

  it('generates the 政府信息公开指南 from the agency settings', async () => {
    const guide = await get('/guide');
    expect(guide.body).toContain('某区卫生健康委员会政府信息公开指南');
    expect(squash(guide.body)).toContain('<dt>办公地址</dt><dd>某区健康路1号</dd>');
    expect(squash(guide.body)).toContain('<dt>传真号码</dt><dd>010-81234568</dd>');
    expect(guide.body).toContain('自收到申请之日起20个工作日内予以答复');
    expect(guide.body).toContain('{机构代码}/{年份}-{流水号:5}');
  });

  it('serves RSS, Atom, JSON Feed and a sitemap of public items', async () => {
    const rss = await get('/feed.xml');
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain('<title>刚刚发布的信息</title>');
    expect(rss.body).not.toContain('药品采购内部草稿');
    expect(rss.body).toContain('&lt;script&gt;');
    const atom = await get('/atom.xml');
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const json = (await get('/feed.json')).json() as {
      version: string;
      items: { title: string; url: string }[];
    };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.length).toBeGreaterThan(20);
    expect(json.items[0]!.url).toMatch(/^http:\/\/localhost\/items\/\d+$/);
    const index = await get('/sitemap.xml');
    expect(index.body).toContain('/sitemap-items-0.xml');
    const items = await get('/sitemap-items-0.xml');
    expect(items.body.match(/<url>/g)!.length).toBe(json.items.length);
    // every item with the date it last changed; the lists with the newest publication's
    expect(items.body.match(/<lastmod>2026-03-10<\/lastmod>/g)!.length).toBe(json.items.length);
    const pages = await get('/sitemap-pages.xml');
    expect(pages.body).toContain('<loc>http://localhost/catalog/gzdt</loc><lastmod>2026-03-10</lastmod>');
    expect(pages.body).toContain('<loc>http://localhost/sitemap</loc>');
    // the JSON Feed is announced beside RSS and Atom on every page
    const home = await get('/');
    expect(home.body).toContain('type="application/feed+json"');
    expect(home.body).toContain('type="application/rss+xml"');
    expect((await get('/robots.txt')).body).toContain('Sitemap: http://localhost/sitemap.xml');
  });

  it('keeps the 适老化 settings in a cookie read by /display.css, and refuses to redirect off-site', async () => {
    const toggle = await get('/display?large=1&back=%2Fcatalog');
    expect(toggle.statusCode).toBe(303);
    expect(toggle.headers.location).toBe('/catalog');
    let cookie = String(toggle.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toBe('gk_display=large.0.0');
    // the page is the same for everyone; the stylesheet follows the cookie
    expect((await get('/catalog', cookie)).body).toBe((await get('/catalog')).body);
    expect((await get('/display.css', cookie)).body).toContain('font-size: 20px');
    expect((await get('/display.css')).body).not.toContain('font-size');
    for (const [query, expected, css] of [
      ['size=larger', 'larger.0.0', 'font-size: 24px'],
      ['contrast=toggle', 'larger.1.0', '#ffff00'],
      ['spacing=toggle', 'larger.1.1', 'line-height: 2.1'],
      ['contrast=toggle', 'larger.0.1', 'line-height: 2.1'],
    ] as const) {
      const changed = await get(`/display?${query}&back=%2F`, cookie);
      cookie = String(changed.headers['set-cookie']).split(';')[0]!;
      expect(cookie, query).toBe(`gk_display=${expected}`);
      expect((await get('/display.css', cookie)).body, query).toContain(css);
    }
    expect((await get('/display.css', cookie)).body).not.toContain('#ffff00');
    const css = await get('/display.css', cookie);
    const etag = String(css.headers.etag);
    expect(
      (
        await t.server.inject({
          method: 'GET',
          url: '/display.css',
          headers: { cookie, 'if-none-match': etag },
        })
      ).statusCode,
    ).toBe(304);
    // the settings page, as a form that works without JavaScript
    const form = await get('/display?back=%2Fcatalog', cookie);
    expect(form.statusCode).toBe(200);
    expect(squash(form.body)).toContain('<legend>字号</legend>');
    for (const back of ['//evil.example', 'https://evil.example', '/\\evil.example'])
      expect((await get(`/display?large=1&back=${encodeURIComponent(back)}`)).headers.location).toBe('/');
  });

  it('serves another agency by ?agency=CODE and carries it in links', async () => {
    const y = await agencyWithStaff(t.app.ctx, 'PY', '某区市场监督管理局');
    const id = await publish(
      { title: '市场监管工作动态', publisher: '某区市场监督管理局', categoryCode: 'gzdt' },
      y.staff as typeof staff,
    );
    const home = await get('/?agency=PY');
    expect(home.body).toContain('某区市场监督管理局 政府信息公开');
    expect(home.body).toContain(`href="/items/${id}?agency=PY"`);
    expect(home.body).not.toContain('刚刚发布的信息');
    expect((await get(`/items/${id}`)).statusCode).toBe(404);
    expect((await get('/?agency=NOPE')).statusCode).toBe(404);
  });

  it('takes an online application with Chinese errors on the fields, then a 查询码 to look it up', async () => {
    const form = await get('/apply?title=' + encodeURIComponent('2025年医疗机构名单'));
    const cookie = String(form.headers['set-cookie']).split(';')[0]!;
    const token = /name="_form" value="([^"]+)"/.exec(form.body)![1]!;
    expect(squash(form.body)).toContain('>2025年医疗机构名单</textarea>');
    const post = (url: string, fields: Record<string, string>, withCookie = true) =>
      t.server.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(withCookie ? { cookie } : {}) },
        payload: new URLSearchParams(fields).toString(),
      });
    const fields = {
      _form: token,
      'applicant.type': 'natural',
      'applicant.name': `王五${XSS}`,
      'applicant.idKind': '居民身份证',
      'applicant.idNumber': '110105194912310021',
      'applicant.phone': '13812345678',
      'items.0.description': '2025年医疗机构名单',
      form: 'electronic',
      delivery: 'email',
    };
    const wrong = await post('/apply', fields);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('居民身份证号码不正确');
    expect(squash(wrong.body)).toMatch(
      /<input type="text" id="f-applicant-idNumber" name="applicant.idNumber" aria-describedby="f-applicant-idNumber-hint f-applicant-idNumber-count f-applicant-idNumber-error" aria-invalid="true"/,
    );
    expect(wrong.body).not.toContain('<script>alert');
    expect(wrong.body).toContain('value="王五&lt;script&gt;');
    expect((await post('/apply', fields, false)).statusCode).toBe(403);
    const ok = await post('/apply', {
      ...fields,
      'applicant.name': '王五',
      'applicant.idNumber': '11010519491231002X',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    const trackingCode = /id="tracking-code">([^<]+)</.exec(ok.body)![1]!;
    const secret = /id="tracking-secret">([^<]+)</.exec(ok.body)![1]!;
    const status = await post('/status', { _form: token, trackingCode, secret });
    expect(status.body).toContain('<dd id="status-state">已登记</dd>');
    expect(status.body).toContain('<dd>2026-03-10</dd>');
    const denied = await post('/status', { _form: token, trackingCode, secret: 'WRONG-SECRET' });
    expect(denied.statusCode).toBe(404);
    expect(denied.body).toContain('查询码或查询密码不正确');
    expect(denied.body).not.toContain('2025年医疗机构名单');
  });
});
