import type { MatterInput } from './matters.ts';

/**
 * STARTER SET — 卫生健康（医疗卫生）领域政务公开事项标准目录, for a county-level 卫生健康局 and its 乡镇（街道）.
 *
 * Where it comes from, and what it is not:
 * - 国办发〔2019〕54号 (国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见) asks the State Council's
 *   departments to issue standard guidelines for 26 领域 and each county-level government to compile its own
 *   政务公开事项标准目录 from them. The seeds show a county bureau that did it: 利通区卫生健康局 compiled
 *   《利通区医疗卫生领域政务公开标准目录》 (seed 001), and 海沧区 published its 《海沧区医疗卫生领域基层政务公开标准目录》
 *   (seed 002). Neither seed reproduces the catalog's rows.
 * - The national sector guideline is the 医疗卫生 (卫生健康) 领域基层政务公开标准指引 issued by the 国家卫生健康委
 *   under 54号's programme. We do not have its text in the sources and are NOT SURE OF ITS EXACT TITLE, document
 *   number or date: the rows below are not copied from it. They follow its table's columns and the kinds of 事项 the
 *   seeds name (基本公共卫生服务, 医疗卫生服务价格, 医疗机构和医务人员执业, 卫生监督执法, 计划生育奖励扶助, 政策解读,
 *   回应关切, 人大建议和政协提案办理结果), written for Gongkai's demo.
 * - 公开依据 cites only the 条例 articles and the laws' names (no article numbers we could not check), except 预算法
 *   Art. 14 (部门预决算 within 20 days of approval). The 7-working-day 公开时限 of 行政许可 and 行政处罚 results is the
 *   common “双公示” practice, not a rule of the 条例.
 * An agency edits, extends or replaces this list (console → 标准目录, or an XLSX import) before relying on it.
 */
const TWENTY_WD = '信息形成或变更之日起20个工作日内';
const SITE = '政府网站、政务新媒体、政务公开专区（查阅点）';
const BUREAU = '县（区）卫生健康局';
const base = {
  subject: BUREAU,
  channels: SITE,
  audience: 'public',
  method: 'proactive',
  county: true,
  township: false,
} as const;

export const HEALTH_STARTER_SOURCE =
  '卫生健康（医疗卫生）领域起步目录：按国办发〔2019〕54号和国家卫生健康委医疗卫生领域基层政务公开标准指引的栏目编制（指引的确切名称、文号未经核对），供本机关修改后使用';

export const HEALTH_STARTER_MATTERS: readonly MatterInput[] = [
  {
    ...base,
    level1: '政策文件',
    level2: '行政规范性文件',
    content: '本机关制定的行政规范性文件全文、文号、施行日期、有效性；与文件同步发布的政策解读',
    basis: '《中华人民共和国政府信息公开条例》第二十条第（一）项',
    timeLimit: TWENTY_WD,
  },
  {
    ...base,
    level1: '政策文件',
    level2: '政策解读',
    content: '规范性文件的解读材料（文字解读、图解、视频），与文件同步起草、同步审签、同步发布',
    basis: '国务院办公厅关于政策解读的工作要求（“三同步”；确切文件名称、文号待核）',
    timeLimit: '与所解读的文件同步发布',
  },
  {
    ...base,
    level1: '机构信息',
    level2: '机构职能',
    content: '机构名称、职能、内设机构、办公地址、办公时间、联系电话、负责人',
    basis: '《中华人民共和国政府信息公开条例》第二十条第（二）项',
    timeLimit: TWENTY_WD,
  },
  {
    ...base,
    level1: '公共卫生服务',
    level2: '基本公共卫生服务项目',
    content: '服务项目名称、服务对象、服务内容、提供服务的机构及联系方式',
    basis: '《中华人民共和国基本医疗卫生与健康促进法》；《国家基本公共卫生服务规范（第三版）》',
    timeLimit: TWENTY_WD,
    subject: '县（区）卫生健康局、乡镇卫生院（社区卫生服务中心）',
    township: true,
  },
  {
    ...base,
    level1: '公共卫生服务',
    level2: '预防接种服务',
    content: '接种单位名称、地址、服务时间，免疫规划疫苗品种、接种程序',
    basis: '《中华人民共和国疫苗管理法》',
    timeLimit: TWENTY_WD,
    subject: '县（区）卫生健康局、接种单位',
    township: true,
  },
  {
    ...base,
    level1: '公共卫生服务',
    level2: '家庭医生签约服务',
    content: '签约服务内容、签约团队、服务收费和优惠政策、签约方式',
    basis: '《中华人民共和国基本医疗卫生与健康促进法》',
    timeLimit: TWENTY_WD,
    township: true,
  },
  {
    ...base,
    level1: '公共卫生服务',
    level2: '健康教育和传染病防控提示',
    content: '季节性传染病防控提示、健康科普、突发公共卫生事件的防护知识',
    basis: '《中华人民共和国传染病防治法》；《中华人民共和国基本医疗卫生与健康促进法》',
    timeLimit: '及时发布',
    township: true,
  },
  {
    ...base,
    level1: '医疗服务',
    level2: '医疗机构执业登记',
    content: '办理依据、条件、程序、时限、材料；许可结果（机构名称、地址、诊疗科目、有效期）',
    basis: '《中华人民共和国行政许可法》；《医疗机构管理条例》',
    timeLimit: '作出行政许可决定之日起7个工作日内',
  },
  {
    ...base,
    level1: '医疗服务',
    level2: '医师、护士执业注册',
    content: '办理依据、条件、程序、时限、材料；注册结果',
    basis: '《中华人民共和国医师法》；《护士条例》',
    timeLimit: '作出行政许可决定之日起7个工作日内',
  },
  {
    ...base,
    level1: '医疗服务',
    level2: '医疗卫生服务价格',
    content: '基层医疗卫生机构医疗服务项目及价格标准、收费依据',
    basis: '《中华人民共和国价格法》',
    timeLimit: TWENTY_WD,
    township: true,
  },
  {
    ...base,
    level1: '卫生监督执法',
    level2: '行政处罚',
    content: '行政处罚决定书文号、当事人、违法事实、处罚依据、处罚内容、作出决定的机关和日期',
    basis: '《中华人民共和国行政处罚法》；《中华人民共和国政府信息公开条例》第二十条第（六）项',
    timeLimit: '作出行政处罚决定之日起7个工作日内',
  },
  {
    ...base,
    level1: '卫生监督执法',
    level2: '监督抽查结果',
    content: '“双随机、一公开”抽查事项、抽查对象、抽查结果，公共场所卫生监督抽检结果',
    basis: '《中华人民共和国政府信息公开条例》第二十条第（十三）项；《公共场所卫生管理条例》',
    timeLimit: '抽查结果形成之日起20个工作日内',
  },
  {
    ...base,
    level1: '计划生育',
    level2: '计划生育家庭奖励扶助',
    content: '奖励扶助政策、对象条件、标准、申请程序、办理机构',
    basis: '《中华人民共和国人口与计划生育法》',
    timeLimit: TWENTY_WD,
    subject: '县（区）卫生健康局、乡镇人民政府（街道办事处）',
    township: true,
  },
  {
    ...base,
    level1: '计划生育',
    level2: '特别扶助对象确认结果',
    content: '特别扶助对象的确认结果（不含身份证号码等个人信息，在村（居）务公开栏公示）',
    basis: '《中华人民共和国人口与计划生育法》；《中华人民共和国政府信息公开条例》第十五条',
    timeLimit: '确认之日起20个工作日内',
    subject: '乡镇人民政府（街道办事处）',
    channels: '村（居）务公开栏',
    audience: 'specific',
    county: false,
    township: true,
  },
  {
    ...base,
    level1: '应急管理',
    level2: '突发公共卫生事件应急预案',
    content: '本级突发公共卫生事件应急预案、应急处置信息',
    basis: '《突发公共卫生事件应急条例》；《中华人民共和国政府信息公开条例》第二十条第（十二）项',
    timeLimit: TWENTY_WD,
  },
  {
    ...base,
    level1: '财政资金',
    level2: '部门预算和决算',
    content: '部门预算、决算及说明，“三公”经费',
    basis: '《中华人民共和国预算法》第十四条；《中华人民共和国政府信息公开条例》第二十条第（七）项',
    timeLimit: '经财政部门批复后20日内',
  },
  {
    ...base,
    level1: '回应关切',
    level2: '回应社会关切',
    content: '对涉及本机关的社会关切、热点问题的回应：关切的来源、提出日期、回应内容',
    basis: '《中华人民共和国政府信息公开条例》第六条',
    timeLimit: '及时回应',
  },
  {
    ...base,
    level1: '建议提案办理',
    level2: '人大代表建议和政协提案办理结果',
    content: '建议、提案的办理复文（涉及国家秘密、个人隐私的除外）',
    basis: '本级人民政府关于建议提案办理结果公开的规定（各地文件不同，按本地文件填写）',
    timeLimit: '办理答复之日起20个工作日内',
  },
  {
    ...base,
    level1: '统计信息',
    level2: '卫生健康统计资料',
    content: '未主动公开的卫生健康统计年报资料',
    basis: '《中华人民共和国政府信息公开条例》第二十七条',
    timeLimit: '依申请：收到申请之日起20个工作日内答复（条例第三十三条）',
    audience: 'specific',
    method: 'on_request',
  },
];
