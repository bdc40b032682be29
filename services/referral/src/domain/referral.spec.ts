import { Referral, ReleaseWindowFacts } from './referral';

const window: ReleaseWindowFacts = {
  detentionId: 'd1', personId: 'p1', spipDepartement: '13', siaoDepartement: '13', expectedReleaseDate: '2027-03-31', urgent: false,
};
const kinds = (changes: { kind: string }[]) => changes.map((c) => c.kind);

describe('Referral', () => {
  it('opens to be completed by the SPIP', () => {
    const { referral, changes } = Referral.open('r1', window);
    expect(kinds(changes)).toEqual(['Opened']);
    expect(referral.snapshot()).toMatchObject({ status: 'to_complete', placementConfirmed: false });
  });

  it('waits on hold when the window closes and resumes where it was when it reopens', () => {
    const { referral } = Referral.open('r1', window);
    expect(kinds(referral.windowClosed())).toEqual(['OnHold']);
    expect(referral.windowClosed()).toEqual([]);
    expect(kinds(referral.windowReopened({ ...window, expectedReleaseDate: '2027-04-30' }))).toEqual(['Resumed']);
    expect(referral.snapshot()).toMatchObject({ status: 'to_complete', expectedReleaseDate: '2027-04-30' });
    expect(referral.windowReopened(window)).toEqual([]);
  });

  it('moves to the new SPIP on a transfer, and only when it changes', () => {
    const { referral } = Referral.open('r1', window);
    expect(referral.transferred('13')).toEqual([]);
    expect(referral.transferred('84')).toEqual([{ kind: 'Reassigned', previousSpipDepartement: '13' }]);
    expect(referral.snapshot().spipDepartement).toBe('84');
  });

  it('raises and escalates the sortie-sèche alert with the milestones', () => {
    const { referral } = Referral.open('r1', window);
    expect(referral.releaseApproaching(90)).toEqual([{ kind: 'Alert', change: { kind: 'raised', level: 'watch' } }]);
    expect(referral.releaseApproaching(30)).toEqual([{ kind: 'Alert', change: { kind: 'escalated', from: 'watch', level: 'warning' } }]);
    expect(referral.snapshot().alert).toEqual({ level: 'warning', resolved: false });
  });

  it('records one sortie sèche, with its reason, at a release with nothing confirmed, then closes', () => {
    const { referral } = Referral.open('r1', window);
    expect(referral.released('2027-03-31')).toEqual([
      { kind: 'SortieSecheRecorded', reason: 'request_incomplete', releasedOn: '2027-03-31' },
      { kind: 'Closed', outcome: 'released' },
    ]);
    expect(referral.released('2027-03-31')).toEqual([]);
    expect(referral.releaseApproaching(7)).toEqual([]);
  });

  it('names a request left on hold as the reason when the person is released anyway', () => {
    const { referral } = Referral.open('r1', window);
    referral.windowClosed();
    expect(referral.released('2027-01-02')[0]).toMatchObject({ reason: 'request_on_hold' });
  });
});
