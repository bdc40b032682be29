import { Booking, Occupancy } from './occupancy';
import { candidatePlaces, inPreferredTerritory, mismatchesOf } from './place-matching';
import { aFile, aStructure } from './test-data.spec-helper';

const booking = (overrides: Partial<Booking>): Booking => ({ placementId: 'p', structureId: 'structure-1', from: '2027-01-01', places: 1, pool: 'general', ...overrides });

describe('mismatchesOf', () => {
  it('finds nothing when the household is accepted in a preferred territory', () => {
    expect(mismatchesOf(aStructure(), aFile())).toEqual([]);
  });

  it('names each acceptance rule the household fails', () => {
    const structure = aStructure({ accepts: { men: false, women: true, couples: false, children: false, animals: false, reducedMobility: false }, area: 'Aubagne' });
    const file = aFile({
      household: { composition: 'couple_with_children', applicantGender: 'man', childrenAges: [3] },
      needs: { reducedMobility: true, animals: true },
    });
    expect(mismatchesOf(structure, file)).toEqual(['gender', 'couples', 'children', 'animals', 'reducedMobility', 'territory']);
  });

  it('takes a woman where only women are accepted', () => {
    const womenOnly = aStructure({ accepts: { ...aStructure().accepts, men: false } });
    expect(mismatchesOf(womenOnly, aFile({ household: { composition: 'alone', applicantGender: 'woman', childrenAges: [] } }))).toEqual([]);
    expect(mismatchesOf(womenOnly, aFile())).toEqual(['gender']);
  });
});

describe('inPreferredTerritory', () => {
  it('ignores accents, case and hyphens, and takes the département code as anywhere in it', () => {
    const structure = { area: "Salon-de-Provence", departement: '13' };
    expect(inPreferredTerritory(structure, ['salon de provence'])).toBe(true);
    expect(inPreferredTerritory({ area: 'Arles', departement: '13' }, ['ARLÈS'])).toBe(true);
    expect(inPreferredTerritory(structure, ['13'])).toBe(true);
    expect(inPreferredTerritory(structure, ['84', 'Marseille'])).toBe(false);
  });
});

describe('candidatePlaces', () => {
  const occupancy = (overrides: Parameters<typeof aStructure>[0], bookings: Booking[] = []) => {
    const structure = aStructure(overrides);
    return new Occupancy(structure, [], bookings.map((b) => ({ ...b, structureId: structure.id })));
  };

  it('puts structures with a free reserved justice place first, then the most free places', () => {
    const places = candidatePlaces(aFile(), '2027-03-31', false, [
      occupancy({ id: 'a', name: 'A', reservedJusticePlaces: 0, capacity: 20 }),
      occupancy({ id: 'b', name: 'B', reservedJusticePlaces: 1, capacity: 5 }),
      occupancy({ id: 'c', name: 'C', reservedJusticePlaces: 0, capacity: 8 }),
    ]);
    expect(places.map((p) => [p.structure.id, p.pool, p.free])).toEqual([['b', 'justice', 1], ['a', 'general', 19], ['c', 'general', 7]]);
  });

  it('leaves out a structure whose places are all taken from the release date, even by a later entry', () => {
    const full = occupancy({ id: 'full', capacity: 1, reservedJusticePlaces: 0, volantePlaces: 0 }, [booking({ from: '2027-05-01' })]);
    const freedBefore = occupancy({ id: 'free', capacity: 1, reservedJusticePlaces: 0, volantePlaces: 0 }, [booking({ from: '2026-01-01', until: '2027-03-01' })]);
    expect(candidatePlaces(aFile(), '2027-03-31', false, [full, freedBefore]).map((p) => p.structure.id)).toEqual(['free']);
  });

  it('offers places volantes only in an emergency', () => {
    const onlyVolantes = occupancy({ capacity: 1, reservedJusticePlaces: 0, volantePlaces: 1 });
    expect(candidatePlaces(aFile(), '2027-03-31', false, [onlyVolantes])).toEqual([]);
    expect(candidatePlaces(aFile(), '2027-03-31', true, [onlyVolantes]).map((p) => p.pool)).toEqual(['volante']);
  });

  it('needs one place per person of the household', () => {
    const family = aFile({ household: { composition: 'alone_with_children', applicantGender: 'woman', childrenAges: [4, 9] } });
    const accepts = { men: true, women: true, couples: true, children: true, animals: false, reducedMobility: false };
    const three = occupancy({ id: 'three', capacity: 3, reservedJusticePlaces: 0, volantePlaces: 0, accepts });
    const two = occupancy({ id: 'two', capacity: 2, reservedJusticePlaces: 0, volantePlaces: 0, accepts });
    expect(candidatePlaces(family, '2027-03-31', false, [two, three]).map((p) => p.structure.id)).toEqual(['three']);
  });

  it('leaves out places out of service on the release date', () => {
    const structure = aStructure({ capacity: 2, reservedJusticePlaces: 0, volantePlaces: 0 });
    const closed = new Occupancy(structure, [{ id: 'c', structureId: structure.id, from: '2027-03-01', to: '2027-04-30', places: 2, reason: 'travaux' }], []);
    expect(candidatePlaces(aFile(), '2027-03-31', false, [closed])).toEqual([]);
    expect(candidatePlaces(aFile(), '2027-05-01', false, [closed])).toHaveLength(1);
  });
});
