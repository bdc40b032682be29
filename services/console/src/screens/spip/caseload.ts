import { daysBetween } from '../../ui/dates';
import type { AlertLevel, Detention, Referral, ReferralStatus } from './referral-types';

/** One upcoming release of the caseload: release-calendar's detention and referral's request, if one is open. */
export interface CaseloadRow {
  detentionId: string;
  referralId?: string;
  lastName: string;
  firstNames: string;
  establishmentName: string;
  spipDepartement: string;
  expectedReleaseDate: string;
  daysToRelease: number;
  status?: ReferralStatus;
  alertLevel?: AlertLevel;
  /** The request came back from the SIAO with elements missing. */
  returned: boolean;
}

/**
 * The services' today, read off a request (its days to release are counted on the services' clock,
 * which tests and the demo move); the browser's own day when there is no request to read it from.
 */
export function servicesToday(referrals: Pick<Referral, 'expectedReleaseDate' | 'daysToRelease'>[], browserToday: string): string {
  const sample = referrals[0];
  if (!sample) return browserToday;
  const day = new Date(`${sample.expectedReleaseDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - sample.daysToRelease);
  return day.toISOString().slice(0, 10);
}

/** Joins each detention to its request (one per detention); the detention's date is release-calendar's, the latest. */
export function caseloadRows(detentions: Detention[], referrals: Referral[], today: string): CaseloadRow[] {
  const byDetention = new Map(referrals.map((referral) => [referral.detentionId, referral]));
  return detentions.map((detention) => {
    const referral = byDetention.get(detention.id);
    return {
      detentionId: detention.id,
      referralId: referral?.id,
      lastName: detention.identity.lastName,
      firstNames: detention.identity.firstNames,
      establishmentName: detention.establishmentName,
      spipDepartement: detention.spipDepartement,
      expectedReleaseDate: detention.expectedReleaseDate,
      daysToRelease: daysBetween(today, detention.expectedReleaseDate),
      status: referral?.status,
      alertLevel: referral?.alertLevel,
      returned: (referral?.returnedMissing.length ?? 0) > 0,
    };
  });
}

const LEVEL_RANK: Record<AlertLevel, number> = { critical: 0, warning: 1, watch: 2 };
/** Statuses where the next step is the SPIP's: the request waits on the officer, not on the SIAO. */
const SPIP_TO_ACT: (ReferralStatus | undefined)[] = ['to_complete', 'refused'];

/**
 * Urgency, most urgent first:
 * 1. an open critical alert (sortie sèche within days, LSC lost for want of housing) comes before everything:
 *    someone must act today whatever the date;
 * 2. then the fewest days to release: the nearer the release, the less time to find a place;
 * 3. on the same day, the higher open alert level (warning, then watch, then none);
 * 4. then a request waiting on the SPIP (to complete, returned by the SIAO, refused) before one waiting on the SIAO,
 *    and a request not opened yet last: it is not the officer's to act on before the window opens;
 * 5. then by name, so that the order is stable from one load to the next.
 */
export function compareUrgency(a: CaseloadRow, b: CaseloadRow): number {
  return (
    criticalFirst(a) - criticalFirst(b) ||
    a.daysToRelease - b.daysToRelease ||
    levelRank(a) - levelRank(b) ||
    actionRank(a) - actionRank(b) ||
    a.lastName.localeCompare(b.lastName, 'fr') ||
    a.firstNames.localeCompare(b.firstNames, 'fr') ||
    a.detentionId.localeCompare(b.detentionId)
  );
}

export function byUrgency(rows: CaseloadRow[]): CaseloadRow[] {
  return [...rows].sort(compareUrgency);
}

const criticalFirst = (row: CaseloadRow) => (row.alertLevel === 'critical' ? 0 : 1);
const levelRank = (row: CaseloadRow) => (row.alertLevel ? LEVEL_RANK[row.alertLevel] : 3);
const actionRank = (row: CaseloadRow) => (row.referralId === undefined ? 2 : SPIP_TO_ACT.includes(row.status) ? 0 : 1);

/** The caseload's filters; `none` is a detention whose request has not opened yet. */
export interface CaseloadFilter {
  status?: ReferralStatus | 'none';
  alertLevel?: AlertLevel | 'any' | 'none';
}

export function filterRows(rows: CaseloadRow[], { status, alertLevel }: CaseloadFilter): CaseloadRow[] {
  return rows.filter((row) => {
    if (status === 'none' && row.referralId !== undefined) return false;
    if (status && status !== 'none' && row.status !== status) return false;
    if (alertLevel === 'any' && !row.alertLevel) return false;
    if (alertLevel === 'none' && row.alertLevel) return false;
    if (alertLevel && alertLevel !== 'any' && alertLevel !== 'none' && row.alertLevel !== alertLevel) return false;
    return true;
  });
}

/** One page of an array, pages counted from 1. */
export function pageOf<T>(items: T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}

/** The last day of the horizon, `months` months after today (the day of month clamped to the month's end). */
export function horizonEnd(today: string, months: number): string {
  const [year, month, day] = today.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
