import type { ReviewAction } from './review.ts';
import type { ItemState } from './states.ts';
import { isPublic } from './states.ts';

/**
 * 政策解读 with its policy (三同步: 同步起草、同步审签、同步发布). A 规范性文件 (an item in a category marked
 * `normative`) without a 解读 is flagged when it is drafted, reviewed and published; with the agency setting
 * `catalog.interpretationRequired` the flag blocks submitting (no 解读 drafted) and publishing (no 解读 signed off).
 * Publishing the document publishes its signed-off 解读 in the same transaction, with the same 发布日期; a 解读 is
 * not published ahead of its document.
 */
export const INTERPRETATION_STATES = ['not_needed', 'missing', 'drafting', 'ready', 'published'] as const;
export type InterpretationState = (typeof INTERPRETATION_STATES)[number];
export const INTERPRETATION_STATE_LABEL: Record<InterpretationState, string> = {
  not_needed: '无需解读',
  missing: '缺少政策解读',
  drafting: '解读审核中',
  ready: '解读已签发，将与文件同步发布',
  published: '解读已发布',
};

export function interpretationState(
  normative: boolean,
  interpretations: readonly { state: ItemState }[],
): InterpretationState {
  const live = interpretations.filter((i) => i.state !== 'withdrawn');
  if (live.some((i) => isPublic(i.state))) return 'published';
  if (live.some((i) => i.state === 'signed')) return 'ready';
  if (live.length > 0) return 'drafting';
  return normative ? 'missing' : 'not_needed';
}

/** Why a step on a 规范性文件 is refused under the blocking setting, or null. */
export function interpretationRefusal(
  action: ReviewAction,
  state: InterpretationState,
  required: boolean,
): string | null {
  if (!required) return null;
  if (action === 'submit' && state === 'missing')
    return '本机关要求规范性文件与政策解读同步起草：请先起草本文件的政策解读，再提交审核';
  if (action === 'publish' && (state === 'missing' || state === 'drafting'))
    return '本机关要求规范性文件与政策解读同步发布：政策解读尚未领导签发，不能发布本文件';
  return null;
}

/** Why a 解读 may not be published on its own: its document is not public yet (they are published together). */
export function interpretationPublishRefusal(documentState: ItemState): string | null {
  if (isPublic(documentState)) return null;
  return '政策解读与所解读的文件同步发布：文件发布时，已签发的解读将同时发布';
}
