import { outlookEffectsOf } from './outlook-effects';

const detention = { detentionId: 'd', personId: 'p', spipDepartement: '94', destinationDepartement: '13', expectedReleaseDate: '2027-03-31' };
const request = { requestId: 'q', referralId: 'r', personId: 'p', siaoDepartement: '13' };

describe('outlookEffectsOf', () => {
  it('follows a detention\'s expected release and destination through every date event, and its release', () => {
    const expected = { kind: 'release', detentionId: 'd', personId: 'p', departement: '13', expectedOn: '2027-03-31' };
    expect(outlookEffectsOf('release-calendar.detention.registered.v1', { ...detention, registeredAt: '2026-01-01T10:00:00Z' })).toEqual([expected]);
    expect(outlookEffectsOf('release-calendar.release-date.changed.v1', { ...detention, previousReleaseDate: '2027-05-01' })).toEqual([expected]);
    expect(outlookEffectsOf('release-calendar.person.transferred.v1', { ...detention, destinationDepartement: '84' })).toEqual([{ ...expected, departement: '84' }]);
    expect(outlookEffectsOf('release-calendar.person.released.v1', { ...detention, releasedOn: '2027-03-30' })).toEqual([{ ...expected, releasedOn: '2027-03-30' }]);
  });

  it('keeps a placement booked from its confirmation, flagged or not, until it is entered or ended', () => {
    const held = { ...request, placementId: 'pl', structureId: 's' };
    const placement = { kind: 'placement', placementId: 'pl', personId: 'p', structureId: 's', siaoDepartement: '13' };
    expect(outlookEffectsOf('housing-placement.placement.confirmed.v1', { ...held, structureType: 'chrs', entryDate: '2027-03-31' }))
      .toEqual([{ ...placement, standing: 'confirmed', entryDate: '2027-03-31' }]);
    expect(outlookEffectsOf('housing-placement.placement.flagged.v1', { ...held, entryDate: '2027-03-31' })[0]).toMatchObject({ standing: 'confirmed' });
    expect(outlookEffectsOf('housing-placement.person.entered.v1', { ...held, enteredOn: '2027-04-01' })).toEqual([{ ...placement, standing: 'entered' }]);
    for (const type of ['placement.cancelled', 'placement.declined', 'person.no-show']) {
      expect(outlookEffectsOf(`housing-placement.${type}.v1`, held)).toEqual([{ ...placement, standing: 'ended' }]);
    }
  });

  it('notes a structure\'s change of places, and ignores what is not in the outlook', () => {
    expect(outlookEffectsOf('housing-placement.capacity.changed.v1', { structureId: 's', siaoDepartement: '13' })).toEqual([{ kind: 'places', departement: '13' }]);
    expect(outlookEffectsOf('housing-placement.placement.proposed.v1', { ...request, placementId: 'pl', structureId: 's', entryDate: '2027-03-31' })).toEqual([]);
    expect(outlookEffectsOf('housing-placement.placement.refused.v1', { ...request, placementId: 'pl', structureId: 's' })).toEqual([]);
    expect(outlookEffectsOf('prefecture.outlook.changed.v1', { departement: '13' })).toEqual([]);
  });
});
