import { Detention, NewDetention } from './detention';
import { DEFAULT_DEPARTEMENT_SETTINGS } from './departement-settings';
import { DetentionNotIncarceratedError, ReleaseBeforeIncarcerationError, UnchangedReleaseDateError } from './detention.errors';

const today = (date: string) => ({ now: new Date(`${date}T09:00:00Z`), date });
const settings = DEFAULT_DEPARTEMENT_SETTINGS;

const input: NewDetention = {
  id: '5a7c9d2e-0b1f-4c3d-8e9f-0a1b2c3d4e5f',
  personId: '6b8d0e3f-1c2a-4d4e-9f0a-1b2c3d4e5f60',
  identity: { lastName: 'Martin', firstNames: 'Paul', birthDate: '1990-04-12' },
  ecrou: '123456',
  establishmentCode: 'MA-FRESNES',
  establishmentName: 'Maison d’arrêt de Fresnes',
  spipDepartement: '94',
  incarcerationDate: '2026-01-10',
  expectedReleaseDate: '2027-03-31',
  expectedReleaseKind: 'end_of_sentence',
};

describe('Detention.register', () => {
  it('starts incarcerated, oriented to the SIAO of the SPIP’s département by default', () => {
    const { detention, events } = Detention.register(input, today('2026-11-23'), settings);
    expect(detention.snapshot()).toMatchObject({ status: 'incarcerated', destinationDepartement: '94' });
    expect(events[0]).toMatchObject({ kind: 'DetentionRegistered' });
  });

  it('keeps a destination département chosen for the housing', () => {
    const { detention } = Detention.register({ ...input, destinationDepartement: '75' }, today('2026-11-23'), settings);
    expect(detention.snapshot().destinationDepartement).toBe('75');
  });

  it('refuses a release date before the incarceration date', () => {
    expect(() => Detention.register({ ...input, expectedReleaseDate: '2025-12-31' }, today('2026-11-23'), settings)).toThrow(ReleaseBeforeIncarcerationError);
  });
});

describe('Detention calendar', () => {
  it('announces the window at registration when the person arrives inside it', () => {
    const { events } = Detention.register({ ...input, incarcerationDate: '2026-11-20', expectedReleaseDate: '2027-02-15' }, today('2026-11-23'), settings);
    expect(events.map((e) => (e.kind === 'CalendarReached' ? e.fact.kind : e.kind))).toEqual(['DetentionRegistered', 'WindowOpened', 'LscReviewDue', 'ReleaseApproaching']);
  });

  it('moves the release date out of the window and back, closing and reopening it once each', () => {
    const { detention, events } = Detention.register(input, today('2026-11-23'), settings);
    expect(events.map((e) => (e.kind === 'CalendarReached' ? e.fact.kind : e.kind))).toEqual(['DetentionRegistered', 'WindowOpened']);
    const out = detention.changeReleaseDate('2027-12-31', 'new_conviction', today('2026-11-24'), settings);
    expect(out.map((e) => (e.kind === 'CalendarReached' ? e.fact.kind : e.kind))).toEqual(['ReleaseDateChanged', 'WindowClosed']);
    const back = detention.changeReleaseDate('2027-03-31', 'correction', today('2026-11-25'), settings);
    expect(back.map((e) => (e.kind === 'CalendarReached' ? e.fact.kind : e.kind))).toEqual(['ReleaseDateChanged', 'WindowOpened']);
    expect(detention.advanceCalendar('2026-11-25', settings)).toEqual([]);
  });

  it('refuses a date before incarceration, the same date, or a change after release', () => {
    const { detention } = Detention.register(input, today('2026-11-23'), settings);
    expect(() => detention.changeReleaseDate('2025-01-01', 'correction', today('2026-11-23'), settings)).toThrow(ReleaseBeforeIncarcerationError);
    expect(() => detention.changeReleaseDate('2027-03-31', 'correction', today('2026-11-23'), settings)).toThrow(UnchangedReleaseDateError);
    const released = Detention.restore({ ...detention.snapshot(), status: 'released' });
    expect(() => released.changeReleaseDate('2027-04-30', 'correction', today('2026-11-23'), settings)).toThrow(DetentionNotIncarceratedError);
    expect(released.nextDueOn(settings)).toBeUndefined();
  });
});
