import type { ApplicantType } from '../../domain/application/index.ts';
import type { ApplicantInput } from '../applications/applicant-input.ts';
import type { Random } from './random.ts';

/**
 * Invented applicants for the demo: names, valid-looking 居民身份证 numbers and 统一社会信用代码 (check characters
 * computed as GB 11643 / GB 32100 prescribe, so the form's checks pass), phones and addresses. No real person.
 */
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '海燕',
];
const STREETS = ['人民路', '解放路', '中山路', '建设路', '文化路', '和平路', '新华路', '健康路'];
const ORGANISATIONS: Record<Exclude<ApplicantType, 'natural'>, readonly string[]> = {
  commercial: [
    '某市康宁医药有限公司',
    '某市安和医疗器械有限公司',
    '某市华信健康管理有限公司',
    '某市众康药房连锁有限公司',
  ],
  research: ['某市医学科学研究所', '某大学公共卫生学院'],
  nonprofit: ['某市红十字会', '某市慈善总会', '某市患者权益关爱中心'],
  legal: ['某某律师事务所', '某市法律援助中心', '某正律师事务所'],
  other: ['某小区业主委员会', '某村村民委员会', '某市个体劳动者协会'],
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function residentId(random: Random): string {
  const birth = `${random.int(1950, 2002)}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
  const body = `330102${birth}${String(random.int(100, 999))}`;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

function creditCode(random: Random): string {
  let body = '91330102';
  while (body.length < 17) body += USCC_CHARS[random.int(0, 30)];
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + w * USCC_CHARS.indexOf(body[i]!), 0);
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}

const personName = (random: Random) => random.pick(SURNAMES) + random.pick(GIVEN);
const phone = (random: Random) =>
  `13${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;

export function demoApplicant(random: Random, type: ApplicantType): ApplicantInput {
  const address = `某市某区${random.pick(STREETS)}${random.int(1, 399)}号`;
  if (type === 'natural')
    return {
      type,
      name: personName(random),
      idKind: '居民身份证',
      idNumber: residentId(random),
      phone: phone(random),
      email: null,
      address,
      postcode: '310000',
    };
  return {
    type,
    name: random.pick(ORGANISATIONS[type]),
    contactPerson: personName(random),
    idKind: '统一社会信用代码',
    idNumber: creditCode(random),
    phone: phone(random),
    email: null,
    address,
    postcode: '310000',
  };
}

/** What applicants of a health bureau typically ask for. */
export const REQUESTS: readonly string[] = [
  '本区医疗机构执业许可名单',
  '某社区卫生服务中心2024年度财务收支情况',
  '本区公共场所卫生许可证发放情况',
  '某医院医疗纠纷处理结果',
  '本区职业病防治专项检查报告',
  '某诊所行政处罚决定书',
  '本区疫苗接种点设置依据',
  '某养老机构医养结合备案材料',
  '本区医疗卫生服务体系规划',
  '某医院改扩建项目审批文件',
  '本区医疗机构放射诊疗许可情况',
  '本区卫生健康事业统计公报',
  '本局政府采购项目中标结果',
  '某小区二次供水卫生检测报告',
  '本区家庭医生签约服务考核办法',
  '本局内设机构及人员编制情况',
  '某药店违法经营投诉的处理情况',
  '本区传染病疫情报告数据',
];
