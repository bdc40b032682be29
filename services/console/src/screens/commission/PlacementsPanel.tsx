import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formatShortDate } from '../../ui/dates';
import { commissionApi, commissionKeys } from './commission-api';
import { FormErrors } from './FormErrors';
import { HousingRequest, Placement } from './housing-types';
import { placementStatusLabel, POOL_LABELS, structureRefusalReasonLabel } from './labels';

/** The structures' answers to the orientation; the SIAO confirms a pre-admission the person accepted. */
export function PlacementsPanel({ request }: { request: HousingRequest }) {
  const queryClient = useQueryClient();
  const structures = useQuery({ queryKey: commissionKeys.structures(request.siaoDepartement), queryFn: () => commissionApi.structures(request.siaoDepartement) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: commissionKeys.all });
  const confirm = useMutation({ mutationFn: (id: string) => commissionApi.confirm(id), onSuccess: refresh });
  const decline = useMutation({ mutationFn: (id: string) => commissionApi.declinedByPerson(id), onSuccess: refresh });
  const placements = request.placements ?? [];
  const nameOf = (id: string) => structures.data?.find((s) => s.id === id)?.name ?? `Structure ${id.slice(0, 8)}`;
  const busy = confirm.isPending || decline.isPending;

  const actions = (p: Placement) =>
    p.status === 'proposed' && request.status === 'oriented' ? (
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        <Button size="small" disabled={busy} onClick={() => confirm.mutate(p.id)}>Confirmer la place</Button>
        <Button size="small" priority="secondary" disabled={busy} onClick={() => decline.mutate(p.id)}>La personne décline</Button>
      </div>
    ) : null;

  return (
    <section aria-labelledby="placements-title">
      <h2 id="placements-title" className="fr-h4">Réponses des structures</h2>
      <FormErrors error={confirm.error ?? decline.error} fields={[]} />
      {placements.length === 0 ? (
        <p>Aucune structure n’a encore répondu à l’orientation.</p>
      ) : (
        <Table
          noCaption
          caption="Pré-admissions et places"
          headers={['Structure', 'Réponse', 'Entrée prévue', 'Contingent', 'Action']}
          data={placements.map((p) => [
            nameOf(p.structureId),
            <>
              {placementStatusLabel(p.status)}
              {p.refusalReason && <><br /><span className="fr-text--xs">{structureRefusalReasonLabel(p.refusalReason)}</span></>}
              {p.flagged && <><br /><span className="fr-text--xs">Date d’entrée hors de la fenêtre de sortie</span></>}
            </>,
            formatShortDate(p.entryDate),
            p.pool ? POOL_LABELS[p.pool] : '—',
            actions(p),
          ])}
        />
      )}
    </section>
  );
}
