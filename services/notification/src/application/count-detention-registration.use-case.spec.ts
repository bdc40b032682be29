import { randomUUID } from 'node:crypto';
import { DetentionRegisteredV1 } from '@passerelle/contracts';
import { Transaction } from '@passerelle/service-kit';
import { DailyIndicator, IndicatorCell, IndicatorPeriod } from '../domain/daily-indicator';
import { CountDetentionRegistration } from './count-detention-registration.use-case';
import { DailyIndicatorRepository } from './ports/daily-indicator.repository';

class InMemoryDailyIndicators implements DailyIndicatorRepository {
  readonly counts = new Map<string, number>();
  async incrementDetentionsRegistered(_tx: Transaction, cell: IndicatorCell): Promise<void> {
    const key = `${cell.departement}/${cell.day}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  async findForPeriod(_tx: Transaction, departement: string, period: IndicatorPeriod): Promise<DailyIndicator[]> {
    return [...this.counts.entries()]
      .map(([key, detentionsRegistered]) => ({ departement: key.split('/')[0], day: key.split('/')[1], detentionsRegistered }))
      .filter((row) => row.departement === departement && row.day >= period.from && row.day <= period.to);
  }
}

const tx = {} as Transaction;

function registeredAt(instant: string, destinationDepartement = '94'): DetentionRegisteredV1 {
  return Object.assign(new DetentionRegisteredV1(), {
    detentionId: randomUUID(), personId: randomUUID(), establishmentCode: 'MA-FRESNES',
    spipDepartement: '75', destinationDepartement, expectedReleaseDate: '2027-03-31',
    expectedReleaseKind: 'end_of_sentence', registeredAt: instant,
  });
}

describe('CountDetentionRegistration', () => {
  it('counts for the destination département, not the SPIP’s', async () => {
    const indicators = new InMemoryDailyIndicators();
    await new CountDetentionRegistration(indicators).execute(tx, registeredAt('2026-11-23T09:00:00Z', '93'));
    expect([...indicators.counts]).toEqual([['93/2026-11-23', 1]]);
  });

  it.each([
    ['winter, 23:30 UTC is the next day in Paris (UTC+1)', '2026-01-14T23:30:00Z', '2026-01-15'],
    ['winter, 22:59 UTC is still the same day', '2026-01-14T22:59:59Z', '2026-01-14'],
    ['summer, 22:00 UTC is already the next day (UTC+2)', '2026-07-14T22:00:00Z', '2026-07-15'],
    ['summer, 21:59 UTC is still the same day', '2026-07-14T21:59:59Z', '2026-07-14'],
    ['new year’s eve at 23:00 UTC is in the new year', '2026-12-31T23:00:00Z', '2027-01-01'],
    ['an offset in the instant is honoured', '2026-01-15T00:30:00+01:00', '2026-01-15'],
  ])('uses the Europe/Paris calendar day: %s', async (_label, instant, day) => {
    const indicators = new InMemoryDailyIndicators();
    await new CountDetentionRegistration(indicators).execute(tx, registeredAt(instant));
    expect([...indicators.counts.keys()]).toEqual([`94/${day}`]);
  });

  it('adds up registrations of the same département and day', async () => {
    const indicators = new InMemoryDailyIndicators();
    const useCase = new CountDetentionRegistration(indicators);
    await useCase.execute(tx, registeredAt('2026-11-23T08:00:00Z'));
    await useCase.execute(tx, registeredAt('2026-11-23T20:00:00Z'));
    expect(await indicators.findForPeriod(tx, '94', IndicatorPeriod.of('2026-11-23', '2026-11-23'))).toEqual([
      { departement: '94', day: '2026-11-23', detentionsRegistered: 2 },
    ]);
  });
});
