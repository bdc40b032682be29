import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { ALERT_LEVEL_LABELS, ALERT_LEVEL_SEVERITY, statusLabel } from './labels';
import type { AlertLevel, ReferralStatus } from './referral-types';

/** The alert level in words, coloured too: colour is never the only signal. */
export function AlertBadge({ level }: { level?: AlertLevel }) {
  if (!level) return <span>Aucune alerte</span>;
  return (
    <Badge as="span" small severity={ALERT_LEVEL_SEVERITY[level]}>
      {`Alerte ${ALERT_LEVEL_LABELS[level].toLowerCase()}`}
    </Badge>
  );
}

export function StatusBadge({ status, returned = false }: { status?: ReferralStatus; returned?: boolean }) {
  return (
    <>
      <Badge as="span" small noIcon severity={status ? undefined : 'new'}>
        {statusLabel(status)}
      </Badge>
      {returned && (
        <Badge as="span" small severity="warning" className="fr-ml-1v">
          Renvoyée par le SIAO
        </Badge>
      )}
    </>
  );
}
