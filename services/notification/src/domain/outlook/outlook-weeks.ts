import { addDays, CalendarDate } from '@passerelle/domain-kernel';

/** How far the préfecture looks ahead: the week holding today and the eleven after it. */
export const OUTLOOK_WEEK_COUNT = 12;

/** A calendar week, Monday to Sunday, both days included. */
export interface OutlookWeek {
  weekStart: CalendarDate;
  weekEnd: CalendarDate;
}

/**
 * The Monday of the week holding `day`. Weeks run Monday to Sunday as French calendars print them
 * (ISO 8601). `day` is already a Europe/Paris date, so no zone or daylight saving shifts it.
 */
export function mondayOf(day: CalendarDate): CalendarDate {
  const sundayFirst = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((sundayFirst + 6) % 7));
}

/** The outlook's weeks, from the one holding `today` (a Europe/Paris date). */
export function outlookWeeks(today: CalendarDate, count = OUTLOOK_WEEK_COUNT): OutlookWeek[] {
  const first = mondayOf(today);
  return Array.from({ length: count }, (_, index) => {
    const weekStart = addDays(first, 7 * index);
    return { weekStart, weekEnd: addDays(weekStart, 6) };
  });
}
