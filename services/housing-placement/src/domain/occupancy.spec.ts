import { Occupancy } from './occupancy';
import { aStructure } from './test-data.spec-helper';

describe('Occupancy', () => {
  const structure = aStructure({ capacity: 10, reservedJusticePlaces: 3, volantePlaces: 2 });

  it('counts each contingent apart: reserved justice, common, volantes', () => {
    const occupancy = new Occupancy(structure, [], [
      { placementId: 'a', structureId: structure.id, from: '2027-01-01', places: 2, pool: 'justice' },
      { placementId: 'b', structureId: structure.id, from: '2027-01-10', places: 1, pool: 'general' },
    ]);
    expect(occupancy.on('2027-01-05')).toEqual({ outOfService: 0, occupied: 2, occupiedJustice: 2, free: 8, freeJustice: 1, freeGeneral: 5, freeVolante: 2 });
    expect(occupancy.on('2027-01-10')).toMatchObject({ occupied: 3, free: 7, freeGeneral: 4 });
  });

  it('takes places out of service from the common ones, and never shows more free than the structure has', () => {
    const occupancy = new Occupancy(structure, [{ id: 'c', structureId: structure.id, from: '2027-02-01', to: '2027-02-28', places: 9, reason: 'travaux' }], []);
    expect(occupancy.on('2027-02-15')).toMatchObject({ outOfService: 9, free: 1, freeJustice: 1, freeGeneral: 0, freeVolante: 1 });
    expect(occupancy.on('2027-03-01')).toMatchObject({ outOfService: 0, free: 10 });
  });

  it('books from a date only what stays free on every later date', () => {
    const small = aStructure({ capacity: 1, reservedJusticePlaces: 0, volantePlaces: 0 });
    const occupancy = new Occupancy(small, [], [{ placementId: 'a', structureId: small.id, from: '2027-06-01', places: 1, pool: 'general' }]);
    expect(occupancy.on('2027-04-01').free).toBe(1);
    expect(occupancy.bookableFrom('2027-04-01').free).toBe(0);
    expect(occupancy.poolFor('2027-04-01', 1, true)).toBeUndefined();
  });

  it('chooses the justice contingent first, then the common one, the volantes only in an emergency', () => {
    const occupancy = new Occupancy(structure, [], [
      { placementId: 'a', structureId: structure.id, from: '2027-01-01', places: 3, pool: 'justice' },
      { placementId: 'b', structureId: structure.id, from: '2027-01-01', places: 5, pool: 'general' },
    ]);
    expect(new Occupancy(structure, [], []).poolFor('2027-03-31', 1, false)).toEqual({ pool: 'justice', free: 3 });
    expect(occupancy.poolFor('2027-03-31', 1, false)).toBeUndefined();
    expect(occupancy.poolFor('2027-03-31', 2, true)).toEqual({ pool: 'volante', free: 2 });
  });
});
