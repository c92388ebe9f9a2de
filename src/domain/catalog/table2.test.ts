import { describe, expect, it } from 'vitest';
import { activeBlocks } from '../report/table2.ts';
import type { NormativeDocument } from './normative.ts';
import { normativeStatusOn } from './normative.ts';
import { buildActiveTable } from './table2.ts';
import { enteredCells } from './yearly-figures.ts';

let nextId = 1;
function doc(
  kind: NormativeDocument['kind'],
  dates: Partial<NormativeDocument> & { issuedOn: string },
): NormativeDocument {
  return {
    id: nextId++,
    agencyId: 1,
    kind,
    title: '某文件',
    docNumber: null,
    effectiveOn: null,
    expiresOn: null,
    publishedOn: dates.issuedOn,
    repealedOn: null,
    repealReason: null,
    itemId: null,
    ...dates,
  };
}

// A small register over three years.
const docs: NormativeDocument[] = [
  doc('rules', { issuedOn: '2019-06-01' }), // 1: in force throughout
  doc('rules', { issuedOn: '2021-03-10', repealedOn: '2023-05-01' }), // 2: repealed in 2023
  doc('normative_documents', { issuedOn: '2022-11-20', publishedOn: '2022-12-01' }), // 3
  doc('normative_documents', { issuedOn: '2023-02-01', publishedOn: '2023-02-10' }), // 4: made 2023
  doc('normative_documents', {
    issuedOn: '2023-12-28',
    effectiveOn: '2024-02-01',
    publishedOn: '2024-01-05',
  }), // 5: made 2023, published 2024
  doc('normative_documents', { issuedOn: '2018-01-01', expiresOn: '2022-12-31' }), // 6: expired end of 2022
  doc('normative_documents', { issuedOn: '2020-01-01', repealedOn: '2023-12-31' }), // 7: repealed on the last day of 2023
];
const figures = new Map([
  ['licensing.decisions', { value: 1204, note: null }],
  ['penalty.decisions', { value: 37, note: '执法系统导出' }],
  ['fees.amount_wan', { value: 12.5, note: null }],
]);

describe('normative-document lifecycle', () => {
  it('gives the status on a date', () => {
    expect(normativeStatusOn(docs[4]!, '2023-12-27')).toBeNull();
    expect(normativeStatusOn(docs[4]!, '2023-12-31')).toBe('issued');
    expect(normativeStatusOn(docs[4]!, '2024-02-01')).toBe('in_force');
    expect(normativeStatusOn(docs[5]!, '2022-12-31')).toBe('in_force');
    expect(normativeStatusOn(docs[5]!, '2023-01-01')).toBe('expired');
    expect(normativeStatusOn(docs[1]!, '2023-05-01')).toBe('repealed');
  });
});

describe('table 二 from lifecycle data and entered figures', () => {
  it('2021 layout (国办公开办函〔2021〕30号)', () => {
    const table = buildActiveTable('2021', 2023, docs, figures);
    expect(table.format).toBe('2021');
    expect(table.active).toEqual({
      rules: { issued: 0, repealed: 1, in_force: 1 },
      normative_documents: { issued: 2, repealed: 1, in_force: 3 },
      licensing: { decisions: 1204 },
      penalty: { decisions: 37 },
      coercion: { decisions: null },
      fees: { amount_wan: 12.5 },
    });
    expect(table.origins['normative_documents.in_force']).toEqual({ from: 'lifecycle', ids: [3, 4, 5] });
    expect(table.origins['penalty.decisions']).toEqual({ from: 'entered', note: '执法系统导出' });
    expect(table.origins['coercion.decisions']).toEqual({ from: 'missing' });
  });

  it('reconciles across years: 现行有效(t) = 现行有效(t−1) + 本年制发 − 本年废止 − expired', () => {
    const y2022 = buildActiveTable('2021', 2022, docs, new Map());
    const y2023 = buildActiveTable('2021', 2023, docs, new Map());
    if (y2022.format !== '2021' || y2023.format !== '2021') throw new Error('layout');
    const n22 = y2022.active.normative_documents;
    const n23 = y2023.active.normative_documents;
    expect(n22).toEqual({ issued: 1, repealed: 0, in_force: 3 }); // 3, 6 (valid through 12-31), 7
    expect(n23.in_force).toBe(n22.in_force! + n23.issued! - n23.repealed! - 1); // doc 6 expired
  });

  it('2019 layout (国办公开办函〔2019〕60号) for 2020', () => {
    const table = buildActiveTable(
      '2019',
      2020,
      docs,
      new Map([['procurement.amount', { value: 43099284, note: '元' }]]),
    );
    expect(table.format).toBe('2019');
    expect(table.active.rules).toEqual({ made: 0, published: 0, total: 1 });
    expect(table.active.normative_documents).toEqual({ made: 1, published: 1, total: 2 });
    expect(table.active).toMatchObject({
      procurement: { projects: null, amount: 43099284 },
      fees: { previous: null, change: null },
    });
  });

  it('has exactly the rows and columns of the statutory layouts', () => {
    for (const format of ['2019', '2021'] as const) {
      const table = buildActiveTable(format, 2023, docs, figures);
      const expected = Object.fromEntries(
        activeBlocks(format).flatMap((b) => b.rows.map((r) => [r.key, b.columns.map((c) => c.key).sort()])),
      );
      const actual = Object.fromEntries(
        Object.entries(table.active).map(([k, v]) => [k, Object.keys(v).sort()]),
      );
      expect(actual).toEqual(expected);
    }
  });

  it('lists the entered cells with their statutory labels', () => {
    expect(enteredCells('2021').map((c) => `${c.rowLabel}/${c.columnLabel}`)).toEqual([
      '行政许可/本年处理决定数量',
      '行政处罚/本年处理决定数量',
      '行政强制/本年处理决定数量',
      '行政事业性收费/本年收费金额（单位：万元）',
    ]);
    expect(enteredCells('2019').map((c) => c.key)).toContain('other_services.change');
  });
});
