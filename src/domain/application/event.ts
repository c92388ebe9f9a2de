import type { Role } from '../access/roles.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import type { ActionType } from './actions.ts';
import type { Deadlines } from './deadlines.ts';
import type { DueDateChange } from './due-date-changes.ts';
import type { ApplicationState } from './states.ts';

/** Who acts: the actor string stored on events ('user:12', see access/principal.ts) and their roles. */
export interface Actor {
  id: string;
  roles: readonly Role[];
}

export interface ApplicationSnapshot {
  state: ApplicationState;
  deadlines: Deadlines;
}

/**
 * What happened to an application, for the append-only event log: who, when, what, before and after, every
 * due-date change with its reason and article, and the action's data. Persistence adds the instant and the
 * record ids, and writes it in the same transaction as the change.
 */
export interface ApplicationEvent {
  action: ActionType | 'register' | 'refresh_deadlines';
  actor: string;
  actorRoles: readonly Role[];
  on: LocalDate;
  /** null for registration */
  before: ApplicationSnapshot | null;
  after: ApplicationSnapshot;
  dueDateChanges: DueDateChange[];
  /** the action's data (without `type`) */
  details: Record<string, unknown>;
  /** lawful but noteworthy: e.g. a 补正 notice later than 7 WD, a reply after its due date */
  warnings: string[];
}
