import type { LocalDate } from '../../domain/calendar/index.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The demo is a script of dated steps, each done through the real services on its day: the clock is set to
 * that day (09:00 in China, a few seconds apart) so every deadline, letter and event is dated as if the work had
 * happened then. Steps after today are left undone — so recent applications are still open, some overdue.
 */
export interface Step {
  on: LocalDate;
  /** creation order: breaks ties within a day, so an application's steps keep their order */
  seq: number;
  run: (ctx: ServiceContext) => Promise<void>;
}

export class Script {
  private readonly steps: Step[] = [];
  private seq = 0;

  add(on: LocalDate, run: Step['run']): void {
    this.steps.push({ on, seq: this.seq++, run });
  }

  get size(): number {
    return this.steps.length;
  }

  /** Runs the steps up to `today` in date order on a context whose clock it moves; returns how many ran. */
  async play(ctx: ServiceContext, today: LocalDate, realNow: () => Date): Promise<number> {
    let current = realNow();
    const clocked: ServiceContext = { ...ctx, now: () => new Date(current) };
    const due = this.steps
      .filter((s) => s.on <= today)
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.seq - b.seq));
    let day = '';
    let tick = 0;
    for (const step of due) {
      tick = step.on === day ? tick + 1 : 0;
      day = step.on;
      const planned = new Date(`${step.on}T01:00:00.000Z`).getTime() + tick * 2000;
      current = new Date(Math.min(planned, realNow().getTime()));
      await step.run(clocked);
    }
    return due.length;
  }
}
