/** Where "now" comes from: every decision that depends on today takes it from here, so tests move it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/**
 * The system clock moved by an offset, for tests and demos that let days pass. Only provided
 * when PASSERELLE_CLOCK_CONTROL=1, and never in production.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(instant: Date | string): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
  }
}

export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  if (env.PASSERELLE_CLOCK_CONTROL !== '1') return systemClock;
  if (env.NODE_ENV === 'production') throw new Error('PASSERELLE_CLOCK_CONTROL is refused in production');
  const clock = new AdjustableClock();
  // A restarted process of a system whose days have been let pass starts where the others are.
  if (env.PASSERELLE_CLOCK_NOW) clock.set(env.PASSERELLE_CLOCK_NOW);
  return clock;
}

/**
 * Made once: building an Intl.DateTimeFormat loads time-zone data and costs far more than
 * formatting (it was ~4 % of release-calendar's CPU per request when made at every call).
 */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in Europe/Paris (YYYY-MM-DD), whatever the machine's time zone. */
export function parisDate(instant: Date): string {
  return PARIS_DAY.format(instant);
}
