import { describe, expect, it } from 'vitest';
import { matchAgency } from './agency-match.ts';

const AGENCIES = [
  { id: 1, name: '某市教育局', code: 'M11' },
  { id: 2, name: 'A区教育局', code: 'A11' },
  { id: 3, name: 'B区教育局', code: 'B11' },
  { id: 4, name: 'B区卫生健康局', code: 'B10' },
  { id: 5, name: '卫生健康局', code: 'X1' },
];
const match = (titleAgency: string | null, fileName: string) =>
  matchAgency(AGENCIES, { titleAgency, fileName });

describe('matching a bulk upload’s file to an agency (#13 point 10): by evidence, never guessed', () => {
  it('matches the title’s name exactly, full-width and spaces folded', () => {
    expect(match('Ｂ区 教育局', 'x.docx')).toMatchObject({
      kind: 'matched',
      agencyId: 3,
      how: ['title_name'],
    });
  });
  it('an exact name wins over a name that only ends the same', () => {
    expect(match('卫生健康局', 'x.docx')).toMatchObject({ kind: 'matched', agencyId: 5 });
  });
  it('matches a longer or shorter name in the title when only one agency fits', () => {
    expect(match('某市B区卫生健康局', 'x.pdf')).toMatchObject({
      kind: 'matched',
      agencyId: 4,
      how: ['title_name_part'],
    });
  });
  it('matches a 机构代码 or a full name in the file name', () => {
    expect(match(null, '区县/b10-2023.pdf')).toMatchObject({
      kind: 'matched',
      agencyId: 4,
      how: ['file_code'],
    });
    expect(match(null, 'A区教育局2023年报.docx')).toMatchObject({
      kind: 'matched',
      agencyId: 2,
      how: ['file_name'],
    });
    // a code inside a longer token is not a code
    expect(match(null, 'XB10Y.pdf')).toMatchObject({ kind: 'unmatched' });
  });
  it('agreeing evidence is listed; a name that fits several agencies is ambiguous', () => {
    expect(match('B区教育局', 'B11.txt')).toMatchObject({
      kind: 'matched',
      agencyId: 3,
      how: ['title_name', 'file_code'],
    });
    const bare = match('教育局', '报告.txt');
    expect(bare).toMatchObject({ kind: 'ambiguous', candidates: [1, 2, 3] });
    expect(bare.message).toContain('某市教育局、A区教育局、B区教育局');
  });
  it('evidence that disagrees is ambiguous, naming both', () => {
    const r = match('A区教育局', 'B10.docx');
    expect(r).toMatchObject({ kind: 'ambiguous', candidates: [2, 4] });
    expect(r.message).toContain('互相矛盾');
  });
  it('no evidence, or a name outside the subtree, is unmatched and says which', () => {
    expect(match(null, 'report.pdf')).toMatchObject({ kind: 'unmatched' });
    expect(match('某省财政厅', 'report.pdf').message).toContain('某省财政厅');
  });
});
