import { HousingConflictError, HousingRuleError } from './housing-errors';
import { HousingRequest, Submission } from './housing-request';
import { aFile, aRequest } from './test-data.spec-helper';

const submission = (overrides: Partial<Submission> = {}): Submission => {
  const { id, referralId, personId, detentionId, spipDepartement, siaoDepartement, expectedReleaseDate, urgent, submission: number, file } = aRequest();
  return { id, referralId, personId, detentionId, spipDepartement, siaoDepartement, expectedReleaseDate, urgent, submission: number, file, ...overrides };
};
const kinds = (changes: { kind: string }[]) => changes.map((change) => change.kind);

describe('HousingRequest', () => {
  it('returns an incomplete submission with one line per missing element, and takes a later complete one', () => {
    const { request, changes } = HousingRequest.receive(submission({
      file: aFile({ household: { composition: 'couple_with_children', applicantGender: 'man', childrenAges: [] }, consent: { givenOn: '2026-12-01', recipients: ['host_structures'] } }),
    }), '2026-11-23');
    expect(request.status).toBe('returned');
    expect(changes).toEqual([{ kind: 'Returned', missing: [
      'household.childrenAges: the ages of the children of a household couple_with_children',
      'consent.recipients: the consent must name the SIAO',
      'consent.givenOn: the consent is dated in the future (2026-12-01)',
    ] }]);
    expect(request.resubmitted(submission({ submission: 1 }), '2026-11-24')).toEqual([]);
    expect(kinds(request.resubmitted(submission({ submission: 2 }), '2026-11-24'))).toEqual(['Received']);
    expect(request.snapshot()).toMatchObject({ status: 'awaiting_review', receivedOn: '2026-11-24', missing: [] });
  });

  it('decides only a request on the agenda of that session', () => {
    const request = HousingRequest.restore(aRequest());
    expect(() => request.decide('s1', { kind: 'refusal', reason: 'not_eligible' }, '2026-11-23')).toThrow(HousingConflictError);
    request.schedule({ id: 's1', date: '2026-11-23' });
    expect(() => request.decide('s2', { kind: 'refusal', reason: 'not_eligible' }, '2026-11-23')).toThrow(/not awaiting a decision of session s2/);
    expect(() => request.decide('s1', { kind: 'orientation' }, '2026-11-23')).toThrow(HousingRuleError);
    expect(() => request.decide('s1', { kind: 'deferral', reason: 'no_place_now', reconsiderOn: '2026-11-23' }, '2026-11-23')).toThrow(/reconsiderOn/);
    expect(request.decide('s1', { kind: 'orientation', structureType: 'chrs', preconisation: 'Proche de sa famille' }, '2026-11-23')).toEqual([{
      kind: 'Oriented', orientation: { sessionId: 's1', structureType: 'chrs', structureId: undefined, preconisation: 'Proche de sa famille', decidedOn: '2026-11-23' },
    }]);
  });

  it('puts a deferred request on a new agenda, but not an oriented one', () => {
    const deferred = HousingRequest.restore(aRequest({ status: 'deferred', deferral: { sessionId: 's1', reason: 'no_place_now', reconsiderOn: '2026-12-01' } }));
    expect(kinds(deferred.schedule({ id: 's2', date: '2026-12-03' }))).toEqual(['Scheduled']);
    expect(() => HousingRequest.restore(aRequest({ status: 'oriented' })).schedule({ id: 's2', date: '2026-12-03' })).toThrow(/oriented cannot be put on an agenda/);
  });

  it('lapses three months after the orientation, or after the release when that comes later, unless a place is confirmed', () => {
    const orientation = { sessionId: 's1', structureType: 'chrs' as const, decidedOn: '2026-11-23' };
    const beforeRelease = HousingRequest.restore(aRequest({ status: 'oriented', orientation, expectedReleaseDate: '2027-03-31' }));
    expect(beforeRelease.orientationValidUntil()).toBe('2027-06-30');
    expect(beforeRelease.lapseIfDue('2027-06-30')).toEqual([]);
    expect(kinds(beforeRelease.lapseIfDue('2027-07-01'))).toEqual(['Lapsed']);
    const afterRelease = HousingRequest.restore(aRequest({ status: 'oriented', orientation: { ...orientation, decidedOn: '2027-04-15' }, expectedReleaseDate: '2027-03-31' }));
    expect(afterRelease.orientationValidUntil()).toBe('2027-07-15');
    expect(HousingRequest.restore(aRequest({ status: 'housed', orientation })).lapseIfDue('2030-01-01')).toEqual([]);
    expect(HousingRequest.restore(aRequest({ status: 'placement_confirmed', orientation })).lapseIfDue('2030-01-01')).toEqual([]);
  });

  it('is withdrawn once, and a refused request can still be withdrawn', () => {
    const request = HousingRequest.restore(aRequest({ status: 'scheduled', session: { id: 's1', date: '2026-11-30' } }));
    expect(request.withdraw('other_solution')).toEqual([{ kind: 'Withdrawn', reason: 'other_solution' }]);
    expect(request.withdraw('other_solution')).toEqual([]);
    expect(request.snapshot().session).toBeUndefined();
    expect(kinds(HousingRequest.restore(aRequest({ status: 'refused' })).withdraw('person_declined'))).toEqual(['Withdrawn']);
  });
});
