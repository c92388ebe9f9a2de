/**
 * The site identification every government website prints in its footer (政府网站发展指引, 国办发〔2017〕47号,
 * 附件 "政府网站页面元素"): 主办单位, 网站标识码, ICP 备案号 and 公安机关备案号. Kept in the agency's settings under
 * `site` {sponsor, siteCode, icpNumber, policeNumber}; each may be missing (the footer then leaves it out).
 */
export interface SiteSettings {
  /** 主办单位 (defaults to the agency's name) */
  sponsor: string | null;
  /** 网站标识码: 10 characters issued with the site's registration (e.g. 3301000001, bm14000001) */
  siteCode: string | null;
  /** ICP 备案号, e.g. 浙ICP备05070602号-1 */
  icpNumber: string | null;
  /** 公安机关备案号, e.g. 浙公网安备 33010602000123号 */
  policeNumber: string | null;
}

export const SITE_LABEL: Record<keyof SiteSettings, string> = {
  sponsor: '主办单位',
  siteCode: '网站标识码',
  icpNumber: 'ICP备案号',
  policeNumber: '公安机关备案号',
};

const SITE_CODE = /^[0-9A-Za-z]{10}$/;
const ICP = /^[\u4e00-\u9fa5]ICP备\d{6,10}号(-\d{1,3})?$/;
const POLICE = /^[\u4e00-\u9fa5]公网安备\s?\d{14}号$/;

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function readSiteSettings(settings: Record<string, unknown>): SiteSettings {
  const site =
    typeof settings.site === 'object' && settings.site !== null && !Array.isArray(settings.site)
      ? (settings.site as Record<string, unknown>)
      : {};
  return {
    sponsor: text(site.sponsor),
    siteCode: text(site.siteCode),
    icpNumber: text(site.icpNumber),
    policeNumber: text(site.policeNumber),
  };
}

/** The problems of a `site` settings value, each naming its field (`site.siteCode` …), in Chinese. */
export function checkSiteSettings(value: unknown): { field: string; message: string }[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value))
    return [
      { field: 'site', message: '网站标识设置应为对象（主办单位、网站标识码、ICP备案号、公安机关备案号）' },
    ];
  const site = value as Record<string, unknown>;
  const problems: { field: string; message: string }[] = [];
  for (const key of Object.keys(SITE_LABEL) as (keyof SiteSettings)[]) {
    const v = site[key];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string') problems.push({ field: `site.${key}`, message: `${SITE_LABEL[key]}应为文字` });
    else if (v.length > 100)
      problems.push({ field: `site.${key}`, message: `${SITE_LABEL[key]}不能超过 100 个字` });
  }
  const check = (key: keyof SiteSettings, pattern: RegExp, example: string) => {
    const v = site[key];
    if (typeof v === 'string' && v.trim() && v.length <= 100 && !pattern.test(v.trim()))
      problems.push({
        field: `site.${key}`,
        message: `${SITE_LABEL[key]}“${v}”格式不正确，应如“${example}”`,
      });
  };
  check('siteCode', SITE_CODE, '3301000001（10 位字母或数字）');
  check('icpNumber', ICP, '浙ICP备05070602号-1');
  check('policeNumber', POLICE, '浙公网安备 33010602000123号');
  return problems;
}
