import type { ActionType } from '../../domain/application/index.ts';
import type { FillKey } from '../../domain/letters/index.ts';
import { LETTER_FILL_KEYS, LETTER_OF_ACTION } from '../../domain/letters/index.ts';
import type { LetterExtras } from '../applications/letters.ts';

/**
 * The fill-ins the demo agency's staff write into the letters its actions send (获取方式、联系方式 …): one text
 * per fill-in, given to each letter only for the fill-ins its kind has (the decision's own reasons stay).
 */
const TEXT: Partial<Record<FillKey, string>> = {
  published_at: '该信息已在某市某区人民政府门户网站“政府信息公开”专栏公开，您可登录查阅。',
  how_to_obtain:
    '请于收到本告知书之日起 10 个工作日内，携带身份证明到本局政务服务窗口领取，或按您选择的方式通过电子邮件获取。',
  special_route: '请依照《医疗机构管理条例》的规定，向登记机关申请查询。',
  other_channel: '您反映的问题可通过 12345 政务服务便民热线或向本局信访室提出。',
  guidance: '请写明所需政府信息的名称、文号，或者时间、事项等便于查询的特征性描述。',
  how_to_submit: '可当面提交、邮寄或通过政府信息公开网上申请平台提交补正后的申请。',
  information_concerned: '申请人申请公开的信息涉及贵单位的经营信息，依照条例第三十二条征求贵单位意见。',
  reply_method: '请以书面形式提出意见，逾期未提出的，由本机关依照条例规定决定是否公开。',
  payment_method: '请通过非税收入缴款码或到本局政务服务窗口缴纳。',
  contact: '某市某区卫生健康局办公室，地址：某市某区健康路1号，电话：0571-88880000。',
};

export function demoLetter(action: ActionType): LetterExtras {
  const kind = LETTER_OF_ACTION[action];
  if (!kind) return {};
  const fills: Record<string, string> = {};
  for (const key of LETTER_FILL_KEYS[kind]) if (TEXT[key]) fills[key] = TEXT[key];
  return { fills };
}
