import type { ApplicantGender, HouseholdComposition, ReferralFile, ResourceKind, RightName, RightStatus } from './referral-types';

export const RIGHTS: RightName[] = ['identity_papers', 'health_insurance', 'bank_account', 'france_travail', 'rsa_or_aah'];
export const RESOURCES: ResourceKind[] = ['rsa', 'aah', 'are', 'salary', 'none'];

type YesNo = '' | 'yes' | 'no';

/** The completion form as the officer fills it: every answer may still be blank. */
export interface FileForm {
  composition: '' | HouseholdComposition;
  applicantGender: '' | ApplicantGender;
  /** Ages separated by commas: "4, 7". */
  childrenAges: string;
  reducedMobility: YesNo;
  animals: YesNo;
  resources: ResourceKind[];
  rights: Record<RightName, '' | RightStatus>;
  /** One territory per line. */
  preferredTerritories: string;
  careContinuity: YesNo;
  socialEvaluation: string;
}

/** The fields of PATCH /v1/referrals/:id the form shows, as the server names them in its refusals. */
export const FILE_FIELDS = [
  'household.composition', 'household.applicantGender', 'household.childrenAges', 'household', 'needs.reducedMobility', 'needs.animals',
  'needs', 'resources', ...RIGHTS.map((right) => `rights.${right}`), 'rights', 'preferredTerritories', 'careContinuity', 'socialEvaluation',
];

const yesNo = (value: boolean | undefined): YesNo => (value === undefined ? '' : value ? 'yes' : 'no');
const fromYesNo = (value: YesNo): boolean | undefined => (value === '' ? undefined : value === 'yes');

export function formOf(file: ReferralFile): FileForm {
  return {
    composition: file.household?.composition ?? '',
    applicantGender: file.household?.applicantGender ?? '',
    childrenAges: (file.household?.childrenAges ?? []).join(', '),
    reducedMobility: yesNo(file.needs?.reducedMobility),
    animals: yesNo(file.needs?.animals),
    resources: [...(file.resources ?? [])],
    rights: Object.fromEntries(RIGHTS.map((right) => [right, file.rights[right] ?? ''])) as FileForm['rights'],
    preferredTerritories: (file.preferredTerritories ?? []).join('\n'),
    careContinuity: yesNo(file.careContinuity),
    socialEvaluation: file.socialEvaluation ?? '',
  };
}

/** An age that is not a whole number travels as written, so that the server names it next to the field. */
function ages(text: string): unknown[] {
  return text.split(/[,;\s]+/).filter(Boolean).map((token) => (/^\d+$/.test(token) ? Number(token) : token));
}

/**
 * The PATCH body: each element the officer answered, and nothing left blank (a partial update keeps what it
 * does not name). An element answered in part (a household without gender) is sent as it is: the server's
 * refusal then names the missing answer next to its field, rather than the console guessing its rules.
 */
export function patchOf(form: FileForm, held: ReferralFile): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (form.composition || form.applicantGender || form.childrenAges.trim()) {
    body.household = { composition: form.composition || undefined, applicantGender: form.applicantGender || undefined, childrenAges: ages(form.childrenAges) };
  }
  if (form.reducedMobility || form.animals) body.needs = { reducedMobility: fromYesNo(form.reducedMobility), animals: fromYesNo(form.animals) };
  if (form.resources.length > 0) body.resources = [...form.resources];
  const rights = Object.fromEntries(RIGHTS.filter((right) => form.rights[right]).map((right) => [right, form.rights[right]]));
  if (Object.keys(rights).length > 0) body.rights = rights;
  const territories = form.preferredTerritories.split('\n').map((line) => line.trim()).filter(Boolean);
  if (territories.length > 0) body.preferredTerritories = territories;
  if (form.careContinuity) body.careContinuity = fromYesNo(form.careContinuity);
  // A text the officer emptied is sent empty, so that it is emptied on the server too.
  if (form.socialEvaluation.trim() || held.socialEvaluation) body.socialEvaluation = form.socialEvaluation;
  return body;
}

/** "none" excludes every other resource: choosing it clears them, choosing another clears it. */
export function toggleResource(resources: ResourceKind[], kind: ResourceKind, checked: boolean): ResourceKind[] {
  if (!checked) return resources.filter((r) => r !== kind);
  if (kind === 'none') return ['none'];
  return [...resources.filter((r) => r !== 'none' && r !== kind), kind];
}
