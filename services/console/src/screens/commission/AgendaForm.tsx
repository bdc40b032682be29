import { FormEvent, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { fieldState } from '../../ui/field-state';
import { formatShortDate } from '../../ui/dates';
import { Paging } from '../../ui/Paging';
import { commissionApi, commissionKeys } from './commission-api';
import { FormErrors } from './FormErrors';
import { householdLabel, releaseCountdown, shortId } from './labels';

const PAGE_SIZE = 10;

/** Puts requests of the review queue on the session's agenda, the nearest release first. */
export function AgendaForm({ sessionId, departement }: { sessionId: string; departement: string }) {
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<string[]>([]);
  const queue = useQuery({
    queryKey: commissionKeys.queue(departement, page, PAGE_SIZE),
    queryFn: () => commissionApi.queue(departement, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const scheduled = useMutation({
    mutationFn: () => commissionApi.schedule(sessionId, chosen),
    onSuccess: async () => {
      setChosen([]);
      await queryClient.invalidateQueries({ queryKey: commissionKeys.all });
    },
  });
  const waiting = (queue.data?.items ?? []).filter((e) => e.request.session?.id !== sessionId);
  const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((c) => c !== id) : [...current, id]));
  function submit(event: FormEvent) {
    event.preventDefault();
    scheduled.mutate();
  }
  return (
    <form onSubmit={submit} aria-labelledby="agenda-form-title">
      <h2 id="agenda-form-title" className="fr-h4">Ajouter des demandes à l’ordre du jour</h2>
      <FormErrors error={scheduled.error} fields={['requestIds']} />
      {waiting.length === 0 ? (
        <p>Aucune autre demande de la file d’examen sur cette page.</p>
      ) : (
        <Checkbox
          legend="Demandes de la file d’examen"
          {...fieldState(scheduled.error, 'requestIds')}
          options={waiting.map(({ request }) => ({
            label: `Demande ${shortId(request.id)} — sortie le ${formatShortDate(request.expectedReleaseDate)} (${releaseCountdown(request.daysToRelease)})`,
            hintText: `${householdLabel(request.file.household)}${request.session ? ` — déjà inscrite à la commission du ${formatShortDate(request.session.date)}` : ''}`,
            nativeInputProps: { checked: chosen.includes(request.id), onChange: () => toggle(request.id), name: 'requestIds', value: request.id },
          }))}
        />
      )}
      {queue.data && <Paging page={page} pageSize={PAGE_SIZE} total={queue.data.total} onPage={setPage} />}
      <Button type="submit" disabled={scheduled.isPending || chosen.length === 0}>Inscrire à l’ordre du jour ({chosen.length})</Button>
    </form>
  );
}
