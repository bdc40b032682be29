import { Clock, parisDate } from '@passerelle/service-kit';
import { Today } from '../domain/detention';

/** The instant and the Europe/Paris calendar day, read once per use case so both agree. */
export function todayFrom(clock: Clock): Today {
  const now = clock.now();
  return { now, date: parisDate(now) };
}
