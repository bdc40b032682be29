import { Candidate, Pool } from './housing-types';

export interface CandidateGroup {
  pool: Pool;
  candidates: Candidate[];
}

const ORDER: Pool[] = ['justice', 'general', 'volante'];

/**
 * The queue's candidate places by contingent, in the commission's order: places fléchées justice,
 * then droit commun, then volantes (offered only to a release within days); empty groups left out.
 * The server's order inside each group (most free places first) is kept.
 */
export function groupCandidates(candidates: Candidate[]): CandidateGroup[] {
  return ORDER.map((pool) => ({ pool, candidates: candidates.filter((c) => c.pool === pool) })).filter((g) => g.candidates.length > 0);
}

/** "5 places candidates sur 12" when the server showed only the first ones. */
export function candidatesSummary(shown: number, total: number): string {
  if (total === 0) return 'Aucune place disponible ne correspond à la demande';
  const noun = total > 1 ? 'places candidates' : 'place candidate';
  return shown < total ? `${shown} ${noun} affichées sur ${total}` : `${total} ${noun}`;
}
