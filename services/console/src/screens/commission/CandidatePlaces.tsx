import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { candidatesSummary, groupCandidates } from './candidates';
import { Candidate } from './housing-types';
import { POOL_LABELS, structureTypeLabel } from './labels';

/** A request's candidate places, each contingent apart: the reserved justice places, droit commun, the volantes. */
export function CandidatePlaces({ candidates, total }: { candidates: Candidate[]; total: number }) {
  const groups = groupCandidates(candidates);
  return (
    <div>
      <p className="fr-text--sm fr-mb-1w">{candidatesSummary(candidates.length, total)}</p>
      {groups.map((group) => (
        <div key={group.pool} className="fr-mb-1w">
          <p className="fr-text--sm fr-text--bold fr-mb-0">{POOL_LABELS[group.pool]}</p>
          <ul className="fr-text--sm fr-mb-0">
            {group.candidates.map((c) => (
              <li key={c.structureId}>
                {c.name} — {structureTypeLabel(c.type)}, {c.area} : {c.free} libre{c.free > 1 ? 's' : ''}
                {group.pool === 'volante' && <Tag small className="fr-ml-1w">urgence</Tag>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
