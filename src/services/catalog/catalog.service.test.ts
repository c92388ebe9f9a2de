import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { docxWith, pdfWith, PNG_1x1 } from '../../../test/support/catalog-files.ts';
import { testContext } from '../../../test/support/context.ts';
import type { TestClock } from '../../../test/support/context.ts';
import type { Principal } from '../../domain/access/principal.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { ReviewAction } from '../../domain/catalog/index.ts';
import { eventsOf, verifyEventChain } from '../../persistence/repositories/event.repository.ts';
import { addAttachment, openAttachment, removeAttachment } from './attachment.service.ts';
import { setCategories } from './config.service.ts';
import { activeTableFor, importYearlyFigures, setYearlyFigures, yearlyFigures } from './figures.service.ts';
import { createItem, itemView, listCatalogItems, reviewQueue, updateItemFields } from './item.service.ts';
import {
  createNormativeDocument,
  listNormativeDocuments,
  repealNormativeDocument,
} from './normative.service.ts';
import { categoryPage, latestItems, portalAgency, portalItem, portalSearch } from './portal.service.ts';
import { actOnItem, clearScanHit } from './review.service.ts';
import type { ServiceContext } from '../context.ts';
import { createAgency } from '../staff.service.ts';

const staff = (agencyId: number, userId: number, ...roles: Role[]): Principal => ({
  kind: 'staff',
  userId,
  agencyId,
  roles,
  name: `u${userId}`,
});
const CHAIN: [ReviewAction, 'handler' | 'reviewer' | 'head'][] = [
  ['submit', 'handler'],
  ['approve', 'reviewer'],
  ['pass_secrecy', 'reviewer'],
  ['sign', 'head'],
  ['publish', 'head'],
];

describe.each(DIALECTS)('主动公开 services on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let clock: TestClock;
  let agencyId: number;
  let handler: Principal, reviewer: Principal, head: Principal, admin: Principal, stranger: Principal;

  async function publishAll(itemId: number) {
    const actors = { handler, reviewer, head };
    for (const [action, role] of CHAIN) await actOnItem(ctx, actors[role], itemId, action);
  }

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ({ ctx, clock } = testContext(database));
    const agency = await createAgency(ctx, 'system', {
      code: '11010500',
      name: '某区卫生健康委员会',
      kind: 'department',
    });
    const other = await createAgency(ctx, 'system', {
      code: 'OTHER',
      name: '另一区人民政府',
      kind: 'government',
    });
    agencyId = agency.id;
    handler = staff(agencyId, 1, 'handler');
    reviewer = staff(agencyId, 2, 'reviewer');
    head = staff(agencyId, 3, 'head');
    admin = staff(agencyId, 4, 'admin');
    stranger = staff(other.id, 9, 'handler', 'reviewer', 'head', 'admin');
  });
  afterAll(() => database.destroy());

  it('drafts, scans, reviews and publishes an item, with an event for every step', async () => {
    clock.set('2026-03-02T02:00:00Z');
    const draft = await createItem(ctx, handler, agencyId, {
      title: '关于印发《医疗机构药品采购管理办法》的通知',
      publisher: '某区卫生健康委员会',
      docNumber: '某卫发〔2026〕3号',
      writtenOn: '2026-02-26',
      categoryCode: 'gfxwj',
      summary: '规范医疗机构药品采购。',
      body: '各医疗机构：\n现将办法印发给你们。联系人：王某，电话13812345678，邮箱 wang@example.gov.cn。',
    });
    expect(draft.state).toBe('draft');
    // formed Thursday 2026-02-26; Saturday 02-28 is a 调休 working day → the 20th working day is 03-25
    expect(draft.publicationDueOn).toBe('2026-03-25');
    expect(draft.hits.map((h) => [h.kind, h.match, h.sourceLabel])).toEqual([
      ['mobile', '13812345678', '正文'],
      ['email', 'wang@example.gov.cn', '正文'],
    ]);
    expect(draft.actions.map((a) => a.action)).toEqual(['submit']);

    await actOnItem(ctx, handler, draft.id, 'submit');
    await actOnItem(ctx, reviewer, draft.id, 'approve');
    await expect(actOnItem(ctx, reviewer, draft.id, 'pass_secrecy')).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('2 处'),
    });
    await expect(clearScanHit(ctx, handler, draft.hits[0]!.id, '办公电话')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(clearScanHit(ctx, reviewer, draft.hits[0]!.id, '  ')).rejects.toMatchObject({
      code: 'validation',
      field: 'note',
    });
    for (const hit of draft.hits) await clearScanHit(ctx, reviewer, hit.id, '联系人办公电话和邮箱，可以公开');
    await expect(clearScanHit(ctx, reviewer, draft.hits[0]!.id, '再次')).rejects.toMatchObject({
      code: 'conflict',
    });
    await actOnItem(ctx, reviewer, draft.id, 'pass_secrecy');
    await expect(actOnItem(ctx, reviewer, draft.id, 'sign')).rejects.toMatchObject({ code: 'forbidden' });
    await actOnItem(ctx, head, draft.id, 'sign');
    clock.set('2026-03-04T03:00:00Z');
    const published = await actOnItem(ctx, handler, draft.id, 'publish');
    expect(published).toMatchObject({
      state: 'published',
      indexNumber: '11010500/2026-00001',
      publishedOn: '2026-03-04',
      timeliness: 'on_time',
      validityLabel: '有效',
    });
    expect(published.normativeDocument).toMatchObject({
      kind: 'normative_documents',
      issuedOn: '2026-02-26',
      publishedOn: '2026-03-04',
      itemId: draft.id,
    });

    const events = await eventsOf(database.db, 'catalog_item', draft.id);
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'submit',
      'approve',
      'clear_hit',
      'clear_hit',
      'pass_secrecy',
      'sign',
      'publish',
    ]);
    expect(JSON.stringify(events)).not.toContain('13812345678');
    expect((await verifyEventChain(database.db, ctx.auditKey)).broken).toBeNull();
  });

  it('keeps drafts editable only as drafts and names the field of every problem', async () => {
    await expect(
      createItem(ctx, handler, agencyId, { title: '', publisher: '某局', categoryCode: 'gzdt' }),
    ).rejects.toMatchObject({ code: 'validation', field: 'title' });
    await expect(
      createItem(ctx, handler, agencyId, { title: '标题', publisher: '某局', categoryCode: 'nope' }),
    ).rejects.toMatchObject({ field: 'categoryCode' });
    await expect(
      createItem(ctx, admin, agencyId, { title: '标题', publisher: '某局', categoryCode: 'gzdt' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const item = await createItem(ctx, handler, agencyId, {
      title: '工作动态一则',
      publisher: '某局',
      categoryCode: 'gzdt',
      body: '内容',
    });
    const edited = await updateItemFields(ctx, handler, item.id, {
      body: '新内容，身份证号 11010519491231002X',
      writtenOn: '2026-03-01',
    });
    expect(edited.hits.map((h) => h.kind)).toEqual(['id_number']);
    expect(edited.publicationDueOn).toBe('2026-03-27');
    await actOnItem(ctx, handler, item.id, 'submit');
    await expect(updateItemFields(ctx, handler, item.id, { title: '改' })).rejects.toMatchObject({
      code: 'invalid_state',
    });
    await expect(actOnItem(ctx, reviewer, item.id, 'return')).rejects.toMatchObject({
      code: 'validation',
      field: 'reason',
    });
    const returned = await actOnItem(ctx, reviewer, item.id, 'return', { reason: '请删除身份证号' });
    expect(returned).toMatchObject({ state: 'draft', stateReason: '请删除身份证号' });
    const fixed = await updateItemFields(ctx, handler, item.id, { body: '新内容' });
    expect(fixed.hits).toEqual([]);
  });

  it('hides items from staff of another agency and refuses them every change', async () => {
    const item = await createItem(ctx, handler, agencyId, {
      title: '内部审阅中的信息',
      publisher: '某局',
      categoryCode: 'gzdt',
    });
    await expect(itemView(ctx, stranger, item.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(actOnItem(ctx, stranger, item.id, 'submit')).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      createItem(ctx, stranger, agencyId, { title: 'x', publisher: 'x', categoryCode: 'gzdt' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listCatalogItems(ctx, stranger, agencyId, {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listCatalogItems(ctx, { kind: 'anonymous' }, agencyId, {})).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('flags items published more than 20 working days after formation (Art. 26), and lists overdue drafts', async () => {
    clock.set('2026-03-02T02:00:00Z');
    // formed 2026-02-06: the 20th working day is 2026-03-12 (Spring Festival 02-15–02-23 off, 02-14 and 02-28 worked)
    const late = await createItem(ctx, handler, agencyId, {
      title: '春节前形成的信息',
      publisher: '某局',
      categoryCode: 'gzdt',
      writtenOn: '2026-02-06',
    });
    const onTime = await createItem(ctx, handler, agencyId, {
      title: '按时公开的信息',
      publisher: '某局',
      categoryCode: 'gzdt',
      writtenOn: '2026-02-06',
    });
    expect(late.publicationDueOn).toBe('2026-03-12');
    await publishAll(onTime.id);
    clock.set('2026-03-13T02:00:00Z');
    expect(
      (await listCatalogItems(ctx, head, agencyId, { timeliness: 'overdue' })).items.map((i) => i.id),
    ).toContain(late.id);
    const published = await (async () => {
      await publishAll(late.id);
      return itemView(ctx, head, late.id);
    })();
    expect(published).toMatchObject({
      publishedOn: '2026-03-13',
      timeliness: 'late',
      timelinessLabel: '超期公开',
    });
    const flagged = await listCatalogItems(ctx, head, agencyId, { timeliness: 'late' });
    expect(flagged.items.map((i) => i.id)).toEqual([late.id]);
  });

  it('scans DOCX and PDF attachments, asks a reviewer to look at images, and serves files by access', async () => {
    const item = await createItem(ctx, handler, agencyId, {
      title: '带附件的信息',
      publisher: '某局',
      categoryCode: 'gzdt',
      body: '见附件。',
    });
    let view = await addAttachment(ctx, handler, item.id, {
      fileName: '名单.docx',
      bytes: docxWith(['获奖人员名单', '张三 身份证 44030419900307123X']),
    });
    view = await addAttachment(ctx, handler, item.id, {
      fileName: 'contact.pdf',
      bytes: pdfWith(['Contact: li.si@example.com']),
    });
    view = await addAttachment(ctx, handler, item.id, { fileName: '现场.png', bytes: PNG_1x1 });
    expect(view.hits.map((h) => [h.kind, h.sourceLabel])).toEqual([
      ['id_number', '附件“名单.docx”'],
      ['email', '附件“contact.pdf”'],
      ['unscannable', '附件“现场.png”'],
    ]);
    await expect(
      addAttachment(ctx, handler, item.id, { fileName: 'x.exe', bytes: new Uint8Array([0x4d, 0x5a, 0, 0]) }),
    ).rejects.toMatchObject({ code: 'unsupported_media' });
    view = await removeAttachment(ctx, handler, item.id, view.attachments[0]!.id);
    expect(view.hits.map((h) => h.kind)).toEqual(['email', 'unscannable']);
    const pdf = view.attachments.find((a) => a.fileName === 'contact.pdf')!;
    await expect(openAttachment(ctx, { kind: 'anonymous' }, item.id, pdf.id)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(openAttachment(ctx, handler, item.id, pdf.id)).resolves.toMatchObject({
      attachment: { sha256: pdf.sha256 },
    });
    for (const hit of view.hits) await clearScanHit(ctx, head, hit.id, '已核对');
    await publishAll(item.id);
    const opened = await openAttachment(ctx, { kind: 'anonymous' }, item.id, pdf.id);
    expect(opened.path.endsWith(pdf.sha256)).toBe(true);
    const found = await portalSearch(ctx, agencyId, { q: 'li.si@example.com' });
    expect(found.results.map((r) => r.item.id)).toContain(item.id);
  });

  it('searches Chinese text of public items with filters and highlights', async () => {
    const a = await createItem(ctx, handler, agencyId, {
      title: '关于开展医疗机构药品采购专项检查的通知',
      publisher: '某局',
      categoryCode: 'jdjc',
      writtenOn: '2026-03-01',
      body: '为规范药品采购行为，决定开展专项检查。',
    });
    const b = await createItem(ctx, handler, agencyId, {
      title: '2026年卫生健康工作要点',
      publisher: '某局',
      categoryCode: 'ghjh',
      body: '加强公共卫生体系建设。',
    });
    const hidden = await createItem(ctx, handler, agencyId, {
      title: '药品采购草稿（未发布）',
      publisher: '某局',
      categoryCode: 'jdjc',
    });
    await publishAll(a.id);
    await publishAll(b.id);
    const result = await portalSearch(ctx, agencyId, { q: '药品采购' });
    const ids = result.results.map((r) => r.item.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(b.id);
    expect(ids).not.toContain(hidden.id);
    const hitA = result.results.find((r) => r.item.id === a.id)!;
    expect(hitA.title.filter((s) => s.hit).map((s) => s.text)).toEqual(['药品采购']);
    expect((await portalSearch(ctx, agencyId, { q: '药品采购', category: 'ghjh' })).total).toBe(0);
    expect((await portalSearch(ctx, agencyId, { q: '药品采购', year: 2025 })).total).toBe(0);
    expect((await portalSearch(ctx, agencyId, { q: '药品采购', validity: 'repealed' })).total).toBe(0);
    expect(
      (await portalSearch(ctx, agencyId, { q: '公共卫生', category: 'ghjh', sort: 'date' })).results.map(
        (r) => r.item.id,
      ),
    ).toEqual([b.id]);
    expect((await portalSearch(ctx, agencyId, { q: '《》！' })).total).toBe(0);

    const page = await categoryPage(ctx, agencyId, 'jdjc', 1);
    expect(page?.items.map((i) => i.id)).toContain(a.id);
    expect(page?.items.map((i) => i.id)).not.toContain(hidden.id);
    expect(await portalItem(ctx, agencyId, hidden.id)).toBeNull();
    expect(
      (await latestItems(ctx, agencyId, 50)).every((i) =>
        ['published', 'expired', 'repealed'].includes(i.state),
      ),
    ).toBe(true);
    expect((await portalAgency(ctx))?.id).toBe(agencyId);
    expect((await portalAgency(ctx, 'OTHER'))?.code).toBe('OTHER');
  });

  it('produces table 二 from the normative register and entered figures; repeal through the item', async () => {
    clock.set('2026-06-01T02:00:00Z');
    await createNormativeDocument(ctx, handler, agencyId, {
      kind: 'rules',
      title: '某市医疗机构管理规定',
      issuedOn: '2020-05-01',
      publishedOn: '2020-05-10',
    });
    const old = await createNormativeDocument(ctx, handler, agencyId, {
      kind: 'normative_documents',
      title: '旧办法',
      issuedOn: '2021-01-05',
      publishedOn: '2021-01-06',
    });
    await expect(
      createNormativeDocument(ctx, handler, agencyId, {
        kind: 'rules',
        title: '错',
        issuedOn: '2026-01-05',
        effectiveOn: '2025-01-01',
      }),
    ).rejects.toMatchObject({ field: 'effectiveOn' });
    await repealNormativeDocument(ctx, head, old.id, { repealedOn: '2026-05-01', reason: '已被新办法替代' });
    await expect(
      repealNormativeDocument(ctx, head, old.id, { repealedOn: '2026-05-01', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid_state' });

    // the 行政规范性文件 published in the first test is in the register; repeal it through its item
    const docs = await listNormativeDocuments(ctx, head, agencyId, { kind: 'normative_documents' });
    const linked = docs.find((d) => d.itemId !== null)!;
    await expect(
      repealNormativeDocument(ctx, head, linked.id, { repealedOn: '2026-06-01', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid_state' });

    await setYearlyFigures(ctx, handler, agencyId, 2026, [
      { key: 'licensing.decisions', value: 1204 },
      { key: 'fees.amount_wan', value: 12.35, note: '财政系统' },
    ]);
    await expect(
      setYearlyFigures(ctx, handler, agencyId, 2026, [
        { key: 'penalty.decisions', value: 3 },
        { key: 'coercion.decisions', value: -1 },
      ]),
    ).rejects.toMatchObject({ field: 'figures.1.value' });
    expect(
      (await yearlyFigures(ctx, head, agencyId, 2026)).cells.find((c) => c.key === 'penalty.decisions')
        ?.value,
    ).toBeNull();

    let table = await activeTableFor(ctx, head, agencyId, 2026);
    expect(table.format).toBe('2021');
    expect(table.active).toMatchObject({
      rules: { issued: 0, repealed: 0, in_force: 1 },
      normative_documents: { issued: 1, repealed: 1, in_force: 1 },
      licensing: { decisions: 1204 },
      penalty: { decisions: null },
      fees: { amount_wan: 12.35 },
    });
    expect(table.blocks[0]!.header).toBe('第二十条第（一）项');

    await expect(
      actOnItem(ctx, reviewer, linked.itemId!, 'repeal', { reason: '已修订' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const repealed = await actOnItem(ctx, head, linked.itemId!, 'repeal', {
      reason: '已被《某办法（2026年修订）》替代',
    });
    expect(repealed).toMatchObject({
      state: 'repealed',
      validityLabel: '废止',
      normativeDocument: { repealedOn: '2026-06-01' },
    });
    table = await activeTableFor(ctx, head, agencyId, 2026);
    expect(table.active).toMatchObject({ normative_documents: { issued: 1, repealed: 2, in_force: 0 } });
    expect(table.origins['normative_documents.repealed']).toMatchObject({ from: 'lifecycle' });

    const table2020 = await activeTableFor(ctx, head, agencyId, 2020);
    expect(table2020.format).toBe('2019');
    expect(table2020.active).toMatchObject({
      rules: { made: 1, published: 1, total: 1 },
      normative_documents: { made: 0, published: 0, total: 0 },
    });
  });

  it('imports yearly figures all or nothing, with Chinese errors naming row and column', async () => {
    const bad = '年度,事项,指标,数值\n2025,行政处罚,本年处理决定数量,37\n2025,行政强制,本年处理决定数量,三\n';
    const error = await importYearlyFigures(ctx, handler, agencyId, {
      fileName: 'x.csv',
      bytes: new TextEncoder().encode(bad),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation', message: expect.stringContaining('第 3 行“数值”列') });
    expect((await yearlyFigures(ctx, head, agencyId, 2025)).cells.every((c) => c.value === null)).toBe(true);
    const ok = await importYearlyFigures(ctx, handler, agencyId, {
      fileName: 'x.csv',
      bytes: new TextEncoder().encode(
        '年度,事项,指标,数值\n2025,行政处罚,本年处理决定数量,37\n2025,行政强制,本年处理决定数量,3\n',
      ),
    });
    expect(ok).toEqual({ imported: 2, years: [2025] });
    expect((await activeTableFor(ctx, head, agencyId, 2025)).active).toMatchObject({
      penalty: { decisions: 37 },
      coercion: { decisions: 3 },
    });
  });

  it('imports yearly figures from an XLSX workbook, naming the row and column of a mistake', async () => {
    const workbook = async (rows: (string | number)[][]) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('表二数据');
      for (const r of rows) sheet.addRow(r);
      return new Uint8Array(await book.xlsx.writeBuffer());
    };
    const bad = await workbook([
      ['年度', '事项', '指标', '数值', '备注'],
      [2024, '行政许可', '本年处理决定数量', 120, '审批系统'],
      [2024, '行政事业性收费', '本年收费金额（单位：万元）', '约三万', ''],
    ]);
    await expect(
      importYearlyFigures(ctx, handler, agencyId, { fileName: '表二.xlsx', bytes: bad }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('第 3 行“数值”列'),
    });
    expect((await yearlyFigures(ctx, head, agencyId, 2024)).cells.every((c) => c.value === null)).toBe(true);
    const good = await workbook([
      ['年度', '事项', '指标', '数值', '备注'],
      [2024, '行政许可', '本年处理决定数量', 120, '审批系统'],
      [2024, '行政事业性收费', '本年收费金额（单位：万元）', 3.05, ''],
    ]);
    expect(await importYearlyFigures(ctx, handler, agencyId, { fileName: '表二.xlsx', bytes: good })).toEqual(
      { imported: 2, years: [2024] },
    );
    const cells = (await yearlyFigures(ctx, head, agencyId, 2024)).cells;
    expect(cells.find((c) => c.key === 'licensing.decisions')).toMatchObject({
      value: 120,
      note: '审批系统',
    });
    expect(cells.find((c) => c.key === 'fees.amount_wan')?.value).toBe(3.05);
  });

  it('keeps categories in use, and shows the review queue', async () => {
    await expect(
      setCategories(ctx, handler, agencyId, [{ code: 'gzdt', name: '工作动态', parent: null }]),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      setCategories(ctx, admin, agencyId, [{ code: 'gzdt', name: '工作动态', parent: null }]),
    ).rejects.toMatchObject({ code: 'conflict' });
    const item = await createItem(ctx, handler, agencyId, {
      title: '待审核的信息',
      publisher: '某局',
      categoryCode: 'gzdt',
    });
    await actOnItem(ctx, handler, item.id, 'submit');
    const queue = await reviewQueue(ctx, reviewer, agencyId);
    expect(queue.find((r) => r.id === item.id)?.actions.map((a) => a.action)).toEqual(['approve', 'return']);
  });
});
