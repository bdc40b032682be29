import { FormEvent, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { fieldState } from '../../ui/field-state';
import { formatDate, parisToday } from '../../ui/dates';
import { commissionApi, commissionKeys } from './commission-api';
import { FormErrors } from './FormErrors';
import { openForAgenda } from './sessions';

/**
 * Puts the request on a session's agenda: a decision belongs to a session, and the server takes one
 * only for a request on that session's agenda, once the commission has met.
 */
export function ScheduleForm({ requestId, departement, currentSessionId }: { requestId: string; departement: string; currentSessionId?: string }) {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: commissionKeys.sessions(departement), queryFn: () => commissionApi.sessions(departement) });
  const open = openForAgenda(sessions.data ?? [], parisToday()).filter((s) => s.id !== currentSessionId);
  const [sessionId, setSessionId] = useState('');
  const chosen = sessionId || open[0]?.id || '';
  const scheduled = useMutation({
    mutationFn: () => commissionApi.schedule(chosen, [requestId]),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commissionKeys.all }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    scheduled.mutate();
  }
  return (
    <form onSubmit={submit} aria-labelledby="schedule-title">
      <h2 id="schedule-title" className="fr-h4">{currentSessionId ? 'Inscrire à une autre commission' : 'Inscrire à l’ordre du jour d’une commission'}</h2>
      <FormErrors error={scheduled.error} fields={['sessionId', 'requestIds']} />
      {open.length === 0 ? (
        <p>Aucune commission à venir dans ce département : planifiez-en une depuis l’onglet Commissions.</p>
      ) : (
        <>
          <Select
            label="Commission"
            nativeSelectProps={{ value: chosen, onChange: (e) => setSessionId(e.target.value), name: 'sessionId' }}
            {...fieldState(scheduled.error, 'sessionId')}
          >
            {open.map((s) => (
              <option key={s.id} value={s.id}>Commission du {formatDate(s.sessionDate)}</option>
            ))}
          </Select>
          <Button type="submit" priority="secondary" disabled={scheduled.isPending}>Inscrire à l’ordre du jour</Button>
        </>
      )}
    </form>
  );
}
