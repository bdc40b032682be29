import { effectsOf } from './indicator-effects';

const ref = { referralId: 'r', personId: 'p', detentionId: 'd', spipDepartement: '94', siaoDepartement: '13', expectedReleaseDate: '2027-03-31' };

describe('effectsOf', () => {
  it('counts a flow on the SIAO département, on its business date when it has one', () => {
    expect(effectsOf('referral.sortie-seche.recorded.v1', { ...ref, reason: 'no_request', releasedOn: '2027-03-31' }, '2027-04-01'))
      .toEqual([{ kind: 'flow', departement: '13', day: '2027-03-31', flow: 'sorties_seches' }]);
    expect(effectsOf('housing-placement.orientation.decided.v1', { ...ref, requestId: 'q', sessionId: 's' }, '2026-12-10')).toEqual([
      { kind: 'flow', departement: '13', day: '2026-12-10', flow: 'requests_oriented' },
      { kind: 'milestone', referralId: 'r', departement: '13', day: '2026-12-10', milestone: 'oriented_on' },
    ]);
  });

  it('counts a submission once, not each time a returned request is sent again', () => {
    expect(effectsOf('referral.request.submitted.v1', { ...ref, submission: 1 }, '2026-11-23').map((e) => e.kind)).toEqual(['flow', 'milestone']);
    expect(effectsOf('referral.request.submitted.v1', { ...ref, submission: 2 }, '2026-11-30')).toEqual([]);
  });

  it('opens and closes the window of a detention, and follows an alert through its levels', () => {
    const detention = { detentionId: 'd', personId: 'p', spipDepartement: '94', destinationDepartement: '13', expectedReleaseDate: '2027-03-31' };
    expect(effectsOf('release-calendar.window.opened.v1', { ...detention, opensOn: '2026-09-30' }, '2026-11-23'))
      .toEqual([{ kind: 'window', detentionId: 'd', departement: '13', day: '2026-09-30', open: true }]);
    expect(effectsOf('release-calendar.person.released.v1', { ...detention, releasedOn: '2027-03-31' }, '2027-03-31'))
      .toEqual([{ kind: 'window', detentionId: 'd', departement: '13', day: '2027-03-31', open: false }]);
    expect(effectsOf('referral.alert.escalated.v1', { ...ref, kind: 'sortie_seche_risk', from: 'watch', level: 'warning' }, '2027-03-01'))
      .toEqual([{ kind: 'alert', referralId: 'r', alertKind: 'sortie_seche_risk', departement: '13', day: '2027-03-01', level: 'warning' }]);
    expect(effectsOf('referral.alert.resolved.v1', { ...ref, kind: 'sortie_seche_risk', level: 'warning' }, '2027-03-02')[0]).not.toHaveProperty('level');
  });

  it('keeps a structure\'s reserved places with those occupied and free on the figures\' day', () => {
    const capacity = { structureId: 's', siaoDepartement: '13', asOf: '2027-03-01', reservedJusticePlaces: 4, occupiedJustice: 1, freeJustice: 2 };
    expect(effectsOf('housing-placement.capacity.changed.v1', capacity, '2027-03-02'))
      .toEqual([{ kind: 'places', structureId: 's', departement: '13', day: '2027-03-01', reserved: 4, occupied: 1, freeJustice: 2 }]);
  });

  it('ignores what is not a figure', () => {
    expect(effectsOf('referral.request.on-hold.v1', ref, '2026-11-23')).toEqual([]);
    expect(effectsOf('prefecture.indicators.changed.v1', { departement: '13' }, '2026-11-23')).toEqual([]);
  });
});
