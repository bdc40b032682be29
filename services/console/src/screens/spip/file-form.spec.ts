import { formOf, patchOf, toggleResource } from './file-form';
import type { ReferralFile } from './referral-types';

const full: ReferralFile = {
  household: { composition: 'alone_with_children', applicantGender: 'woman', childrenAges: [4, 7] },
  needs: { reducedMobility: false, animals: true },
  resources: ['rsa'],
  rights: { identity_papers: 'open', health_insurance: 'to_reopen', bank_account: 'open', france_travail: 'not_applicable', rsa_or_aah: 'to_reopen' },
  preferredTerritories: ['Marseille', 'Aubagne'],
  careContinuity: true,
  socialEvaluation: 'Projet de retour vers sa sœur.',
};

describe('the completion form and the PATCH body', () => {
  it('sends back exactly the file it was filled from', () => {
    expect(patchOf(formOf(full), full)).toEqual({ ...full });
  });

  it('sends nothing for an empty file, and only what was answered', () => {
    const form = formOf({ rights: {} });
    expect(patchOf(form, { rights: {} })).toEqual({});
    expect(patchOf({ ...form, careContinuity: 'no', rights: { ...form.rights, bank_account: 'open' } }, { rights: {} }))
      .toEqual({ careContinuity: false, rights: { bank_account: 'open' } });
  });

  it('sends an element answered in part as it is, so that the server names what is missing', () => {
    const form = { ...formOf({ rights: {} }), composition: 'alone' as const, reducedMobility: 'yes' as const };
    expect(patchOf(form, { rights: {} })).toEqual({
      household: { composition: 'alone', applicantGender: undefined, childrenAges: [] },
      needs: { reducedMobility: true, animals: undefined },
    });
  });

  it('reads ages and territories from the text, keeping a mistyped age for the server to refuse', () => {
    const form = { ...formOf({ rights: {} }), composition: 'couple_with_children' as const, applicantGender: 'man' as const, childrenAges: '3, dix ; 12' };
    expect(patchOf({ ...form, preferredTerritories: ' Marseille \n\nAix ' }, { rights: {} })).toEqual({
      household: { composition: 'couple_with_children', applicantGender: 'man', childrenAges: [3, 'dix', 12] },
      preferredTerritories: ['Marseille', 'Aix'],
    });
  });

  it('sends an emptied social evaluation, so that it is emptied on the server', () => {
    expect(patchOf({ ...formOf(full), socialEvaluation: '' }, full).socialEvaluation).toBe('');
    expect(patchOf(formOf({ rights: {} }), { rights: {} })).not.toHaveProperty('socialEvaluation');
  });

  it('keeps "no resource" alone', () => {
    expect(toggleResource(['rsa', 'salary'], 'none', true)).toEqual(['none']);
    expect(toggleResource(['none'], 'aah', true)).toEqual(['aah']);
    expect(toggleResource(['rsa', 'aah'], 'rsa', false)).toEqual(['aah']);
  });
});
