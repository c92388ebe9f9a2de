import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDocumentConfig } from '../../src/config.ts';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff, counterApplication } from '../support/fixtures.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import { pdfImages, pdfText } from '../support/pdf-tools.ts';
import { sealPng } from '../support/seal-image.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * The agency's 印章 over HTTP on both databases (issue 12 point 6): the administrator uploads it (PNG/JPEG, type
 * from the bytes, size and pixel limits, Chinese 4xx naming the field, nothing written on refusal), every change
 * audited; PATCH cannot set it; the letters print it in PDF and DOCX, and print no placeholder without it.
 */
function multipart(fileName: string, bytes: Uint8Array) {
  const boundary = `----gongkai${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(DIALECTS)('the agency seal on %s', (dialect) => {
  let t: TestServer;
  let admin: Session;
  let agencyId: number;
  const clock = new TestClock(new Date('2026-09-24T02:00:00Z'));
  const upload = (who: Session, fileName: string, bytes: Uint8Array) => {
    const file = multipart(fileName, bytes);
    return t.server.inject({
      method: 'POST',
      url: '/api/admin/agency/seal',
      payload: file.payload,
      headers: { ...file.headers, cookie: who.cookie, 'x-csrf-token': who.csrf },
    });
  };
  const sealEvents = async () =>
    (
      await t.app.ctx.database.db
        .selectFrom('events')
        .select(['action', 'actor'])
        .where('entity_type', '=', 'agency')
        .where('entity_id', '=', String(agencyId))
        .where('action', 'in', ['upload_seal', 'remove_seal'])
        .orderBy('id')
        .execute()
    ).map((e) => e.action);
  const settings = async () =>
    ((await admin.request('GET', '/api/admin/agency')).json() as { settings: Record<string, unknown> })
      .settings;

  beforeAll(async () => {
    // LibreOffice on a machine shared by the whole suite can take longer than the 20 s job limit meant for
    // hostile uploads; these renders are our own letters
    t = await startTestServer(dialect, {
      now: clock.now,
      config: { documents: { ...defaultDocumentConfig(), threads: 1, timeoutMs: 120_000 } },
    });
    agencyId = (await agencyWithStaff(t.app.ctx, 'S1')).agency.id;
    await agencyWithStaff(t.app.ctx, 'T1');
    admin = await loginAs(t.server, 's1-admin');
  });
  afterAll(() => t.close());

  it('refuses what is not a seal image with a Chinese 4xx naming the field, writing nothing', async () => {
    const cases: [string, Uint8Array, number, RegExp][] = [
      ['印章.gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 400, /PNG 或 JPEG/],
      ['印章.png', Buffer.from('not a png at all'), 400, /PNG 或 JPEG/],
      ['印章.png', sealPng(40), 400, /太小（40×40 像素）.*至少 100 像素/],
      ['印章.png', sealPng(300).subarray(0, 20), 400, /已损坏/],
      ['印章.png', Buffer.concat([sealPng(300), Buffer.alloc(2 * 1024 * 1024)]), 413, /不能超过 2 MB/],
    ];
    for (const [name, bytes, status, message] of cases) {
      const res = await upload(admin, name, bytes);
      expect(res.statusCode, name).toBe(status);
      const error = (res.json() as { error: { message: string; field: string } }).error;
      expect(error.field).toBe('file');
      expect(error.message).toMatch(message);
    }
    const empty = await admin.request('POST', '/api/admin/agency/seal', {});
    expect(empty.statusCode).toBeGreaterThanOrEqual(400);
    expect(empty.statusCode).toBeLessThan(500);
    expect((empty.json() as { error: { message: string } }).error.message).toMatch(/multipart|文件/);
    expect((await settings()).seal).toBeUndefined();
    expect(await sealEvents()).toEqual([]);
  });

  it('takes a PNG from the administrator only, audited, and refuses it through PATCH', async () => {
    const handler = await loginAs(t.server, 's1-handler');
    expect((await upload(handler, '印章.png', sealPng(300))).statusCode).toBe(403);
    const other = await loginAs(t.server, 't1-admin');
    const png = sealPng(300);
    const res = await upload(admin, '区卫健局公章.png', png);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      mediaType: 'image/png',
      width: 300,
      height: 300,
      fileName: '区卫健局公章.png',
    });
    expect((await settings()).seal).toMatchObject({ mediaType: 'image/png', size: png.length });
    expect(await sealEvents()).toEqual(['upload_seal']);
    // the image is shown to the agency's staff, not to another agency's
    const image = await handler.request('GET', '/api/admin/agency/seal');
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(png)).toBe(true);
    const theirs = await other.request('GET', '/api/admin/agency/seal');
    expect(theirs.statusCode).toBe(404);
    // the setting is written by the upload only
    const patched = await admin.request('PATCH', '/api/admin/agency', {
      settings: { seal: { sha256: '0'.repeat(64), mediaType: 'image/png' } },
    });
    expect(patched.statusCode).toBe(400);
    expect((patched.json() as { error: { message: string } }).error.message).toContain('seal');
    expect((await settings()).seal).toMatchObject({ size: png.length });
  });

  it('prints the seal in the letter PDF, DOCX and HTML (and the preview), and leaves the area blank once removed', async () => {
    const registrar = await loginAs(t.server, 's1-registrar');
    const created = await registrar.request('POST', '/api/applications', counterApplication('2026-09-24'));
    const id = (created.json() as { application: { id: number } }).application.id;
    const sent = await registrar.request('POST', `/api/applications/${id}/actions`, {
      action: {
        type: 'request_correction',
        points: ['1. 请写明所需信息的名称', '2. 请写明时间范围'],
        periodDays: 15,
      },
    });
    expect(sent.statusCode).toBe(200);
    const timeline = (await registrar.request('GET', `/api/applications/${id}/timeline`)).json() as {
      letters: { id: number }[];
    };
    const letterUrl = `/api/applications/${id}/letters/${timeline.letters.at(-1)!.id}`;
    const pdfResponse = await registrar.request('GET', `${letterUrl}?format=pdf`);
    expect(pdfResponse.statusCode, pdfResponse.body.slice(0, 300)).toBe(200);
    const pdf = pdfResponse.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const images = pdfImages(pdf).filter((i) => i.type === 'image');
    expect(images.map((i) => [i.width, i.height])).toEqual([[300, 300]]);
    const text = pdfText(pdf);
    expect(text).not.toContain('印章');
    expect(text.replace(/\s/g, '')).toContain('1.请写明所需信息的名称；');
    expect(text).not.toMatch(/1\.\s*1\./);
    const docx = unzipSync((await registrar.request('GET', `${letterUrl}?format=docx`)).rawPayload);
    const media = Object.keys(docx).filter((p) => p.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(docx[media[0]!]!).equals(sealPng(300))).toBe(true);

    // the HTML letter (and the console's preview) shows it too, inline
    const inline = `src="data:image/png;base64,${sealPng(300).toString('base64')}"`;
    expect((await registrar.request('GET', letterUrl)).body).toContain(inline);
    const preview = await registrar.request('POST', `/api/applications/${id}/letters/preview`, {
      kind: 'correction',
    });
    expect(preview.statusCode, preview.body.slice(0, 300)).toBe(200);
    expect((preview.json() as { html: string }).html).toContain(inline);

    const removed = await admin.request('DELETE', '/api/admin/agency/seal');
    expect(removed.statusCode).toBe(204);
    expect(await sealEvents()).toEqual(['upload_seal', 'remove_seal']);
    expect((await admin.request('DELETE', '/api/admin/agency/seal')).statusCode).toBe(404);
    const plain = (await registrar.request('GET', `${letterUrl}?format=pdf`)).rawPayload;
    expect(pdfImages(plain)).toEqual([]);
    expect(pdfText(plain)).not.toContain('印章');
    expect((await registrar.request('GET', letterUrl)).body).not.toContain('<img');
    const plainDocx = unzipSync((await registrar.request('GET', `${letterUrl}?format=docx`)).rawPayload);
    expect(Object.keys(plainDocx).filter((p) => p.startsWith('word/media/'))).toEqual([]);
  }, 120_000);
});
