import { candidatesSummary, groupCandidates } from './candidates';
import { decisionBody, EMPTY_DECISION, membersOf, missingItems } from './decision-form';
import { householdLabel, needsLabel, releaseCountdown, structureTypeLabel } from './labels';
import { pageOf, weeklyAvailability, weeksFrom } from './availability';
import { agendaStatus, openForAgenda } from './sessions';
import { Candidate, CommissionSession, DayFigures, Placement } from './housing-types';

const candidate = (name: string, pool: Candidate['pool'], free = 1): Candidate => ({ structureId: name, name, type: 'chrs', area: 'Marseille', pool, free });

describe('candidate places', () => {
  it('groups them by contingent, justice first, volantes last, keeping the server’s order inside', () => {
    const groups = groupCandidates([candidate('A', 'general'), candidate('B', 'justice'), candidate('C', 'volante'), candidate('D', 'justice')]);
    expect(groups.map((g) => [g.pool, g.candidates.map((c) => c.name)])).toEqual([
      ['justice', ['B', 'D']], ['general', ['A']], ['volante', ['C']],
    ]);
  });

  it('leaves empty contingents out', () => {
    expect(groupCandidates([candidate('A', 'general')]).map((g) => g.pool)).toEqual(['general']);
  });

  it('says when only the first places are shown', () => {
    expect(candidatesSummary(5, 12)).toBe('5 places candidates affichées sur 12');
    expect(candidatesSummary(1, 1)).toBe('1 place candidate');
    expect(candidatesSummary(0, 0)).toBe('Aucune place disponible ne correspond à la demande');
  });
});

describe('the decision form', () => {
  it('sends an orientation with its type, structure and préconisation, trimmed', () => {
    expect(decisionBody('r1', { ...EMPTY_DECISION, structureType: 'chrs', structureId: 's1', preconisation: '  Accompagnement vers l’emploi ', refusalReason: 'other' }))
      .toEqual({ requestId: 'r1', decision: 'orientation', structureType: 'chrs', structureId: 's1', preconisation: 'Accompagnement vers l’emploi' });
  });

  it('leaves blank fields out, so the server names what is missing', () => {
    expect(decisionBody('r1', { ...EMPTY_DECISION, structureType: 'chu' })).toEqual({ requestId: 'r1', decision: 'orientation', structureType: 'chu' });
  });

  it('sends a deferral with its reason and date, a refusal with its reason', () => {
    expect(decisionBody('r1', { ...EMPTY_DECISION, kind: 'deferral', deferralReason: 'no_place_now', reconsiderOn: '2027-01-07', structureId: 's1' }))
      .toEqual({ requestId: 'r1', decision: 'deferral', reason: 'no_place_now', reconsiderOn: '2027-01-07' });
    expect(decisionBody('r1', { ...EMPTY_DECISION, kind: 'refusal', refusalReason: 'not_eligible', deferralReason: 'other' }))
      .toEqual({ requestId: 'r1', decision: 'refusal', reason: 'not_eligible' });
  });

  it('reads missing items one per line and members by line or comma', () => {
    expect(missingItems('Justificatif de ressources\n\n  Avis d’imposition  \n')).toEqual(['Justificatif de ressources', 'Avis d’imposition']);
    expect(membersOf('SIAO 13, DDETS 13\nSPIP 13\nSIAO 13')).toEqual(['SIAO 13', 'DDETS 13', 'SPIP 13']);
  });
});

describe('labels', () => {
  it('words a household with its children', () => {
    expect(householdLabel({ composition: 'alone', applicantGender: 'man', childrenAges: [] })).toBe('Personne seule (homme)');
    expect(householdLabel({ composition: 'couple_with_children', applicantGender: 'woman', childrenAges: [4, 9] }))
      .toBe('Couple avec enfants (femme), 2 enfants : 4 et 9 ans');
  });

  it('words needs, the time to release and unknown codes', () => {
    expect(needsLabel({ reducedMobility: true, animals: false })).toBe('Mobilité réduite');
    expect(needsLabel({ reducedMobility: false, animals: false })).toBe('Aucun besoin particulier');
    expect([releaseCountdown(12), releaseCountdown(1), releaseCountdown(0), releaseCountdown(-3)]).toEqual(['dans 12 jours', 'demain', 'aujourd’hui', 'il y a 3 jours']);
    expect(structureTypeLabel('chrs')).toBe('CHRS (réinsertion sociale)');
    expect(structureTypeLabel('new_kind')).toBe('new_kind');
  });
});

describe('availability and lists', () => {
  const day = (date: string, freeJustice: number, outOfService = 0): DayFigures => ({
    date, freeJustice, freeGeneral: 2, freeVolante: 1, outOfService, occupied: 0, occupiedJustice: 0, free: 3,
  });

  it('gives each week the places free on all its days and its most places out of service', () => {
    const days = ['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((d, i) => day(`2027-01-${d}`, i === 3 ? 0 : 2, i === 8 ? 1 : 0));
    expect(weeklyAvailability(days)).toEqual([
      { from: '2027-01-01', to: '2027-01-07', freeJustice: 0, freeGeneral: 2, freeVolante: 1, outOfService: 0 },
      { from: '2027-01-08', to: '2027-01-09', freeJustice: 2, freeGeneral: 2, freeVolante: 1, outOfService: 1 },
    ]);
  });

  it('reads whole weeks from today, across a year’s end', () => {
    expect(weeksFrom('2026-12-28', 2)).toEqual({ from: '2026-12-28', to: '2027-01-10' });
  });

  it('cuts a whole list into pages', () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
  });

  it('offers for an agenda the sessions from today on, nearest first', () => {
    const session = (id: string, sessionDate: string): CommissionSession => ({ id, sessionDate, departement: '13', members: [], createdBy: 'x' });
    expect(openForAgenda([session('b', '2027-01-14'), session('a', '2026-12-01'), session('c', '2026-12-03')], '2026-12-03').map((s) => s.id)).toEqual(['c', 'b']);
  });
});

describe('the agenda', () => {
  const placement = (status: Placement['status']): Placement => ({ id: 'p', requestId: 'r', structureId: 's', structureType: 'chrs', status, places: 1, flagged: false });

  it('points out an oriented request whose pre-admission waits for the SIAO', () => {
    expect(agendaStatus({ status: 'oriented', placements: [placement('refused'), placement('proposed')] })).toBe('Orientée — pré-admission à confirmer');
    expect(agendaStatus({ status: 'oriented', placements: [placement('refused')] })).toBe('Orientée');
    expect(agendaStatus({ status: 'placement_confirmed', placements: [placement('confirmed')] })).toBe('Place confirmée');
  });
});
