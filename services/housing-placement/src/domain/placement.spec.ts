import { entryWindowOf } from './entry-window';
import { HousingConflictError } from './housing-errors';
import { Placement } from './placement';

const fresh = { id: 'p1', requestId: 'r1', structureId: 's1', structureType: 'chrs' as const, orientationSessionId: 'session-1', places: 1 };
const window = entryWindowOf('2027-03-31');

describe('Placement', () => {
  it('takes an entry date from the release day to 15 days after, never in the past', () => {
    expect(window).toEqual({ from: '2027-03-31', to: '2027-04-15' });
    expect(() => Placement.propose(fresh, '2027-03-30', window, '2026-11-23')).toThrow(/between the release \(2027-03-31\) and 2027-04-15/);
    expect(() => Placement.propose(fresh, '2027-04-16', window, '2026-11-23')).toThrow(/insideReleaseWindow|between/);
    expect(() => Placement.propose(fresh, '2027-03-31', window, '2027-04-01')).toThrow(/not be before today/);
    expect(Placement.propose(fresh, '2027-04-15', window, '2026-11-23').placement.snapshot()).toMatchObject({ status: 'proposed', entryDate: '2027-04-15' });
  });

  it('holds a place only while confirmed or lived in', () => {
    const { placement } = Placement.propose(fresh, '2027-03-31', window, '2026-11-23');
    expect(placement.booking()).toBeUndefined();
    placement.confirm('justice', window, '2026-11-24');
    expect(placement.booking()).toEqual({ placementId: 'p1', structureId: 's1', from: '2027-03-31', places: 1, pool: 'justice' });
    expect(() => placement.noShow('2027-03-31', '2027-03-31')).toThrow(/after the entry date and the release \(2027-03-31\)/);
    placement.noShow('2027-04-01', '2027-03-31');
    expect(placement.booking()).toBeUndefined();
  });

  it('confirms only an entry date still ahead and inside the window of the release as it is now', () => {
    const stale = Placement.propose(fresh, '2027-03-31', window, '2026-11-23').placement;
    expect(() => stale.confirm('general', entryWindowOf('2027-06-30'), '2026-11-24')).toThrow(/insideReleaseWindow|between the release \(2027-06-30\)/);
    expect(() => stale.confirm('general', window, '2027-04-01')).toThrow(/not be before today/);
  });

  it('records no no-show while the moved release leaves the person in prison', () => {
    const { placement } = Placement.propose(fresh, '2027-04-05', window, '2026-11-23');
    placement.confirm('general', window, '2026-11-24');
    placement.checkWindow(entryWindowOf('2027-06-30'));
    expect(() => placement.noShow('2027-04-06', '2027-06-30')).toThrow(/2027-06-30/);
  });

  it('records an entry on or after the release and not in the future', () => {
    const { placement } = Placement.propose(fresh, '2027-04-02', window, '2026-11-23');
    expect(() => placement.enter('2027-04-02', '2027-03-31', '2027-04-05')).toThrow(HousingConflictError);
    placement.confirm('general', window, '2026-11-24');
    expect(() => placement.enter('2027-03-30', '2027-03-31', '2027-04-05')).toThrow(/before the release/);
    expect(() => placement.enter('2027-04-06', '2027-03-31', '2027-04-05')).toThrow(/after today/);
    expect(placement.enter('2027-04-03', '2027-03-31', '2027-04-05')).toEqual({ kind: 'Entered', enteredOn: '2027-04-03' });
  });

  it('keeps a refusal by the structure apart from a decline by the person', () => {
    expect(Placement.refuse(fresh, 'no_place').change).toEqual({ kind: 'RefusedByStructure', reason: 'no_place' });
    const { placement } = Placement.propose(fresh, '2027-03-31', window, '2026-11-23');
    expect(placement.declineByPerson()).toEqual({ kind: 'DeclinedByPerson' });
    expect(placement.cancel('request_withdrawn')).toEqual([]);
  });

  it('flags a confirmed entry when the release moves away, clears the flag when it fits again, and flags it again', () => {
    const { placement } = Placement.propose(fresh, '2027-04-05', window, '2026-11-23');
    placement.confirm('general', window, '2026-11-24');
    const later = entryWindowOf('2027-05-20');
    expect(placement.checkWindow(later)).toEqual([{ kind: 'Flagged', window: later }]);
    expect(placement.checkWindow(later)).toEqual([]);
    expect(placement.checkWindow(window)).toEqual([{ kind: 'FlagCleared' }]);
    expect(placement.snapshot().flagged).toBe(false);
    expect(placement.checkWindow(later)).toEqual([{ kind: 'Flagged', window: later }]);
  });
});
