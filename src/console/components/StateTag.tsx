import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import type { ApplicationState } from '../../domain/application/states.ts';
import { STATE_LABEL } from '../../domain/application/states.ts';

const tone = (color: string, background: string, border: string): CSSProperties => ({
  color,
  background,
  borderColor: border,
});
const WORKING = tone('#003eb3', '#e6f4ff', '#91caff');
const WAITING = tone('#873800', '#fff7e6', '#ffd591');
const REVIEW = tone('#22075e', '#f9f0ff', '#d3adf7');
const CLOSED = tone('#434343', '#f5f5f5', '#d9d9d9');

/** The application's state in words; text colours keep a 4.5:1 contrast on their tints. */
const TONE: Record<ApplicationState, CSSProperties> = {
  registered: WORKING,
  correction_requested: WAITING,
  in_progress: WORKING,
  consulting: WAITING,
  fee_pending: WAITING,
  under_review: REVIEW,
  reviewed: REVIEW,
  approved: REVIEW,
  replied: CLOSED,
  abandoned: CLOSED,
  withdrawn: CLOSED,
  archived: CLOSED,
};

export function StateTag({ state }: { state: ApplicationState }) {
  return <Tag style={TONE[state]}>{STATE_LABEL[state]}</Tag>;
}
