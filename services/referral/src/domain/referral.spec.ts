import { ReferralRuleError, ReferralStateError } from './referral-errors';
import { Referral, ReleaseWindowFacts } from './referral';
import { FilePatch } from './referral-file';
import { DEFAULT_STALL_POLICY } from './stall-policy';

const window: ReleaseWindowFacts = {
  detentionId: 'd1', personId: 'p1', spipDepartement: '13', siaoDepartement: '13', expectedReleaseDate: '2027-03-31', urgent: false,
  establishmentCode: 'CP-MARSEILLE', establishmentName: 'CP de Marseille', identity: { lastName: 'Durand', firstNames: 'Léa', birthDate: '1988-02-29' },
};
const TODAY = '2026-10-01';
const COMPLETE: FilePatch = {
  household: { composition: 'alone', applicantGender: 'man', childrenAges: [] },
  needs: { reducedMobility: false, animals: true },
  resources: ['rsa'],
  rights: { identity_papers: 'open', health_insurance: 'to_reopen', bank_account: 'open', france_travail: 'to_reopen', rsa_or_aah: 'not_applicable' },
  preferredTerritories: ['Marseille'],
  careContinuity: true,
  socialEvaluation: 'Projet de logement autonome, soutien familial limité.',
};
const placement = { placementId: 'pl1', structureId: 's1', structureType: 'chrs', entryDate: '2027-03-31' };
const kinds = (changes: { kind: string }[]) => changes.map((c) => c.kind);
const opened = () => Referral.open('r1', window, TODAY).referral;
const submitted = () => {
  const referral = opened();
  referral.updateFile(COMPLETE);
  referral.recordConsent('given', TODAY, 'orientation vers un hébergement', ['siao', 'host_structures'], TODAY);
  referral.submit(TODAY);
  return referral;
};
const ruleViolations = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    if (error instanceof ReferralRuleError) return error.violations.map((v) => `${v.field}:${v.rule}`);
    throw error;
  }
  throw new Error('no rule was broken');
};

describe('Referral', () => {
  it('opens to be completed by the SPIP', () => {
    const { referral, changes } = Referral.open('r1', window, TODAY);
    expect(kinds(changes)).toEqual(['Opened']);
    expect(referral.snapshot()).toMatchObject({ status: 'to_complete', openedOn: TODAY, waitingSince: TODAY, submissions: 0 });
  });

  it('waits on hold when the window closes and resumes where it was when it reopens', () => {
    const referral = submitted();
    expect(kinds(referral.windowClosed())).toEqual(['OnHold']);
    expect(referral.windowClosed()).toEqual([]);
    expect(kinds(referral.windowReopened({ ...window, expectedReleaseDate: '2027-04-30' }, TODAY))).toEqual(['ReleaseDateMoved', 'Resumed']);
    expect(referral.snapshot()).toMatchObject({ status: 'submitted', expectedReleaseDate: '2027-04-30' });
    expect(referral.windowReopened({ ...window, expectedReleaseDate: '2027-04-30' }, TODAY)).toEqual([]);
  });

  it('takes a new due date, and becomes urgent when the date comes within 90 days', () => {
    const referral = opened();
    expect(referral.releaseDateMoved('2027-03-31', TODAY)).toEqual([]);
    expect(referral.releaseDateMoved('2027-01-15', TODAY)).toEqual([{ kind: 'ReleaseDateMoved', from: '2027-03-31' }]);
    expect(referral.snapshot()).toMatchObject({ expectedReleaseDate: '2027-01-15', urgent: false });
    referral.releaseDateMoved('2026-12-30', TODAY);
    expect(referral.snapshot()).toMatchObject({ expectedReleaseDate: '2026-12-30', urgent: true });
  });

  it('follows the person to the new establishment on a transfer, and to the new SPIP when it changes', () => {
    const referral = opened();
    expect(referral.transferred('13', { code: 'CD-TARASCON', name: 'CD de Tarascon' })).toEqual([{ kind: 'Transferred', establishmentCode: 'CD-TARASCON' }]);
    expect(kinds(referral.transferred('84', { code: 'CP-AVIGNON', name: 'CP Avignon' }))).toEqual(['Transferred', 'Reassigned']);
    expect(referral.snapshot()).toMatchObject({ spipDepartement: '84', establishmentCode: 'CP-AVIGNON', establishmentName: 'CP Avignon' });
  });

  describe('completion and submission', () => {
    it('refuses a submission without consent or with missing elements, naming each one', () => {
      const referral = opened();
      referral.updateFile({ household: COMPLETE.household, rights: { identity_papers: 'open' } });
      expect(ruleViolations(() => referral.submit(TODAY))).toEqual([
        'needs:required', 'resources:required', 'rights.health_insurance:required', 'rights.bank_account:required',
        'rights.france_travail:required', 'rights.rsa_or_aah:required', 'preferredTerritories:required', 'careContinuity:required',
        'socialEvaluation:required', 'consent:givenForSiao',
      ]);
      expect(referral.status).toBe('to_complete');
    });

    it('refuses a submission when the consent was refused, withdrawn, or does not name the SIAO', () => {
      const referral = opened();
      referral.updateFile(COMPLETE);
      referral.recordConsent('refused', TODAY, 'orientation', [], TODAY);
      expect(ruleViolations(() => referral.submit(TODAY))).toEqual(['consent:givenForSiao']);
      referral.recordConsent('given', TODAY, 'orientation', ['health_partners'], TODAY);
      expect(ruleViolations(() => referral.submit(TODAY))).toEqual(['consent:givenForSiao']);
      referral.recordConsent('given', TODAY, 'orientation', ['siao'], TODAY);
      referral.withdrawConsent(TODAY, TODAY);
      expect(ruleViolations(() => referral.submit(TODAY))).toEqual(['consent:givenForSiao']);
    });

    it('submits a complete, consented file once, and no longer lets it be edited', () => {
      const referral = submitted();
      expect(referral.snapshot()).toMatchObject({ status: 'submitted', submissions: 1 });
      expect(() => referral.submit(TODAY)).toThrow(ReferralStateError);
      expect(() => referral.updateFile({ careContinuity: false })).toThrow(ReferralStateError);
    });

    it('merges partial updates and rights right by right', () => {
      const referral = opened();
      referral.updateFile({ rights: { identity_papers: 'to_reopen' } });
      referral.updateFile({ rights: { bank_account: 'open' }, careContinuity: false });
      expect(referral.file()).toEqual({ rights: { identity_papers: 'to_reopen', bank_account: 'open' }, careContinuity: false });
    });

    it('refuses inconsistent households and resources', () => {
      const referral = opened();
      expect(ruleViolations(() => referral.updateFile({ household: { composition: 'couple_with_children', applicantGender: 'man', childrenAges: [] } })))
        .toEqual(['household.childrenAges:requiredWithChildren']);
      expect(ruleViolations(() => referral.updateFile({ household: { composition: 'alone', applicantGender: 'man', childrenAges: [4] } })))
        .toEqual(['household.childrenAges:emptyWithoutChildren']);
      expect(ruleViolations(() => referral.updateFile({ resources: ['none', 'rsa'] }))).toEqual(['resources:noneAlone']);
    });

    it('refuses medical information in free text, whatever its case or accents', () => {
      const referral = opened();
      expect(ruleViolations(() => referral.updateFile({ socialEvaluation: 'Suivi PSYCHIATRIQUE, sous Méthadone' }))).toEqual(['socialEvaluation:noHealthData']);
      expect(ruleViolations(() => referral.updateFile({ preferredTerritories: ['Aix', 'près du service de dialyse'] }))).toEqual(['preferredTerritories[1]:noHealthData']);
      expect(referral.file().socialEvaluation).toBeUndefined();
    });

    it('refuses a consent dated in the future or without recipients', () => {
      const referral = opened();
      expect(ruleViolations(() => referral.recordConsent('given', '2026-10-02', 'orientation', ['siao'], TODAY))).toEqual(['decidedOn:notInTheFuture']);
      expect(ruleViolations(() => referral.recordConsent('given', TODAY, 'orientation', [], TODAY))).toEqual(['recipients:notEmpty']);
    });

    it('keeps the file closed to edits while a request at the SIAO waits on hold', () => {
      const atSiao = submitted();
      atSiao.windowClosed();
      expect(() => atSiao.updateFile({ careContinuity: false })).toThrow(ReferralStateError);
      const draft = opened();
      draft.windowClosed();
      expect(kinds(draft.updateFile({ careContinuity: false }))).toEqual(['FileUpdated']);
    });

    it('refuses null for an element: leaving it out keeps it', () => {
      expect(ruleViolations(() => opened().updateFile({ careContinuity: null as unknown as boolean }))).toEqual(['careContinuity:notNull']);
    });

    it('tells the handling of a file from a medical treatment, and screens the consent scope too', () => {
      const referral = opened();
      expect(kinds(referral.updateFile({ socialEvaluation: 'Traitement du dossier RSA en cours; ordonnance du JAP du 3 mars.' }))).toEqual(['FileUpdated']);
      expect(ruleViolations(() => referral.updateFile({ socialEvaluation: 'Il est sous traitement.' }))).toEqual(['socialEvaluation:noHealthData']);
      expect(ruleViolations(() => referral.recordConsent('given', TODAY, 'partage du diagnostic', ['siao'], TODAY))).toEqual(['scope:noHealthData']);
    });

    it('refuses a new consent that drops the SIAO while the request is there: that is a withdrawal', () => {
      const referral = submitted();
      expect(ruleViolations(() => referral.recordConsent('given', TODAY, 'orientation', ['host_structures'], TODAY))).toEqual(['recipients:keepsSiao']);
    });

    it('lets the person withdraw their consent even after the request was withdrawn or closed', () => {
      const referral = submitted();
      referral.withdraw('other_solution', TODAY);
      expect(referral.withdrawConsent(TODAY, TODAY)).toEqual([{ kind: 'ConsentWithdrawn' }]);
      expect(referral.snapshot().consent).toMatchObject({ withdrawnOn: TODAY });
    });

    it('withdraws the request from the SIAO when the person withdraws their consent', () => {
      const referral = submitted();
      expect(referral.withdrawConsent(TODAY, TODAY)).toEqual([{ kind: 'ConsentWithdrawn' }, { kind: 'Withdrawn', reason: 'consent_withdrawn' }]);
      expect(referral.status).toBe('to_complete');
    });

    it('goes back to the SPIP with what is missing when the SIAO returns it, and is submitted again', () => {
      const referral = submitted();
      expect(kinds(referral.returnedIncomplete(['bulletin de salaire'], '2026-10-05'))).toEqual(['Returned']);
      expect(referral.snapshot()).toMatchObject({ status: 'to_complete', returnedMissing: ['bulletin de salaire'], waitingSince: '2026-10-05' });
      referral.submit('2026-10-06');
      expect(referral.snapshot()).toMatchObject({ status: 'submitted', submissions: 2, returnedMissing: [] });
    });

    it('is withdrawn by the SPIP with a reason, which closes its alerts', () => {
      const referral = opened();
      referral.releaseApproaching(90, TODAY);
      expect(referral.withdraw('other_solution', TODAY)).toEqual([
        { kind: 'Withdrawn', reason: 'other_solution' },
        { kind: 'Alert', change: { kind: 'resolved', alert: 'sortie_seche_risk', level: 'watch' } },
      ]);
      expect(() => referral.withdraw('other_solution', TODAY)).toThrow(ReferralStateError);
    });
  });

  describe('the SIAO decisions', () => {
    it('follows scheduling, orientation, proposal, confirmation and entry', () => {
      const referral = submitted();
      referral.decided({ kind: 'scheduled', sessionDate: '2026-10-10' }, TODAY);
      referral.decided({ kind: 'oriented', structureType: 'chrs' }, TODAY);
      referral.decided({ kind: 'placement_proposed', placement }, TODAY);
      expect(referral.status).toBe('placement_proposed');
      referral.decided({ kind: 'placement_confirmed', placement }, TODAY);
      expect(referral.released('2027-03-31', '2027-03-31')).toEqual([{ kind: 'Released', releasedOn: '2027-03-31' }]);
      expect(referral.entered('2027-03-31')).toEqual([{ kind: 'Closed', outcome: 'housed' }]);
    });

    it('ignores a decision that does not fit the current step', () => {
      const referral = opened();
      expect(referral.decided({ kind: 'oriented' }, TODAY)).toEqual([]);
      expect(referral.returnedIncomplete(['x'], TODAY)).toEqual([]);
      const atSiao = submitted();
      atSiao.decided({ kind: 'oriented' }, TODAY);
      expect(atSiao.decided({ kind: 'placement_declined', placementId: 'other', by: 'person' }, TODAY)).toEqual([]);
    });

    it('keeps a decision taken while the window is closed for when it reopens', () => {
      const referral = submitted();
      referral.windowClosed();
      referral.decided({ kind: 'oriented' }, TODAY);
      expect(referral.status).toBe('on_hold');
      referral.windowReopened(window, TODAY);
      expect(referral.status).toBe('oriented');
    });
  });

  describe('alerts', () => {
    it('raises and escalates the sortie-sèche risk with the milestones, and a confirmed placement resolves it', () => {
      const referral = submitted();
      expect(referral.releaseApproaching(90, TODAY)).toEqual([{ kind: 'Alert', change: { kind: 'raised', alert: 'sortie_seche_risk', level: 'watch' } }]);
      expect(referral.releaseApproaching(30, TODAY)).toEqual([{ kind: 'Alert', change: { kind: 'escalated', alert: 'sortie_seche_risk', from: 'watch', level: 'warning' } }]);
      expect(referral.highestOpenAlertLevel()).toBe('warning');
      referral.decided({ kind: 'oriented' }, TODAY);
      expect(referral.decided({ kind: 'placement_confirmed', placement }, TODAY)).toContainEqual(
        { kind: 'Alert', change: { kind: 'resolved', alert: 'sortie_seche_risk', level: 'warning' } });
      expect(referral.releaseApproaching(7, TODAY)).toEqual([]);
      expect(referral.highestOpenAlertLevel()).toBeUndefined();
    });

    it('raises it again when a confirmed placement is cancelled', () => {
      const referral = submitted();
      referral.releaseApproaching(30, TODAY);
      referral.decided({ kind: 'placement_confirmed', placement }, TODAY);
      referral.decided({ kind: 'placement_cancelled', placementId: 'pl1' }, TODAY);
      expect(referral.releaseApproaching(7, TODAY)).toEqual([{ kind: 'Alert', change: { kind: 'raised', alert: 'sortie_seche_risk', level: 'critical' } }]);
    });

    it('raises "LSC at risk" once, unless housing is confirmed', () => {
      const referral = opened();
      expect(referral.lscReviewDue(TODAY)).toEqual([{ kind: 'Alert', change: { kind: 'raised', alert: 'lsc_at_risk', level: 'critical' } }]);
      expect(referral.lscReviewDue(TODAY)).toEqual([]);
      const housed = submitted();
      housed.decided({ kind: 'placement_confirmed', placement }, TODAY);
      expect(housed.lscReviewDue(TODAY)).toEqual([]);
    });

    it('raises a stall alert after 14 days to complete, resolved by the submission', () => {
      const referral = opened();
      expect(referral.stallCheck('2026-10-15', DEFAULT_STALL_POLICY)).toEqual([]);
      expect(referral.stallCheck('2026-10-16', DEFAULT_STALL_POLICY)).toEqual([{ kind: 'Alert', change: { kind: 'raised', alert: 'stalled_incomplete', level: 'warning' } }]);
      expect(referral.stallCheck('2026-10-17', DEFAULT_STALL_POLICY)).toEqual([]);
      referral.updateFile(COMPLETE);
      referral.recordConsent('given', TODAY, 'orientation', ['siao'], '2026-10-17');
      expect(referral.submit('2026-10-17')).toContainEqual({ kind: 'Alert', change: { kind: 'resolved', alert: 'stalled_incomplete', level: 'warning' } });
    });

    it('raises a stall alert after 10 working days without a decision, counting holidays out', () => {
      const referral = submitted();
      // Submitted on Thursday 1 October 2026: the eleventh working day after it is Friday the 16th.
      expect(referral.stallCheck('2026-10-15', DEFAULT_STALL_POLICY)).toEqual([]);
      expect(referral.stallCheck('2026-10-16', DEFAULT_STALL_POLICY)).toEqual([{ kind: 'Alert', change: { kind: 'raised', alert: 'stalled_no_decision', level: 'warning' } }]);
      expect(referral.decided({ kind: 'deferred', reason: 'no_place_now', reconsiderOn: '2026-11-01' }, '2026-10-16'))
        .toContainEqual({ kind: 'Alert', change: { kind: 'resolved', alert: 'stalled_no_decision', level: 'warning' } });
    });
  });

  describe('release', () => {
    const reasonAtRelease = (prepare: (referral: Referral) => void) => {
      const referral = submitted();
      prepare(referral);
      return referral.released('2027-03-31', '2027-03-31').find((c) => c.kind === 'SortieSecheRecorded');
    };

    it('records one sortie sèche with the reason of the step it stopped at, resolves its alerts, and closes', () => {
      const referral = opened();
      referral.releaseApproaching(30, TODAY);
      expect(referral.released('2027-03-31', '2027-03-31')).toEqual([
        { kind: 'SortieSecheRecorded', reason: 'request_incomplete', releasedOn: '2027-03-31' },
        { kind: 'Alert', change: { kind: 'resolved', alert: 'sortie_seche_risk', level: 'warning' } },
        { kind: 'Closed', outcome: 'released_without_placement' },
      ]);
      expect(referral.released('2027-03-31', '2027-03-31')).toEqual([]);
      expect(referral.releaseApproaching(7, TODAY)).toEqual([]);
    });

    it.each([
      ['no_decision', (r: Referral) => r.decided({ kind: 'scheduled', sessionDate: TODAY }, TODAY)],
      ['no_place', (r: Referral) => r.decided({ kind: 'oriented' }, TODAY)],
      ['refused', (r: Referral) => r.decided({ kind: 'refused', reason: 'not_eligible' }, TODAY)],
      ['request_on_hold', (r: Referral) => r.windowClosed()],
      ['declined_by_person', (r: Referral) => {
        r.decided({ kind: 'oriented' }, TODAY);
        r.decided({ kind: 'placement_proposed', placement }, TODAY);
        r.decided({ kind: 'placement_declined', placementId: 'pl1', by: 'person' }, TODAY);
      }],
      ['no_place', (r: Referral) => {
        r.decided({ kind: 'oriented' }, TODAY);
        r.decided({ kind: 'placement_proposed', placement }, TODAY);
        r.decided({ kind: 'placement_declined', placementId: 'pl1', by: 'structure' }, TODAY);
      }],
    ])('names "%s" as the reason', (reason, prepare) => {
      expect(reasonAtRelease(prepare)).toMatchObject({ reason });
    });

    it('drops the place, and waits for the release, when a no-show is reported before the person is out', () => {
      const referral = submitted();
      referral.decided({ kind: 'placement_confirmed', placement }, TODAY);
      expect(kinds(referral.noShow(TODAY))).toEqual(['Decided']);
      expect(referral.snapshot()).toMatchObject({ status: 'oriented', placement: undefined });
      expect(referral.released('2027-03-31', '2027-03-31')[0]).toMatchObject({ reason: 'no_place' });
    });

    it('reopens a request withdrawn as "release cancelled" when the window opens again', () => {
      const referral = opened();
      referral.withdraw('release_cancelled', TODAY);
      expect(referral.windowReopened({ ...window, expectedReleaseDate: '2027-06-30' }, '2026-12-01')).toEqual([{ kind: 'Resumed' }]);
      expect(referral.snapshot()).toMatchObject({ status: 'to_complete', expectedReleaseDate: '2027-06-30', waitingSince: '2026-12-01' });
    });

    it('counts a request withdrawn because the person declined it, not one withdrawn for another solution', () => {
      const declined = opened();
      declined.withdraw('person_declined', TODAY);
      expect(declined.released('2027-03-31', '2027-03-31')).toEqual([{ kind: 'SortieSecheRecorded', reason: 'declined_by_person', releasedOn: '2027-03-31' }]);
      expect(declined.released('2027-03-31', '2027-03-31')).toEqual([]);
      const solved = opened();
      solved.withdraw('other_solution', TODAY);
      expect(solved.released('2027-03-31', '2027-03-31')).toEqual([{ kind: 'Released', releasedOn: '2027-03-31' }]);
    });

    it('counts a no-show at the confirmed place as a sortie sèche on the release date', () => {
      const referral = submitted();
      referral.decided({ kind: 'placement_confirmed', placement }, TODAY);
      referral.released('2027-03-30', '2027-03-30');
      expect(referral.noShow('2027-04-01')).toEqual([
        { kind: 'SortieSecheRecorded', reason: 'no_show', releasedOn: '2027-03-30' },
        { kind: 'Closed', outcome: 'no_show' },
      ]);
    });
  });
});
