import type { ErrorCode } from '../errors.ts';
import { AppError } from '../errors.ts';

/**
 * Why an action was refused. A `TransitionError` is an `AppError` (so a service may simply throw it and the
 * HTTP layer maps it) with a finer `kind`:
 * - `illegal_action`: not allowed in the current state (→ invalid_state);
 * - `role`: the actor lacks every role the transition names (→ forbidden);
 * - `precondition`: a named precondition does not hold (→ invalid_state);
 * - `input`: the action's data is incomplete or wrong (→ validation; `details` lists every problem).
 */
export const TRANSITION_ERROR_KINDS = ['illegal_action', 'role', 'precondition', 'input'] as const;
export type TransitionErrorKind = (typeof TRANSITION_ERROR_KINDS)[number];

const CODE: Record<TransitionErrorKind, ErrorCode> = {
  illegal_action: 'invalid_state',
  role: 'forbidden',
  precondition: 'invalid_state',
  input: 'validation',
};

export class TransitionError extends AppError {
  constructor(
    readonly kind: TransitionErrorKind,
    message: string,
    field?: string,
    details?: unknown,
  ) {
    super(CODE[kind], message, field, details);
    this.name = 'TransitionError';
  }
}
