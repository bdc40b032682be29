/** Calendar dates (YYYY-MM-DD, Europe/Paris) as the services send them, shown the French way. */
const LONG = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** A calendar date is a day, not an instant: read at UTC midnight so no time zone moves it. */
function dayOf(date: string): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`);
}

export const formatDate = (date?: string | null) => (date ? LONG.format(dayOf(date)) : '—');
export const formatShortDate = (date?: string | null) => (date ? SHORT.format(dayOf(date)) : '—');
export const formatMoment = (instant?: string | null) => (instant ? MOMENT.format(new Date(instant)) : '—');

/** Whole days from `from` to `to`, both calendar dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayOf(to).getTime() - dayOf(from).getTime()) / 86_400_000);
}

/** Today in Europe/Paris, as a calendar date. */
export function parisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}
