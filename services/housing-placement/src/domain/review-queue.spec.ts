import { byUrgency, daysToRelease, waitingDays } from './review-queue';
import { aRequest } from './test-data.spec-helper';

describe('the review queue', () => {
  it('puts the nearest release first, then the request waiting longest, then settles ties by id', () => {
    const requests = [
      aRequest({ id: 'd', expectedReleaseDate: '2027-05-01', receivedOn: '2026-10-01' }),
      aRequest({ id: 'b', expectedReleaseDate: '2027-01-15', receivedOn: '2026-11-20' }),
      aRequest({ id: 'a', expectedReleaseDate: '2027-01-15', receivedOn: '2026-11-02' }),
      aRequest({ id: 'c2', expectedReleaseDate: '2027-01-15', receivedOn: '2026-11-20' }),
      aRequest({ id: 'c1', expectedReleaseDate: '2026-12-24', receivedOn: '2026-11-22' }),
    ];
    expect([...requests].sort(byUrgency).map((r) => r.id)).toEqual(['c1', 'a', 'b', 'c2', 'd']);
  });

  it('counts days to release and waiting days in calendar days', () => {
    const request = aRequest({ expectedReleaseDate: '2027-01-15', receivedOn: '2026-11-02' });
    expect(daysToRelease(request, '2026-11-23')).toBe(53);
    expect(waitingDays(request, '2026-11-23')).toBe(21);
  });

});
