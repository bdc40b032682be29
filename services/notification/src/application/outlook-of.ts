import { Transaction } from '@passerelle/service-kit';
import { outlookOf } from '../domain/outlook/release-outlook';
import { outlookWeeks } from '../domain/outlook/outlook-weeks';
import { Outlook, OutlookRepository } from './ports/outlook.repository';

/** A département's outlook for the weeks from the one holding `today` (a Europe/Paris date), from its facts. */
export async function outlookFor(tx: Transaction, repository: OutlookRepository, departement: string, today: string): Promise<Outlook> {
  const weeks = outlookWeeks(today);
  const facts = await repository.facts(tx, departement, { today, from: weeks[0].weekStart, to: weeks[weeks.length - 1].weekEnd });
  return { departement, asOf: today, weeks: outlookOf(today, facts.releases, facts.structures) };
}
