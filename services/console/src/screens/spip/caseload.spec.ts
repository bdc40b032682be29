import { byUrgency, caseloadRows, CaseloadRow, filterRows, horizonEnd, pageOf, servicesToday } from './caseload';
import type { Detention, Referral } from './referral-types';

const row = (over: Partial<CaseloadRow>): CaseloadRow => ({
  detentionId: over.lastName ?? 'd', lastName: 'Martin', firstNames: 'Paul', establishmentName: 'CP', spipDepartement: '13',
  expectedReleaseDate: '2027-01-01', daysToRelease: 30, returned: false, referralId: 'r', status: 'to_complete', ...over,
});
const names = (rows: CaseloadRow[]) => rows.map((r) => r.lastName);

describe('the urgency order of the caseload', () => {
  it('puts an open critical alert first, even with a later release', () => {
    const rows = [row({ lastName: 'Soon', daysToRelease: 3 }), row({ lastName: 'Critical', daysToRelease: 80, alertLevel: 'critical' })];
    expect(names(byUrgency(rows))).toEqual(['Critical', 'Soon']);
  });

  it('then the fewest days to release, whatever a lower alert says', () => {
    const rows = [row({ lastName: 'Later', daysToRelease: 40, alertLevel: 'warning' }), row({ lastName: 'Sooner', daysToRelease: 10 })];
    expect(names(byUrgency(rows))).toEqual(['Sooner', 'Later']);
  });

  it('orders critical alerts among themselves by days to release', () => {
    const rows = [row({ lastName: 'B', daysToRelease: 20, alertLevel: 'critical' }), row({ lastName: 'A', daysToRelease: 5, alertLevel: 'critical' })];
    expect(names(byUrgency(rows))).toEqual(['A', 'B']);
  });

  it('on the same day: the higher alert, then a request waiting on the SPIP, then one at the SIAO, then one not opened', () => {
    const rows = [
      row({ lastName: 'NotOpened', referralId: undefined, status: undefined }),
      row({ lastName: 'AtSiao', status: 'submitted' }),
      row({ lastName: 'Watch', status: 'submitted', alertLevel: 'watch' }),
      row({ lastName: 'Warning', status: 'submitted', alertLevel: 'warning' }),
      row({ lastName: 'Refused', status: 'refused' }),
      row({ lastName: 'ToComplete', status: 'to_complete' }),
    ];
    expect(names(byUrgency(rows))).toEqual(['Warning', 'Watch', 'Refused', 'ToComplete', 'AtSiao', 'NotOpened']);
  });

  it('is stable by name and never changes the list it is given', () => {
    const rows = [row({ lastName: 'Émile' }), row({ lastName: 'Dupont' })];
    expect(names(byUrgency(rows))).toEqual(['Dupont', 'Émile']);
    expect(names(rows)).toEqual(['Émile', 'Dupont']);
  });
});

describe('the caseload rows', () => {
  const detention = (id: string, date: string): Detention => ({
    id, personId: `p-${id}`, identity: { lastName: `L${id}`, firstNames: 'F', birthDate: '1990-01-01' }, establishmentCode: 'CP-M',
    establishmentName: 'CP de Marseille', spipDepartement: '13', expectedReleaseDate: date, expectedReleaseKind: 'end_of_sentence', status: 'incarcerated',
  });
  const referral = (detentionId: string, over: Partial<Referral> = {}): Referral => ({
    id: `r-${detentionId}`, personId: 'p', detentionId, status: 'to_complete', spipDepartement: '13', siaoDepartement: '13', establishmentCode: 'CP-M',
    establishmentName: 'CP de Marseille', identity: { lastName: 'L', firstNames: 'F', birthDate: '1990-01-01' }, expectedReleaseDate: '2027-03-01',
    daysToRelease: 88, urgent: false, openedOn: '2026-12-01', submissions: 0, file: { rights: {} }, returnedMissing: [], openAlerts: [],
    missingForSubmission: [], ...over,
  });

  it('joins each detention to its request and counts days from the services’ day, on the detention’s date', () => {
    const rows = caseloadRows([detention('1', '2027-01-10'), detention('2', '2027-05-01')], [referral('1', { alertLevel: 'warning', returnedMissing: ['RIB'] })], '2027-01-01');
    expect(rows).toEqual([
      expect.objectContaining({ detentionId: '1', referralId: 'r-1', daysToRelease: 9, status: 'to_complete', alertLevel: 'warning', returned: true }),
      expect.objectContaining({ detentionId: '2', referralId: undefined, daysToRelease: 120, status: undefined, alertLevel: undefined, returned: false }),
    ]);
  });

  it('reads the services’ day off a request, else takes the browser’s', () => {
    expect(servicesToday([{ expectedReleaseDate: '2027-03-01', daysToRelease: 88 }], '2026-01-01')).toBe('2026-12-03');
    expect(servicesToday([], '2026-01-01')).toBe('2026-01-01');
  });

  it('filters by status (or no request yet) and by alert', () => {
    const rows = [row({ lastName: 'A', alertLevel: 'critical' }), row({ lastName: 'B', status: 'submitted' }), row({ lastName: 'C', referralId: undefined, status: undefined })];
    expect(names(filterRows(rows, { status: 'none' }))).toEqual(['C']);
    expect(names(filterRows(rows, { status: 'submitted' }))).toEqual(['B']);
    expect(names(filterRows(rows, { alertLevel: 'any' }))).toEqual(['A']);
    expect(names(filterRows(rows, { alertLevel: 'none' }))).toEqual(['B', 'C']);
    expect(names(filterRows(rows, { alertLevel: 'critical', status: 'to_complete' }))).toEqual(['A']);
    expect(names(filterRows(rows, {}))).toEqual(['A', 'B', 'C']);
  });

  it('pages and measures the horizon in months, clamped to the month’s end', () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(horizonEnd('2026-12-03', 6)).toBe('2027-06-03');
    expect(horizonEnd('2026-08-31', 6)).toBe('2027-02-28');
  });
});
