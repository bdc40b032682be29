import { daysBetween } from '@passerelle/domain-kernel';
import { HousingRequestState } from './housing-request';

/**
 * The commission's order (DOMAIN.md): the nearest release first, then the request waiting
 * longest; the id settles ties so pages never overlap.
 */
export function byUrgency(a: HousingRequestState, b: HousingRequestState): number {
  return compare(a.expectedReleaseDate, b.expectedReleaseDate) || compare(a.receivedOn, b.receivedOn) || compare(a.id, b.id);
}

export function daysToRelease(request: Pick<HousingRequestState, 'expectedReleaseDate'>, today: string): number {
  return daysBetween(today, request.expectedReleaseDate);
}

export function waitingDays(request: Pick<HousingRequestState, 'receivedOn'>, today: string): number {
  return daysBetween(request.receivedOn, today);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
