import { FormEvent, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { fieldState } from '../../ui/field-state';
import { commissionApi, commissionKeys } from './commission-api';
import { missingItems } from './decision-form';
import { FormErrors } from './FormErrors';

/** The completeness check: the request goes back to the SPIP with what is missing, one item per line. */
export function ReturnForm({ requestId }: { requestId: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const returned = useMutation({
    mutationFn: () => commissionApi.returnIncomplete(requestId, missingItems(text)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commissionKeys.all }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    returned.mutate();
  }
  return (
    <form onSubmit={submit} aria-labelledby="return-title">
      <h2 id="return-title" className="fr-h4">Vérifier la complétude</h2>
      <FormErrors error={returned.error} fields={['missing']} />
      <Input
        textArea
        label="Pièces ou informations manquantes"
        hintText="Une par ligne ; la demande est renvoyée au SPIP, qui la complète et la soumet à nouveau."
        nativeTextAreaProps={{ value: text, onChange: (e) => setText(e.target.value), name: 'missing', rows: 3 }}
        {...fieldState(returned.error, 'missing')}
      />
      <Button type="submit" priority="secondary" disabled={returned.isPending}>Renvoyer au SPIP</Button>
    </form>
  );
}
