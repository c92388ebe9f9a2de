/**
 * The schema of an agency's settings as the administrator changes them (PATCH /api/admin/agency): every key the
 * services read (letters, the 公开指南, the catalog, the clock policy, supervision), each with its shape; a key
 * that is not a setting is refused ("不允许的字段 …", 400) instead of being stored and written whole into the
 * audit log (issue 16 point 10). The demo's login (demoLogin) is not a setting an administrator writes, nor is
 * the 印章 (`seal`): it names a stored file and is written only by POST /api/admin/agency/seal after the image is
 * checked (issue 12 point 6), so a PATCH naming it is refused here.
 */
const text = { type: ['string', 'null'] };
const flag = { type: ['boolean', 'null'] };
const texts = { type: ['array', 'null'], items: { type: 'string' } };
const closed = (properties: Record<string, object>) => ({
  type: ['object', 'null'],
  additionalProperties: false,
  properties,
});

export const agencySettingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    // the 政府信息公开工作机构 (公开指南, letters): address, hours, phone …
    office: closed({
      name: text,
      address: text,
      postcode: text,
      hours: text,
      phone: text,
      fax: text,
      email: text,
      website: text,
    }),
    address: text,
    phone: text,
    officeHours: text,
    channels: texts,
    readingRooms: texts,
    // 政府信息公开工作主管部门 (条例第四十七条)
    supervisor: closed({ name: text, phone: text, address: text }),
    letterhead: text,
    letterNumberPrefix: text,
    // 文号机关代字 per letter kind (文书种类 → 代字); checked for clashes by the service (#12 point 5)
    letterNumberSeries: { type: ['object', 'null'], additionalProperties: { type: ['string', 'null'] } },
    // a one-person office may sign off its own drafts; the record then says so (#12 point 3)
    allowSelfSignOff: flag,
    // the agency's departments (科室), to whom a handler opens 内部会签 (#12 point 2); checked by the service
    departments: texts,
    reconsiderationBodyName: text,
    provincial: flag,
    needsCreationReconsiderationFirst: flag,
    feePausesReplyClock: flag,
    // per letter kind, the agency's own copy of the fill-ins
    letterTemplates: {
      type: ['object', 'null'],
      additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
    },
    indexScheme: text,
    scanner: closed({ extraMarks: texts }),
    portal: closed({ default: flag }),
    // the portal's host names (集约化, #15 point 3); their form and uniqueness are checked by the service
    domains: texts,
    // the footer's 主办单位, 网站标识码, ICP备案号, 公安机关备案号 (#14 point 5)
    site: closed({ sponsor: text, siteCode: text, icpNumber: text, policeNumber: text }),
    // 同义词和简称 for search, one entry per line ("预决算 = 预算 决算"), as text or a list of lines
    searchSynonyms: {
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'null' }],
    },
    // a 规范性文件 is not submitted or published without its 政策解读 (#18 point 4)
    interpretationRequired: flag,
    reportDueDate: text,
    // the supervising office's settings for the agencies below (also PUT /api/supervision/settings)
    supervision: { type: ['object', 'null'] },
  },
};
