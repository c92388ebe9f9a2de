import type { LocalDate, WorkingCalendar } from '../../domain/calendar/index.ts';
import { addDays } from '../../domain/calendar/index.ts';
import type { ReviewAction } from '../../domain/catalog/index.ts';
import type { Agency } from '../../persistence/repositories/agency.repository.ts';
import { actOnItem } from '../catalog/review.service.ts';
import { setYearlyFigures } from '../catalog/figures.service.ts';
import { createItem } from '../catalog/item.service.ts';
import { createNormativeDocument, repealNormativeDocument } from '../catalog/normative.service.ts';
import { listMatters, loadHealthStarter } from '../catalog/matter.service.ts';
import type { ServiceContext } from '../context.ts';
import type { RoleStaff } from './agencies.ts';
import type { Random } from './random.ts';
import type { Script } from './steps.ts';

/**
 * 主动公开 for the demo agency, through the catalog's own services: the 行政规范性文件 in force before the system,
 * one repealed; information items drafted and taken through the whole review chain (审核、保密审查、签发、发布) a few
 * times a month, filed under the 事项 of the 卫生健康 standard catalog (starter set) — each 规范性文件 with its 政策解读,
 * published together — and a 回应关切 a year; the year's table 二 figures from other systems (许可、处罚、强制、收费) entered each January.
 */
const ITEMS: readonly (readonly [string, string, string | null])[] = [
  ['gzdt', '区卫生健康局开展基层医疗机构服务质量检查', null],
  ['tjxx', '区卫生健康事业发展统计简报', null],
  ['xzxk', '医疗机构执业许可办理结果公示', '医疗机构执业登记'],
  ['xzcf', '行政处罚决定信息公开', '行政处罚'],
  ['ggfw', '家庭医生签约服务指南', '家庭医生签约服务'],
  ['czyjs', '区卫生健康局部门预算公开', '部门预算和决算'],
  ['rsxx', '区卫生健康局事业单位公开招聘公告', null],
  ['jdjc', '公共场所卫生监督抽检结果', '监督抽查结果'],
  ['yjgl', '传染病防控健康提示', '健康教育和传染病防控提示'],
];
const REVIEW: readonly ReviewAction[] = ['submit', 'approve', 'pass_secrecy', 'sign', 'publish'];

export function scheduleCatalog(
  script: Script,
  random: Random,
  calendar: WorkingCalendar,
  staff: RoleStaff,
  agency: Agency,
  years: { first: number; last: number },
  today: LocalDate,
): void {
  const docIds: number[] = [];
  // the 卫生健康 standard catalog (starter set), loaded by the administrator before the first items
  const matterIds = new Map<string, number>();
  script.add(`${years.first}-11-01`, async (ctx) => {
    await loadHealthStarter(ctx, staff.admin, agency.id);
    for (const m of await listMatters(ctx, staff.admin, agency.id)) matterIds.set(m.level2, m.id);
  });
  const signOff = async (ctx: ServiceContext, id: number, through: readonly ReviewAction[]) => {
    for (const action of through)
      await actOnItem(
        ctx,
        action === 'approve' || action === 'pass_secrecy'
          ? staff.reviewer
          : action === 'sign'
            ? staff.head
            : staff.handler,
        id,
        action,
      );
  };
  script.add(`${years.first}-11-02`, async (ctx) => {
    for (const [i, year] of [2019, 2020, 2021, 2022, 2023, years.first].entries()) {
      const issuedOn = `${Math.min(year, years.first)}-0${(i % 8) + 1}-15`;
      const doc = await createNormativeDocument(ctx, staff.handler, agency.id, {
        kind: 'normative_documents',
        title: `某市某区卫生健康局关于规范${['医疗机构管理', '公共卫生服务', '卫生监督执法', '家庭医生签约', '职业健康管理', '医养结合服务'][i]}的通知`,
        docNumber: `某区卫健发〔${issuedOn.slice(0, 4)}〕${i + 3}号`,
        issuedOn,
        effectiveOn: issuedOn,
        publishedOn: issuedOn,
      });
      docIds.push(doc.id);
    }
  });
  script.add(`${years.first + 1}-06-16`, async (ctx) => {
    await repealNormativeDocument(ctx, staff.head, docIds[0]!, {
      repealedOn: `${years.first + 1}-06-16`,
      reason: '已被新制发的文件替代',
    });
  });

  let serial = 10;
  for (let year = years.first + 1; year <= years.last; year++)
    for (let month = 1; month <= 12; month++) {
      const count = random.int(1, 2) + (month % 6 === 3 ? 1 : 0);
      for (let n = 0; n < count; n++) {
        const on = calendar.workingDayOnOrAfter(
          `${year}-${String(month).padStart(2, '0')}-${String(random.int(3, 25)).padStart(2, '0')}`,
        ).date;
        if (on > today) continue;
        const normative = month % 6 === 3 && n === count - 1;
        const [categoryCode, title, matter] = normative
          ? ([
              'gfxwj',
              `某市某区卫生健康局关于加强${month < 6 ? '基层卫生人才队伍建设' : '医疗质量安全管理'}的通知`,
              '行政规范性文件',
            ] as const)
          : random.pick(ITEMS);
        const docNumber = normative ? `某区卫健发〔${year}〕${serial++}号` : null;
        script.add(on, async (ctx) => {
          const item = await createItem(ctx, staff.handler, agency.id, {
            title: normative ? title : `${title}（${year}年第${month}期）`,
            publisher: agency.name,
            docNumber,
            writtenOn: addDays(on, -2),
            effectiveOn: normative ? on : null,
            categoryCode,
            matterId: (matter && matterIds.get(matter)) || null,
            summary: `${title}。`,
            body: `${title}。\n本局依照《中华人民共和国政府信息公开条例》主动公开本信息。如有疑问，请在工作时间到本局政务服务窗口咨询。`,
          });
          if (!normative) return signOff(ctx, item.id, REVIEW);
          // 三同步: the 解读 drafted and signed off with the document, published with it
          const interpretation = await createItem(ctx, staff.handler, agency.id, {
            title: `《${title}》政策解读`,
            publisher: agency.name,
            writtenOn: addDays(on, -2),
            categoryCode: 'zcjd',
            matterId: matterIds.get('政策解读') ?? null,
            kind: 'interpretation',
            interpretsItemId: item.id,
            interpretationForm: month < 6 ? 'text' : 'graphic',
            summary: `对《${title}》的起草背景、主要内容和适用对象的解读。`,
            body: `一、起草背景\n二、主要内容\n三、适用对象和施行时间\n本解读与文件同步发布。`,
          });
          await signOff(ctx, interpretation.id, REVIEW.slice(0, -1));
          await signOff(ctx, item.id, REVIEW);
        });
      }
    }

  // a 回应关切 in each working year: a concern raised on the 12345 hotline, answered three working days later
  for (let year = years.first + 1; year <= years.last; year++) {
    const raised = calendar.workingDayOnOrAfter(`${year}-02-20`).date;
    const answered = calendar.addWorkingDays(raised, 3).date;
    if (answered > today) continue;
    script.add(answered, async (ctx) => {
      const item = await createItem(ctx, staff.handler, agency.id, {
        title: `关于群众反映流感疫苗接种点预约难问题的回应（${year}年）`,
        publisher: agency.name,
        writtenOn: answered,
        categoryCode: 'gzdt',
        matterId: matterIds.get('回应社会关切') ?? null,
        kind: 'response',
        concernSource: '12345 政务服务便民热线',
        concernRaisedOn: raised,
        summary: '回应群众对流感疫苗接种预约的关切：新增接种点和预约时段。',
        body: '近期有群众通过12345热线反映流感疫苗接种点预约难。本局已协调各社区卫生服务中心增加接种时段，并在政务新媒体公布各接种点地址和预约方式。',
      });
      await signOff(ctx, item.id, REVIEW);
    });
  }

  for (let year = years.first; year < years.last; year++) {
    const figures = [
      { key: 'licensing.decisions', value: random.int(260, 420), note: '行政审批系统年度统计' },
      { key: 'penalty.decisions', value: random.int(30, 80), note: '卫生监督执法系统年度统计' },
      { key: 'coercion.decisions', value: random.int(0, 3), note: '卫生监督执法系统年度统计' },
      { key: 'fees.amount_wan', value: random.int(0, 300) / 100, note: '财务系统：行政事业性收费收入' },
    ];
    script.add(calendar.workingDayOnOrAfter(`${year + 1}-01-08`).date, async (ctx) => {
      await setYearlyFigures(ctx, staff.handler, agency.id, year, figures);
    });
  }
}
