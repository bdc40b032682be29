/** Ways out of prison (DOMAIN.md, "A detention's calendar"). */
export const RELEASE_KINDS = [
  'end_of_sentence',
  'lsc',
  'liberation_conditionnelle',
  'placement_exterieur',
  'semi_liberte',
  'ddse',
] as const;

export type ReleaseKind = (typeof RELEASE_KINDS)[number];
