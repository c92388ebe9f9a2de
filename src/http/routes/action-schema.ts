import type { ActionType } from '../../domain/application/index.ts';
import { TRANSITIONS } from '../../domain/application/index.ts';

/**
 * The JSON schema of an action (POST /api/applications/:id/actions): for each action type the fields it has, at
 * every level (items, service record, fee assessment, decision), and nothing else. The values are checked by
 * the domain (with Chinese messages naming the field); what the schema adds is that a field the action does not
 * have is refused ("不允许的字段 …", 400) instead of being stored in the application and the audit log
 * (issue 16 point 10).
 */
const closed = (properties: Record<string, object>, required: string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const any = {};
const item = closed({ description: any, documentNumber: any }, ['description']);
const service = closed({ method: any, servedOn: any, proof: any, trackingNumber: any }, [
  'method',
  'servedOn',
]);
const band = closed({ from: any, to: any, rate: any, units: any, amount: any });
const assessment = closed({ method: any, quantity: any, bands: { type: 'array', items: band }, amount: any });
const decision = closed(
  { outcome: any, replyType: any, exemption: any, reasons: any, responsibleAgency: any },
  ['outcome'],
);

/** The fields of each action type besides `type` (as the domain's Action union has them). */
export const ACTION_FIELDS: Record<ActionType, Record<string, object>> = {
  accept: {},
  request_correction: { points: { type: 'array', items: any }, periodDays: any, lateReason: any },
  receive_correction: { receivedOn: any, items: { type: ['array', 'null'], items: item } },
  deem_abandoned_no_correction: {},
  start_consultation: { kind: any, party: any },
  end_consultation: { answered: any, answeredOn: any },
  record_service: { letter: any, service },
  request_reasons: { points: any, periodDays: any },
  receive_reasons: { receivedOn: any, reasons: any },
  set_reasonable_deadline: { dueOn: any, reason: any },
  extend: { days: any, reason: any },
  issue_fee_notice: { assessment },
  record_payment: {},
  deem_abandoned_no_fee: {},
  submit_decision: { decision },
  return_decision: { reason: any },
  approve_decision: {},
  send_reply: {},
  withdraw: { reason: any },
  archive: {},
};

const types = [...new Set(TRANSITIONS.map((t) => t.action))];

export const actionSchema = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string', enum: types } },
  allOf: types.map((type) => ({
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: closed({ type: any, ...ACTION_FIELDS[type] }),
  })),
};
