/**
 * The schema of an agency's settings as the administrator changes them (PATCH /api/admin/agency): every key the
 * services read (letters, the 公开指南, the catalog, the clock policy, supervision), each with its shape; a key
 * that is not a setting is refused ("不允许的字段 …", 400) instead of being stored and written whole into the
 * audit log (issue 16 point 10). The demo's login (demoLogin) is not a setting an administrator writes.
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
    reportDueDate: text,
    // the supervising office's settings for the agencies below (also PUT /api/supervision/settings)
    supervision: { type: ['object', 'null'] },
  },
};
