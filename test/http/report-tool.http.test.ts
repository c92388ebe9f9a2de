import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_DIR } from '../support/seeds.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

const seed = (id: string) => readFileSync(join(EXPECTED_DIR, `${id}.json`), 'utf8');

function multipart(fields: Record<string, string>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----gongkai' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    payload: Buffer.from(parts.join('') + `--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('the public report checker', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
  });
  afterAll(() => t.close());

  it('serves the page', async () => {
    const page = await t.server.inject({ method: 'GET', url: '/tools/report' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('政府信息公开工作年度报告核对');
  });

  it('shows the findings of a pasted report beside its tables, with flagged cells', async () => {
    const page = await t.server.inject({
      method: 'POST',
      url: '/tools/report',
      ...multipart({ json: seed('003_5c929392af2d662c') }),
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('勾稽关系不成立');
    expect(page.body).toContain('data-cell="requests.unable_not_held.natural"');
    expect(page.body).toContain('[data-cell="requests.unable_not_held.total"]');
    expect(page.body).toContain('湖南省卫生健康委');
  });

  it('answers a broken JSON with a 400 page naming the line, keeping what was pasted', async () => {
    const page = await t.server.inject({
      method: 'POST',
      url: '/tools/report',
      ...multipart({ json: '{\n "year": 2020,\n "agency": "x" oops }' }),
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toMatch(/第 3 行/);
    expect(page.body).toContain('oops');
  });

  it('checks pasted report text, not only JSON (#13 point 11): tables read, findings shown', async () => {
    const text = readFileSync(join(EXPECTED_DIR, '../seeds/003_5c929392af2d662c.txt'), 'utf8');
    const page = await t.server.inject({
      method: 'POST',
      url: '/tools/report',
      ...multipart({ json: text }),
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('报告 JSON 格式有误');
    expect(page.body).toContain('湖南省卫生健康委');
    expect(page.body).toContain('本机关不掌握');
    // the pasted page of a web report in plain text (a layout of the corpus)
    const plain = readFileSync(join(import.meta.dirname, '../fixtures/import/corpus/plain-2021.txt'), 'utf8');
    const second = await t.server.inject({
      method: 'POST',
      url: '/tools/report',
      ...multipart({ json: plain }),
    });
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('某市某区卫生健康局');
    expect(second.body).not.toContain('无法读取');
  });

  it('imports an uploaded text report, lets a person correct a cell by hand, and checks again', async () => {
    const seedText = readFileSync(join(EXPECTED_DIR, '../seeds/003_5c929392af2d662c.txt'));
    const boundary = '----gongkaiupload';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      seedText,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const parsed = await t.server.inject({
      method: 'POST',
      url: '/tools/report',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(parsed.statusCode).toBe(200);
    expect(parsed.body).toContain('name="cell:requests.unable_not_held.total" value="2"');
    const json = /<textarea name="json" hidden aria-hidden="true">([^<]*)<\/textarea>/
      .exec(parsed.body)![1]!
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    const before = (
      await t.server.inject({
        method: 'POST',
        url: '/api/report-tool/validate',
        payload: { report: JSON.parse(json) },
      })
    ).json() as { findings: { code: string; location: { row?: string } }[] };
    expect(before.findings.some((f) => f.code === 'table3.row' && f.location.row === 'unable_not_held')).toBe(
      true,
    );
    const edited = await t.server.inject({
      method: 'POST',
      url: '/tools/report/edit',
      ...multipart({ json, 'cell:requests.unable_not_held.total': '3' }),
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.body).toContain('name="cell:requests.unable_not_held.total" value="3"');
    expect(edited.body).not.toContain(
      '“（四）1 本机关不掌握”行：自然人与法人或其他组织各列之和为 3，但总计为 2',
    );
  });

  it('downloads the report as DOCX and XLSX, and a blank template', async () => {
    for (const [to, magic] of [
      ['docx', 'PK'],
      ['xlsx', 'PK'],
    ] as const) {
      const file = await t.server.inject({
        method: 'POST',
        url: '/tools/report/download',
        ...multipart({ to, json: seed('000_f85cb83f41f9d4bd') }),
      });
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.subarray(0, 2).toString()).toBe(magic);
      expect(file.headers['content-disposition']).toContain(encodeURIComponent('咸宁市咸安区卫生健康局'));
    }
    const template = await t.server.inject({
      method: 'GET',
      url: '/api/report-tool/template?year=2025&to=json',
    });
    expect(template.json()).toMatchObject({ year: 2025, format: '2021' });
  });

  it('validates through the JSON API', async () => {
    const response = await t.server.inject({
      method: 'POST',
      url: '/api/report-tool/validate',
      payload: { report: JSON.parse(seed('003_5c929392af2d662c')) },
    });
    const codes = (response.json() as { findings: { code: string }[] }).findings.map((f) => f.code);
    expect(codes).toContain('format.year_mismatch');
    expect(codes).toContain('table3.balance');
    const bad = await t.server.inject({
      method: 'POST',
      url: '/api/report-tool/validate',
      payload: { nope: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { message: string } }).error.message).toContain('report');
  });
});
