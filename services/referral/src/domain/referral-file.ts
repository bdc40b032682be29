import { healthDataViolation } from '@passerelle/domain-kernel';
import { ReferralRuleError, RuleViolation } from './referral-errors';

export type HouseholdComposition = 'alone' | 'couple' | 'alone_with_children' | 'couple_with_children';
export type ResourceKind = 'rsa' | 'aah' | 'are' | 'salary' | 'none';
/** The rights to reopen before release: their delays block entry into housing (DOMAIN.md). */
export type Right = 'identity_papers' | 'health_insurance' | 'bank_account' | 'france_travail' | 'rsa_or_aah';
export type RightStatus = 'open' | 'to_reopen' | 'not_applicable';

export const RIGHTS: readonly Right[] = ['identity_papers', 'health_insurance', 'bank_account', 'france_travail', 'rsa_or_aah'];

export interface Household {
  composition: HouseholdComposition;
  applicantGender: 'man' | 'woman';
  childrenAges: number[];
}

export interface Needs {
  reducedMobility: boolean;
  animals: boolean;
}

/** What the SPIP completes with the person before the request can go to the SIAO. */
export interface ReferralFile {
  household?: Household;
  needs?: Needs;
  resources?: ResourceKind[];
  rights: Partial<Record<Right, RightStatus>>;
  preferredTerritories?: string[];
  /** A flag the person chose to disclose, never a diagnosis or a treatment. */
  careContinuity?: boolean;
  socialEvaluation?: string;
}

/** A partial update: each element given replaces the one held; rights are merged right by right. */
export type FilePatch = Partial<ReferralFile>;

export const emptyFile = (): ReferralFile => ({ rights: {} });

export function patchFile(file: ReferralFile, patch: FilePatch): ReferralFile {
  const violations = patchViolations(patch);
  if (violations.length > 0) throw new ReferralRuleError(violations);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return { ...copyFile(file), ...defined, rights: { ...file.rights, ...patch.rights } };
}

export function copyFile(file: ReferralFile): ReferralFile {
  return structuredClone(file);
}

/** The elements still missing before submission, by field name. */
export function missingElements(file: ReferralFile): RuleViolation[] {
  const missing = (field: string): RuleViolation => ({ field, rule: 'required', message: `${field} is required before submission` });
  const violations: RuleViolation[] = [];
  if (!file.household) violations.push(missing('household'));
  if (!file.needs) violations.push(missing('needs'));
  if (!file.resources?.length) violations.push(missing('resources'));
  for (const right of RIGHTS) if (!file.rights[right]) violations.push(missing(`rights.${right}`));
  if (!file.preferredTerritories?.length) violations.push(missing('preferredTerritories'));
  if (typeof file.careContinuity !== 'boolean') violations.push(missing('careContinuity'));
  if (!file.socialEvaluation?.trim()) violations.push(missing('socialEvaluation'));
  return violations;
}

export function rightsToReopen(file: ReferralFile): Right[] {
  return RIGHTS.filter((right) => file.rights[right] === 'to_reopen');
}

function patchViolations(patch: FilePatch): RuleViolation[] {
  const violations: RuleViolation[] = Object.entries(patch)
    .filter(([, value]) => value === null)
    .map(([field]) => ({ field, rule: 'notNull', message: `${field} cannot be null: leave it out to keep it as it is` }));
  if (patch.household) violations.push(...householdViolations(patch.household));
  if (patch.resources?.includes('none') && patch.resources.length > 1) {
    violations.push({ field: 'resources', rule: 'noneAlone', message: 'resources cannot list "none" with other resources' });
  }
  for (const [field, text] of freeTexts(patch)) {
    const violation = healthDataViolation(field, text);
    if (violation) violations.push(violation);
  }
  return violations;
}

function householdViolations({ composition, childrenAges }: Household): RuleViolation[] {
  const withChildren = composition.endsWith('_with_children');
  if (withChildren && childrenAges.length === 0) {
    return [{ field: 'household.childrenAges', rule: 'requiredWithChildren', message: `household.childrenAges must list the children of a household ${composition}` }];
  }
  if (!withChildren && childrenAges.length > 0) {
    return [{ field: 'household.childrenAges', rule: 'emptyWithoutChildren', message: `household.childrenAges must be empty for a household ${composition}` }];
  }
  return [];
}

function freeTexts(patch: FilePatch): [string, string][] {
  const texts: [string, string][] = (patch.preferredTerritories ?? []).map((territory, index) => [`preferredTerritories[${index}]`, territory]);
  if (patch.socialEvaluation !== undefined) texts.push(['socialEvaluation', patch.socialEvaluation]);
  return texts;
}
