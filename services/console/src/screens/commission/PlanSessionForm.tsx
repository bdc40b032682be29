import { FormEvent, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { fieldState } from '../../ui/field-state';
import { commissionApi, commissionKeys } from './commission-api';
import { membersOf } from './decision-form';
import { FormErrors } from './FormErrors';
import { CommissionSession } from './housing-types';

/** Plans a commission session of the département: its date and its members. */
export function PlanSessionForm({ departement, onPlanned }: { departement: string; onPlanned(session: CommissionSession): void }) {
  const queryClient = useQueryClient();
  const [sessionDate, setSessionDate] = useState('');
  const [members, setMembers] = useState(`SIAO ${departement}\nSPIP ${departement}\nDDETS ${departement}`);
  const planned = useMutation({
    mutationFn: () => commissionApi.planSession({ departement, sessionDate, members: membersOf(members) }),
    onSuccess: async (session) => {
      await queryClient.invalidateQueries({ queryKey: commissionKeys.sessions(departement) });
      onPlanned(session);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    planned.mutate();
  }
  return (
    <form onSubmit={submit} aria-labelledby="plan-title" style={{ maxWidth: '36rem' }}>
      <h2 id="plan-title" className="fr-h4">Planifier une commission</h2>
      <FormErrors error={planned.error} fields={['sessionDate', 'members', 'departement']} />
      <Input
        label="Date de la commission"
        nativeInputProps={{ type: 'date', value: sessionDate, onChange: (e) => setSessionDate(e.target.value), name: 'sessionDate' }}
        {...fieldState(planned.error, 'sessionDate')}
      />
      <Input
        textArea
        label="Membres"
        hintText="Un membre par ligne (SIAO, SPIP, DDETS, structures…)"
        nativeTextAreaProps={{ value: members, onChange: (e) => setMembers(e.target.value), name: 'members', rows: 4 }}
        {...fieldState(planned.error, 'members')}
      />
      <Button type="submit" disabled={planned.isPending}>Planifier la commission</Button>
    </form>
  );
}
