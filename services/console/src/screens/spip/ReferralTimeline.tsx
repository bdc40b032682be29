import { SECTION } from './layout';
import { formatMoment } from '../../ui/dates';
import type { TimelineEntry } from './referral-types';
import { actorLabel, describeEntry } from './timeline';

/** What happened to the request, oldest first, each line dated and signed. */
export function ReferralTimeline({ timeline }: { timeline: TimelineEntry[] }) {
  return (
    <section className={SECTION} aria-labelledby="historique">
      <h2 id="historique">Historique</h2>
      {timeline.length === 0 ? (
        <p>Rien n’est encore arrivé à cette demande.</p>
      ) : (
        <ol className="fr-pl-0" style={{ listStyle: 'none' }}>
          {timeline.map((entry, index) => (
            <li key={index} className="fr-mb-1w">
              <time dateTime={entry.at} className="fr-text--bold">{formatMoment(entry.at)}</time>
              {' — '}
              {describeEntry(entry)}
              <span className="fr-text--xs fr-ml-1w">({actorLabel(entry.actor)})</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
