import { entryWindowOf } from './entry-window';
import { HousingConflictError } from './housing-errors';
import { Placement } from './placement';

const fresh = { id: 'p1', requestId: 'r1', structureId: 's1', structureType: 'chrs' as const, places: 1 };
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
    placement.confirm('justice');
    expect(placement.booking()).toEqual({ placementId: 'p1', structureId: 's1', from: '2027-03-31', places: 1, pool: 'justice' });
    expect(() => placement.noShow('2027-03-31')).toThrow(/after the entry date/);
    placement.noShow('2027-04-01');
    expect(placement.booking()).toBeUndefined();
  });

  it('records an entry on or after the release and not in the future', () => {
    const { placement } = Placement.propose(fresh, '2027-04-02', window, '2026-11-23');
    expect(() => placement.enter('2027-04-02', '2027-03-31', '2027-04-05')).toThrow(HousingConflictError);
    placement.confirm('general');
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

  it('flags a confirmed entry once when the release moves away, and clears it when it fits again', () => {
    const { placement } = Placement.propose(fresh, '2027-04-05', window, '2026-11-23');
    placement.confirm('general');
    const later = entryWindowOf('2027-05-20');
    expect(placement.checkWindow(later)).toEqual([{ kind: 'Flagged', window: later }]);
    expect(placement.checkWindow(later)).toEqual([]);
    expect(placement.checkWindow(window)).toEqual([]);
    expect(placement.snapshot().flagged).toBe(false);
  });
});
