import { describe, expect, it } from 'vitest';
import { checkSiteSettings, readSiteSettings } from './site.ts';

describe('site identification (主办单位, 网站标识码, ICP备案号, 公安机关备案号)', () => {
  it('accepts the registered forms and reads them trimmed', () => {
    const site = {
      sponsor: ' 某市卫生健康委员会 ',
      siteCode: 'bm14000001',
      icpNumber: '浙ICP备05070602号-1',
      policeNumber: '浙公网安备 33010602000123号',
    };
    expect(checkSiteSettings(site)).toEqual([]);
    expect(readSiteSettings({ site }).sponsor).toBe('某市卫生健康委员会');
    expect(readSiteSettings({})).toEqual({
      sponsor: null,
      siteCode: null,
      icpNumber: null,
      policeNumber: null,
    });
  });

  it.each([
    ['siteCode', '33010000', '网站标识码“33010000”格式不正确'],
    ['icpNumber', 'ICP备05070602号', 'ICP备案号“ICP备05070602号”格式不正确'],
    ['policeNumber', '浙公网安备 3301060200012号', '公安机关备案号“浙公网安备 3301060200012号”格式不正确'],
    ['sponsor', 3, '主办单位应为文字'],
  ])('names the field of a malformed %s', (field, value, message) => {
    const [problem] = checkSiteSettings({ [field]: value });
    expect(problem?.field).toBe(`site.${field}`);
    expect(problem?.message).toContain(message);
  });
});
