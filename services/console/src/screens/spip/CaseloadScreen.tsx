import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useCurrentSession } from '../../session/session-context';
import { QueryState } from '../../ui/QueryState';
import { Paging } from '../../ui/Paging';
import { formatShortDate, parisToday } from '../../ui/dates';
import { AlertBadge, StatusBadge } from './Badges';
import { byUrgency, CaseloadFilter, caseloadRows, CaseloadRow, filterRows, horizonEnd, pageOf, servicesToday } from './caseload';
import { ALERT_LEVEL_LABELS, daysCountLabel, NO_REFERRAL_LABEL, STATUS_LABELS } from './labels';
import type { AlertLevel, ReferralStatus } from './referral-types';
import { useSpipReferrals, useUpcomingDetentions } from './spip-api';

const PAGE_SIZE = 25;
const HORIZONS = [3, 6, 12];

function row(item: CaseloadRow) {
  const name = `${item.lastName.toUpperCase()} ${item.firstNames}`;
  return [
    item.referralId ? <Link to={`/spip/demandes/${item.referralId}`}>{name}</Link> : name,
    item.establishmentName,
    formatShortDate(item.expectedReleaseDate),
    daysCountLabel(item.daysToRelease),
    <StatusBadge status={item.status} returned={item.returned} />,
    <AlertBadge level={item.alertLevel} />,
  ];
}

/** The SPIP's upcoming releases in its départements, most urgent first. */
export function CaseloadScreen() {
  const { departements } = useCurrentSession();
  const [departement, setDepartement] = useState<string>('');
  const [months, setMonths] = useState(6);
  const [filter, setFilter] = useState<CaseloadFilter>({});
  const [page, setPage] = useState(1);

  const referrals = useSpipReferrals(departement || undefined);
  const today = referrals.data ? servicesToday(referrals.data, parisToday()) : undefined;
  const detentions = useUpcomingDetentions(departement || undefined, today && horizonEnd(today, months));

  const rows = useMemo(
    () => (detentions.data && referrals.data && today ? byUrgency(caseloadRows(detentions.data, referrals.data, today)) : []),
    [detentions.data, referrals.data, today],
  );
  const shown = filterRows(rows, filter);
  const change = (next: () => void) => {
    next();
    setPage(1);
  };

  return (
    <>
      <h1>Sorties à venir</h1>
      <p>
        Les personnes suivies par votre SPIP dont la sortie est prévue dans les {months} prochains mois, par ordre d’urgence :
        d’abord les alertes critiques, puis les sorties les plus proches.
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-3">
          <Select label="Département" nativeSelectProps={{ value: departement, onChange: (e) => change(() => setDepartement(e.target.value)) }}>
            <option value="">Tous mes départements</option>
            {departements.map((code) => <option key={code} value={code}>{code}</option>)}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Select label="Sorties prévues d’ici" nativeSelectProps={{ value: months, onChange: (e) => change(() => setMonths(Number(e.target.value))) }}>
            {HORIZONS.map((m) => <option key={m} value={m}>{m} mois</option>)}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Select
            label="Statut de la demande"
            nativeSelectProps={{ value: filter.status ?? '', onChange: (e) => change(() => setFilter({ ...filter, status: (e.target.value || undefined) as CaseloadFilter['status'] })) }}
          >
            <option value="">Tous les statuts</option>
            <option value="none">{NO_REFERRAL_LABEL}</option>
            {(Object.keys(STATUS_LABELS) as ReferralStatus[]).map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Select
            label="Alerte"
            nativeSelectProps={{ value: filter.alertLevel ?? '', onChange: (e) => change(() => setFilter({ ...filter, alertLevel: (e.target.value || undefined) as CaseloadFilter['alertLevel'] })) }}
          >
            <option value="">Toutes</option>
            <option value="any">Avec une alerte ouverte</option>
            {(Object.keys(ALERT_LEVEL_LABELS) as AlertLevel[]).map((l) => <option key={l} value={l}>{ALERT_LEVEL_LABELS[l]}</option>)}
            <option value="none">Sans alerte</option>
          </Select>
        </div>
      </div>
      <QueryState isLoading={referrals.isLoading || detentions.isLoading} error={referrals.error ?? detentions.error}>
        <div aria-live="polite">
          <Table
            caption={`Sorties à venir par ordre d’urgence : ${shown.length} personne${shown.length > 1 ? 's' : ''}`}
            headers={['Personne', 'Établissement', 'Sortie prévue', 'Jours avant la sortie', 'Demande SIAO', 'Alerte']}
            data={pageOf(shown, page, PAGE_SIZE).map(row)}
            fixed
          />
          {shown.length === 0 && <p>Aucune sortie ne correspond à ces critères.</p>}
        </div>
        <Paging page={page} pageSize={PAGE_SIZE} total={shown.length} onPage={setPage} />
      </QueryState>
    </>
  );
}
