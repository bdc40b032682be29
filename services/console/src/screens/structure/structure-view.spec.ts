import { Placement } from '../commission/housing-types';
import { defaultEntryDate, latestPlacement, nextStep, stepLabel } from './structure-view';

const placement = (id: string, status: Placement['status']): Placement => ({ id, requestId: 'r', structureId: 's', structureType: 'chrs', status, places: 1, flagged: false });

describe('a structure’s next step on a request oriented to it', () => {
  it('answers an orientation it has not answered yet, or whose answer was cancelled', () => {
    expect(nextStep({ status: 'oriented', placements: [] })).toBe('answer');
    expect(nextStep({ status: 'oriented', placements: [placement('p', 'cancelled')] })).toBe('answer');
  });

  it('waits for the SIAO after a pre-admission, then records the entry', () => {
    expect(nextStep({ status: 'oriented', placements: [placement('p', 'proposed')] })).toBe('awaiting_confirmation');
    expect(nextStep({ status: 'placement_confirmed', placements: [placement('p', 'confirmed')] })).toBe('record_entry');
    expect(stepLabel({ status: 'placement_confirmed', placements: [placement('p', 'confirmed')] })).toBe('Place confirmée : enregistrer l’entrée');
  });

  it('has nothing left once it refused or the person entered, and says so', () => {
    expect(stepLabel({ status: 'oriented', placements: [placement('p', 'refused')] })).toBe('Refusée par la structure');
    expect(stepLabel({ status: 'housed', placements: [placement('p', 'entered')] })).toBe('Entrée enregistrée');
  });

  it('takes the open placement over older closed ones', () => {
    expect(latestPlacement({ placements: [placement('old', 'cancelled'), placement('new', 'proposed')] })?.id).toBe('new');
  });

  it('offers the release day as entry date, or today once it has passed', () => {
    expect(defaultEntryDate('2026-12-15', '2026-12-03')).toBe('2026-12-15');
    expect(defaultEntryDate('2026-12-01', '2026-12-03')).toBe('2026-12-03');
  });
});
