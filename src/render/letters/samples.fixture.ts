import { perApplicationFee } from '../../domain/application/fees.ts';
import { registered } from '../../domain/application/lifecycle.fixture.ts';
import type { LetterDocument, LetterKind } from '../../domain/letters/index.ts';
import { letterContent } from '../../domain/letters/index.ts';
import {
  closedWith,
  letterInput,
  organisationApplication,
  run,
} from '../../domain/letters/letters.fixture.ts';

/** One fixed letter of each kind, for golden files and render tests (not imported by production code). */
export function sampleLetters(): Record<LetterKind, LetterDocument> {
  const accepted = run(registered('2026-09-24'), [['2026-09-25', { type: 'accept' }]]);
  const withAttachments = letterInput(closedWith('partially_granted', 'separated'), {
    provision: {
      howToObtain: '本机关以电子数据形式，通过电子邮件方式向你提供可以公开的政府信息内容（见附件）。',
      attachments: ['2025年某项目环境影响评价批复（已作区分处理）', '附图'],
    },
    applicant: { name: '张三', type: 'natural', address: '某市某区幸福路2号', contactPerson: null },
  });
  return {
    reply: letterContent('reply', withAttachments),
    correction: letterContent(
      'correction',
      letterInput(
        run(organisationApplication(), [
          [
            '2026-09-28',
            {
              type: 'request_correction',
              points: ['请写明所需信息的名称或者文号', '请写明所需信息的时间范围'],
              periodDays: 15,
            },
          ],
        ]),
        {
          applicant: {
            name: '某科技有限公司',
            type: 'commercial',
            contactPerson: '李四',
            address: '某市某路8号',
          },
        },
      ),
    ),
    extension: letterContent(
      'extension',
      letterInput(
        run(accepted, [['2026-10-20', { type: 'extend', days: 15, reason: '所需信息需调取归档案卷' }]]),
      ),
    ),
    consultation: letterContent(
      'consultation',
      letterInput(
        run(accepted, [
          ['2026-09-28', { type: 'start_consultation', kind: 'third_party', party: '某医疗管理有限公司' }],
        ]),
      ),
    ),
    fee: letterContent(
      'fee',
      letterInput(
        run(accepted, [['2026-09-28', { type: 'issue_fee_notice', assessment: perApplicationFee(35) }]]),
      ),
    ),
    reasons: letterContent(
      'reasons',
      letterInput(
        run(registered('2026-09-24'), [
          [
            '2026-09-25',
            { type: 'request_reasons', points: '请说明本月内提出40件申请的理由和用途', periodDays: 10 },
          ],
        ]),
      ),
    ),
    reasonable_deadline: letterContent(
      'reasonable_deadline',
      letterInput(
        run(registered('2026-09-24'), [
          [
            '2026-09-25',
            { type: 'request_reasons', points: '请说明本月内提出40件申请的理由和用途', periodDays: 10 },
          ],
          [
            '2026-10-09',
            { type: 'receive_reasons', receivedOn: '2026-10-09', reasons: '撰写学位论文，需要逐年数据' },
          ],
          [
            '2026-10-12',
            {
              type: 'set_reasonable_deadline',
              dueOn: '2026-12-15',
              reason: '所申请信息涉及十年档案，需逐卷调取',
            },
          ],
        ]),
      ),
    ),
  };
}
