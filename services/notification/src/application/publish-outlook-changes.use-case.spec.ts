import { OutboxEntry, OutboxWriter } from '@passerelle/messaging';
import { AdjustableClock, Transaction, UnitOfWork } from '@passerelle/service-kit';
import { OutlookEffect } from '../domain/outlook/outlook-effects';
import { ExpectedRelease, OutlookWeekFigures, ReservedPlaces } from '../domain/outlook/release-outlook';
import { Outlook, OutlookFacts, OutlookRepository, OutlookSpan } from './ports/outlook.repository';
import { PublishOutlookChanges } from './publish-outlook-changes.use-case';

/** The outlook's facts in memory: one département's releases and structures, as the SQL repository gives them. */
class InMemoryOutlook implements OutlookRepository {
  releases: ExpectedRelease[] = [];
  structures: ReservedPlaces[] = [];
  noted: string[] = [];
  computed = new Map<string, { asOf: string; weeks: OutlookWeekFigures[] }>();

  async apply(tx: Transaction, effect: OutlookEffect): Promise<void> {
    await this.noteChanges(tx, [effect.kind === 'placement' ? effect.siaoDepartement : effect.departement]);
  }
  async noteChanges(_tx: Transaction, departements: string[]): Promise<void> {
    this.noted.push(...departements);
  }
  async takeChanges(): Promise<string[]> {
    const taken = [...new Set(this.noted)];
    this.noted = [];
    return taken;
  }
  async computedForAnotherDay(_tx: Transaction, today: string): Promise<string[]> {
    return [...this.computed].filter(([, { asOf }]) => asOf !== today).map(([departement]) => departement);
  }
  async facts(_tx: Transaction, _departement: string, { from, to }: OutlookSpan): Promise<OutlookFacts> {
    return { releases: this.releases.filter((r) => from <= r.expectedOn && r.expectedOn <= to), structures: this.structures };
  }
  async lockLastComputed(_tx: Transaction, departement: string): Promise<OutlookWeekFigures[] | undefined> {
    return this.computed.get(departement)?.weeks;
  }
  async saveComputed(_tx: Transaction, departement: string, asOf: string, weeks: OutlookWeekFigures[]): Promise<void> {
    this.computed.set(departement, { asOf, weeks });
  }
}

describe('PublishOutlookChanges', () => {
  const tx = {} as Transaction;
  const unitOfWork: UnitOfWork = { run: (work) => work(tx) };
  let facts: InMemoryOutlook;
  let published: Outlook[];
  let signalled: Outlook[];
  let clock: AdjustableClock;
  let publish: PublishOutlookChanges;

  beforeEach(() => {
    facts = new InMemoryOutlook();
    published = [];
    signalled = [];
    clock = new AdjustableClock();
    const outbox = { addMany: async (_tx: Transaction, entries: OutboxEntry[]) => published.push(...entries.map((e) => e.payload as Outlook)) };
    publish = new PublishOutlookChanges(unitOfWork, facts, { outlookChanged: async (_tx, outlook) => void signalled.push(outlook) }, clock, outbox as unknown as OutboxWriter);
  });

  it('publishes a noted département\'s outlook once, and not again while its figures stay the same', async () => {
    clock.set('2026-03-25T10:00:00Z');
    facts.releases = [{ expectedOn: '2026-03-27', placements: [] }];
    await facts.noteChanges(tx, ['13', '13']);
    expect(await publish.runOnce()).toBe(1);
    expect(published).toEqual([expect.objectContaining({ departement: '13', asOf: '2026-03-25' })]);
    expect(published[0].weeks[0]).toEqual({ weekStart: '2026-03-23', weekEnd: '2026-03-29', releasesExpected: 1, releasesWithoutPlacement: 1, reservedPlacesFree: 0, gap: 1 });
    expect(signalled).toEqual(published);

    await facts.noteChanges(tx, ['13']);
    await publish.runOnce();
    expect(published).toHaveLength(1);
    facts.releases[0].placements = ['confirmed'];
    await facts.noteChanges(tx, ['13']);
    await publish.runOnce();
    expect(published.map((outlook) => outlook.weeks[0].releasesWithoutPlacement)).toEqual([1, 0]);
  });

  it('looks again when the Paris day changes, and publishes when the weeks moved on', async () => {
    clock.set('2026-03-25T10:00:00Z');
    await facts.noteChanges(tx, ['13']);
    await publish.runOnce();
    // Thursday: the same weeks, the same figures.
    clock.set('2026-03-26T10:00:00Z');
    expect(await publish.runOnce()).toBe(1);
    expect(await publish.runOnce()).toBe(0);
    expect(published).toHaveLength(1);
    // Sunday 29 March 22:30 UTC is already Monday 30 March in Paris (summer time began that night).
    clock.set('2026-03-29T22:30:00Z');
    await publish.runOnce();
    expect(published.map((outlook) => [outlook.asOf, outlook.weeks[0].weekStart])).toEqual([['2026-03-25', '2026-03-23'], ['2026-03-30', '2026-03-30']]);
  });
});
