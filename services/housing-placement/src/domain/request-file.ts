import type {
  ApplicantGenderName, ConsentRecipientName, HouseholdCompositionName, ResourceKindName, RightName,
} from '@passerelle/contracts';

/** What the SPIP submitted: what orientation needs, no identity, no evaluation text, no diagnosis. */
export interface RequestFile {
  household: { composition: HouseholdCompositionName; applicantGender: ApplicantGenderName; childrenAges: number[] };
  needs: { reducedMobility: boolean; animals: boolean };
  resources: ResourceKindName[];
  rightsToReopen: RightName[];
  preferredTerritories: string[];
  /** A flag the person chose to disclose, never a diagnosis. */
  careContinuity: boolean;
  consent: { givenOn: string; recipients: ConsentRecipientName[] };
}

/** One place per person of the household: places are counted per bed, as the SIAO counts them. */
export function placesNeeded(file: RequestFile): number {
  const { composition, childrenAges } = file.household;
  return (composition.startsWith('couple') ? 2 : 1) + childrenAges.length;
}

export function consentCovers(file: RequestFile, recipient: ConsentRecipientName): boolean {
  return file.consent.recipients.includes(recipient);
}

/**
 * The completeness check of the SIAO: what is missing or inconsistent in a submission, written
 * for the SPIP officer who must fix it. Empty when the request can go to the commission.
 */
export function missingElements(file: RequestFile, today: string): string[] {
  const missing: string[] = [];
  const { composition, childrenAges } = file.household;
  const withChildren = composition.endsWith('_with_children');
  if (withChildren && childrenAges.length === 0) missing.push(`household.childrenAges: the ages of the children of a household ${composition}`);
  if (!withChildren && childrenAges.length > 0) missing.push(`household.composition: a household ${composition} cannot have children listed`);
  if (file.resources.includes('none') && file.resources.length > 1) missing.push('resources: "none" cannot be given with other resources');
  if (!consentCovers(file, 'siao')) missing.push('consent.recipients: the consent must name the SIAO');
  if (file.consent.givenOn > today) missing.push(`consent.givenOn: the consent is dated in the future (${file.consent.givenOn})`);
  if (file.preferredTerritories.every((territory) => territory.trim() === '')) missing.push('preferredTerritories: at least one territory');
  return missing;
}
