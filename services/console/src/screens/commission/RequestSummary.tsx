import { formatDate } from '../../ui/dates';
import { HousingRequest } from './housing-types';
import {
  decisionLabel, deferralReasonLabel, householdLabel, needsLabel, refusalReasonLabel, releaseCountdown, requestStatusLabel,
  resourcesLabel, rightsLabel, structureTypeLabel,
} from './labels';

/** What the commission reads of a request: the release, the household and its needs, where it stands. */
export function RequestSummary({ request, structureName }: { request: HousingRequest; structureName?: string }) {
  const { file } = request;
  const rows: [string, string][] = [
    ['État', requestStatusLabel(request.status)],
    ['Sortie prévue', `${formatDate(request.expectedReleaseDate)} (${releaseCountdown(request.daysToRelease)})`],
    ['Fenêtre d’entrée', `du ${formatDate(request.entryWindow.from)} au ${formatDate(request.entryWindow.to)}`],
    ['Ménage', householdLabel(file.household)],
    ['Besoins', needsLabel(file.needs)],
    ['Ressources', resourcesLabel(file.resources)],
    ['Droits à rouvrir', rightsLabel(file.rightsToReopen)],
    ['Territoires souhaités', file.preferredTerritories.join(', ') || '—'],
    ['Reçue le', `${formatDate(request.receivedOn)} (soumission n° ${request.submission})`],
  ];
  if (request.session) rows.push(['Commission', `du ${formatDate(request.session.date)}`]);
  if (request.orientation) {
    const target = [request.orientation.structureId && (structureName ?? 'structure désignée'), request.orientation.structureType && structureTypeLabel(request.orientation.structureType)].filter(Boolean).join(' — ');
    rows.push([decisionLabel('orientation'), `${target}, décidée le ${formatDate(request.orientation.decidedOn)}`]);
    if (request.orientation.preconisation) rows.push(['Préconisation', request.orientation.preconisation]);
  }
  if (request.deferral) rows.push([decisionLabel('deferral'), `${deferralReasonLabel(request.deferral.reason)}, réexamen le ${formatDate(request.deferral.reconsiderOn)}`]);
  if (request.refusal) rows.push([decisionLabel('refusal'), refusalReasonLabel(request.refusal.reason)]);
  if (request.missing.length) rows.push(['Manquant', request.missing.join(' ; ')]);
  return (
    <dl className="fr-grid-row fr-mb-3w">
      {rows.map(([term, value]) => (
        <div key={term} className="fr-col-12 fr-grid-row fr-py-1v" style={{ borderBottom: '1px solid var(--border-default-grey)' }}>
          <dt className="fr-col-12 fr-col-md-3 fr-text--bold">{term}</dt>
          <dd className="fr-col-12 fr-col-md-9 fr-m-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
