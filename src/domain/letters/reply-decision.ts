import type { Application, DecisionRecord } from '../application/application.ts';
import { DELIVERY_METHOD_LABEL, INFORMATION_FORM_LABEL } from '../application/application.ts';
import type { Outcome, ReplyType } from '../application/decisions.ts';
import { sentence } from './common.ts';
import type { ReplyProvision } from './input.ts';
import type { Paragraph } from './segments.ts';
import { fill, locked, paragraph } from './segments.ts';

/**
 * The decision paragraphs of a reply letter, one wording per outcome, in the words of the 条例 (Art. 14–16,
 * 30, 35–39, 42) with the article(s) of OUTCOME_RULES cited (`cite`, already in full form). Staff-written
 * reasons are the `reasons` fill-in; the exemption and the responsible agency are locked as approved.
 */
export interface DecisionContext {
  application: Application;
  /** the approved decision for this outcome; null for the outcomes reached by default (（六）1–2, withdrawal) */
  decision: DecisionRecord | null;
  replyType: ReplyType | null;
  /** 你 / 你单位 */
  you: string;
  /** '《中华人民共和国政府信息公开条例》第十四条'; '' when the outcome has no article */
  cite: string;
  provision: ReplyProvision;
  /** dates in words, from the record */
  dates: {
    correctionRequested?: string;
    correctionReceived?: string;
    correctionDue?: string;
    feeServed?: string;
    feeDue?: string;
    reasonsRequested?: string;
    reasonsReceived?: string;
    closed?: string;
  };
}

type Wording = (c: DecisionContext) => Paragraph[];

const basis = (c: DecisionContext, text: string) =>
  locked('legal_basis', c.cite ? `根据${c.cite}的规定，${text}` : text);
const reasons = (c: DecisionContext, lead = '理由如下：') =>
  paragraph(locked('statute', lead), fill('reasons', sentence(c.decision?.reasons)));
const exemption = (c: DecisionContext) =>
  locked(
    'exemption',
    c.decision?.exemption
      ? `不予公开的情形及依据：${c.decision.exemption.replace(/[。；;\s]+$/u, '')}。`
      : '',
  );

/** The default of `how_to_obtain`: from the requested form and channel (Art. 29(3), 40). */
export function howToObtainDefault(a: Application, you: string): string {
  if (a.form === 'inspection') return `请${you}于收到本告知书后到本机关查阅、抄录该政府信息。`;
  if (a.form === 'other' || a.delivery === 'other') return `本机关按照${you}申请的形式和途径提供该政府信息。`;
  const form = INFORMATION_FORM_LABEL[a.form];
  if (a.delivery === 'pickup')
    return `本机关以${form}形式提供该政府信息，请${you}于收到本告知书后到本机关领取。`;
  return `本机关以${form}形式，通过${DELIVERY_METHOD_LABEL[a.delivery]}方式向${you}提供该政府信息。`;
}
const obtain = (c: DecisionContext) =>
  fill('how_to_obtain', c.provision.howToObtain ?? howToObtainDefault(c.application, c.you));

/** 不予公开 under Art. 14–16: the statutory description of the withheld information. */
const withheld =
  (ground: string): Wording =>
  (c) => [
    paragraph(
      locked('decision', `经审查，${c.you}申请获取的政府信息${ground}。`),
      locked(
        'facts',
        c.application.consultations.some((x) => x.kind === 'third_party')
          ? '本机关已依法书面征求第三方的意见。'
          : '',
      ),
      basis(c, '本机关决定不予公开。'),
    ),
    paragraph(exemption(c)),
    reasons(c),
  ];

const unableNotHeld: Wording = (c) => {
  if (c.replyType === 'not_responsible') {
    const agency = c.decision?.responsibleAgency?.replace(/[。；;\s]+$/u, '');
    return [
      paragraph(
        locked('decision', `经审查，${c.you}所申请公开的信息不属于本机关负责公开。`),
        basis(c, `现告知${c.you}并说明理由：`),
        fill('reasons', sentence(c.decision?.reasons)),
      ),
      paragraph(
        locked(
          'responsible_agency',
          agency
            ? `负责公开该政府信息的行政机关及其联系方式为：${agency}。${c.you}可以向该机关提出申请。`
            : '本机关未能确定负责公开该政府信息的行政机关。',
        ),
      ),
    ];
  }
  return [
    paragraph(
      locked('decision', `经检索，本机关没有${c.you}所申请公开的信息。`),
      basis(c, `现告知${c.you}该政府信息不存在。`),
    ),
    reasons(c, '检索情况及说明：'),
  ];
};

export const DECISION_WORDING: Record<Outcome, Wording> = {
  granted: (c) =>
    c.replyType === 'already_public'
      ? [
          paragraph(
            locked('decision', `经审查，${c.you}申请获取的政府信息已经主动公开。`),
            basis(c, `现告知${c.you}获取该政府信息的方式、途径：`),
            fill('published_at', c.provision.publishedAt ?? ''),
          ),
        ]
      : [
          paragraph(
            locked('decision', `经审查，${c.you}申请获取的政府信息属于可以公开的政府信息。`),
            basis(c, '本机关予以公开。'),
            obtain(c),
          ),
        ],
  partially_granted: (c) => [
    paragraph(
      locked(
        'decision',
        `经审查，${c.you}申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理。`,
      ),
      basis(c, `本机关向${c.you}提供可以公开的政府信息内容，并对不予公开的内容说明理由。`),
      obtain(c),
    ),
    paragraph(exemption(c)),
    reasons(c, '对不予公开的内容，理由如下：'),
  ],
  denied_state_secret: withheld('属于依法确定为国家秘密的政府信息'),
  denied_prohibited_by_law: withheld('属于法律、行政法规禁止公开的政府信息'),
  denied_three_safeties: withheld('属于公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息'),
  denied_third_party: withheld('属于涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息'),
  denied_internal_affairs: withheld(
    '属于行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息',
  ),
  denied_process_info: withheld(
    '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
  ),
  denied_enforcement_file: withheld('属于行政执法案卷信息'),
  denied_inquiry_matter: (c) => [
    paragraph(
      locked(
        'decision',
        `经审查，${c.you}所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。`,
      ),
      basis(c, `请${c.you}依照有关法律、行政法规的规定办理：`),
      fill('special_route', c.provision.specialRoute ?? ''),
    ),
    paragraph(exemption(c)),
    reasons(c),
  ],
  unable_not_held: unableNotHeld,
  unable_needs_creation: (c) => [
    paragraph(
      locked('decision', `经审查，${c.you}所申请的信息需要本机关对现有政府信息进行加工、分析方能形成。`),
      basis(
        c,
        '行政机关向申请人提供的信息，应当是已制作或者获取的政府信息；需要行政机关对现有政府信息进行加工、分析的，行政机关可以不予提供。本机关不予提供。',
      ),
    ),
    reasons(c),
  ],
  unable_still_unclear: (c) => [
    paragraph(
      locked(
        'facts',
        c.dates.correctionRequested
          ? `本机关已于${c.dates.correctionRequested}一次性告知${c.you}作出补正` +
              (c.dates.correctionReceived
                ? `，${c.you}于${c.dates.correctionReceived}提交了补正后的申请。`
                : '。')
          : '',
      ),
      locked('decision', `经审查，补正后申请内容仍不明确，本机关无法确定${c.you}所申请公开的政府信息。`),
      basis(c, `本机关无法向${c.you}提供所申请的政府信息。`),
    ),
    reasons(c),
  ],
  not_handled_petition: (c) => [
    paragraph(
      locked('decision', `经审查，${c.you}以政府信息公开申请的形式进行信访、投诉、举报等活动。`),
      basis(c, `本机关不作为政府信息公开申请处理，${c.you}可以通过相应渠道提出。`),
      fill('other_channel', c.provision.otherChannel ?? ''),
    ),
    reasons(c),
  ],
  not_handled_repeat: (c) => [
    paragraph(
      locked(
        'decision',
        `经查，本机关已就${c.you}提出的政府信息公开申请作出答复，${c.you}重复申请公开相同政府信息。`,
      ),
      fill('previous_reply', c.provision.previousReply ?? ''),
      basis(c, '本机关不予重复处理。'),
    ),
    reasons(c),
  ],
  not_handled_publication: (c) => [
    paragraph(
      locked('decision', `经审查，${c.you}的申请内容为要求行政机关提供政府公报、报刊、书籍等公开出版物。`),
      basis(c, `现告知${c.you}获取的途径：`),
      fill('how_to_obtain', c.provision.howToObtain ?? ''),
    ),
    reasons(c),
  ],
  not_handled_massive: (c) => [
    paragraph(
      locked(
        'facts',
        `${c.you}申请公开政府信息的数量、频次明显超过合理范围，本机关已于${c.dates.reasonsRequested}要求${c.you}说明理由，` +
          (c.dates.reasonsReceived
            ? `${c.you}于${c.dates.reasonsReceived}说明了理由。`
            : `${c.you}在期限内未说明理由。`),
      ),
      locked('decision', '经审查，本机关认为申请理由不合理。'),
      basis(c, `告知${c.you}不予处理。`),
    ),
    reasons(c),
  ],
  not_handled_confirm: (c) => [
    paragraph(
      locked(
        'decision',
        `经审查，${c.you}的申请系要求行政机关确认或者重新出具已获取的信息，不属于获取行政机关已制作或者获取的政府信息。`,
      ),
      basis(c, '本机关不予处理。'),
    ),
    reasons(c),
  ],
  other_no_correction: (c) => [
    paragraph(
      locked(
        'facts',
        `本机关已于${c.dates.correctionRequested}一次性告知${c.you}作出补正，补正期限截至${c.dates.correctionDue}。` +
          `${c.you}无正当理由逾期不补正。`,
      ),
      basis(c, '视为放弃申请，本机关不再处理该政府信息公开申请。'),
    ),
  ],
  other_no_fee: (c) => [
    paragraph(
      locked(
        'facts',
        `本机关已于${c.dates.feeServed}向${c.you}送达收费通知书，缴费期限截至${c.dates.feeDue}。${c.you}逾期未缴纳信息处理费。`,
      ),
      basis(c, '视为放弃申请，本机关不再处理该政府信息公开申请。'),
    ),
  ],
  other_other: (c) =>
    c.decision
      ? [
          paragraph(
            locked('decision', `经审查，本机关对${c.you}的申请处理如下：`),
            fill('reasons', sentence(c.decision.reasons)),
          ),
        ]
      : [
          paragraph(
            locked('facts', `${c.you}已于${c.dates.closed}撤回该政府信息公开申请，本机关不再处理该申请。`),
          ),
        ],
};
