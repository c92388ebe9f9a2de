import type { Category } from './categories.ts';

/**
 * 政府信息公开指南 (条例 Art. 12): the classification and arrangement of information, how to obtain it, and the
 * name, address, office hours, telephone, fax and internet contact of the OGI office — generated from the
 * agency's settings so that it is always current (Art. 53(2) holds agencies to account for a stale guide).
 *
 * Settings read (all optional): `office` {name, address, postcode, hours, phone, fax, email, website},
 * `channels` (申请渠道, strings), `readingRooms` (查阅场所, strings), `supervisor` {name, phone, address} (the
 * 政府信息公开工作主管部门 that takes complaints, Art. 47), `indexScheme`.
 */
export interface DisclosureOffice {
  name: string | null;
  address: string | null;
  postcode: string | null;
  hours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
}

export interface GuideSettings {
  office: DisclosureOffice;
  channels: string[];
  readingRooms: string[];
  supervisor: { name: string | null; phone: string | null; address: string | null } | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const texts = (v: unknown) => (Array.isArray(v) ? v.map(text).filter((t): t is string => t !== null) : []);

export function readGuideSettings(settings: Record<string, unknown>): GuideSettings {
  const office = isRecord(settings.office) ? settings.office : {};
  const supervisor = isRecord(settings.supervisor) ? settings.supervisor : null;
  return {
    office: {
      name: text(office.name),
      address: text(office.address) ?? text(settings.address),
      postcode: text(office.postcode),
      hours: text(office.hours) ?? text(settings.officeHours),
      phone: text(office.phone) ?? text(settings.phone),
      fax: text(office.fax),
      email: text(office.email),
      website: text(office.website),
    },
    channels: texts(settings.channels),
    readingRooms: texts(settings.readingRooms),
    supervisor: supervisor
      ? { name: text(supervisor.name), phone: text(supervisor.phone), address: text(supervisor.address) }
      : null,
  };
}

export interface GuideEntry {
  /** a definition's term (办公地址), or null for a paragraph */
  label: string | null;
  text: string;
}

export interface GuideSection {
  heading: string;
  entries: GuideEntry[];
}

const p = (t: string): GuideEntry => ({ label: null, text: t });
const d = (label: string, value: string | null): GuideEntry[] => (value ? [{ label, text: value }] : []);

export function buildGuide(input: {
  agencyName: string;
  categories: readonly Category[];
  indexScheme: string;
  settings: GuideSettings;
}): GuideSection[] {
  const { office, channels, readingRooms, supervisor } = input.settings;
  const officeName = office.name ?? `${input.agencyName}政府信息公开工作机构`;
  const top = input.categories.filter((c) => c.parent === null).map((c) => c.name);
  const defaultChannels = [
    '在线申请：通过本网站“依申请公开”栏目填写并提交申请表。',
    ...(office.address ? [`当面提交：在办公时间内到${office.address}提交书面申请。`] : []),
    ...(office.address
      ? [
          `信函申请：邮寄至${office.address}${office.postcode ? `（邮编${office.postcode}）` : ''}，请在信封上注明“政府信息公开申请”字样。`,
        ]
      : []),
    ...(office.fax ? [`传真申请：传真至${office.fax}，并请注明“政府信息公开申请”字样。`] : []),
  ];
  return [
    {
      heading: '一、主动公开',
      entries: [
        p(
          `（一）公开范围。${input.agencyName}依照《中华人民共和国政府信息公开条例》第十九条、第二十条等规定主动公开政府信息，公开目录分为：${top.join('、')}。`,
        ),
        p(
          `（二）编排体系。政府信息公开目录按上述分类编排，每条信息列明索引号、名称、内容概述、生成日期等内容。索引号的编排规则为“${input.indexScheme}”。`,
        ),
        p(
          `（三）公开方式。主要通过本网站政府信息公开栏目公开，并可通过政府公报、新闻发布会以及报刊、广播、电视等途径公开。${readingRooms.length > 0 ? `公众还可以到以下场所查阅：${readingRooms.join('；')}。` : ''}`,
        ),
        p(
          '（四）公开时限。属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开。法律、法规对政府信息公开的期限另有规定的，从其规定。',
        ),
      ],
    },
    {
      heading: '二、依申请公开',
      entries: [
        p(`（一）受理机构。${officeName}负责受理向${input.agencyName}提出的政府信息公开申请。`),
        ...d('办公地址', office.address),
        ...d('邮政编码', office.postcode),
        ...d('办公时间', office.hours),
        ...d('联系电话', office.phone),
        ...d('传真号码', office.fax),
        ...d('电子邮箱', office.email),
        ...d('互联网联系方式', office.website),
        p(
          '（二）申请方式。申请人应当采用包括信件、数据电文在内的书面形式提出申请；采用书面形式确有困难的，可以口头提出，由受理机构代为填写申请。',
        ),
        ...(channels.length > 0 ? channels : defaultChannels).map(p),
        p(
          '（三）申请内容。申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径。',
        ),
        p(
          '（四）办理时限。能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。申请内容不明确的，自收到申请之日起7个工作日内一次性告知申请人补正，答复期限自收到补正的申请之日起计算。征求第三方和其他机关意见所需时间不计算在答复期限内。',
        ),
        p(
          '（五）收费。依申请提供政府信息，不收取费用。申请公开政府信息的数量、频次明显超过合理范围的，依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费。',
        ),
      ],
    },
    {
      heading: '三、监督和救济',
      entries: [
        p(
          `公民、法人或者其他组织认为${input.agencyName}未按照要求主动公开政府信息或者对政府信息公开申请不依法答复处理的，可以向政府信息公开工作主管部门提出${supervisor?.name ? `（${supervisor.name}${supervisor.phone ? `，电话${supervisor.phone}` : ''}${supervisor.address ? `，地址${supervisor.address}` : ''}）` : ''}。`,
        ),
        p(
          '认为在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。',
        ),
      ],
    },
  ];
}
