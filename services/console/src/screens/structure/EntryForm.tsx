import { FormEvent, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { fieldState } from '../../ui/field-state';
import { parisToday } from '../../ui/dates';
import { FormErrors } from '../commission/FormErrors';
import { Placement } from '../commission/housing-types';
import { structureApi, structureKeys } from './structure-api';

/** On a confirmed place: the person arrived (the day they did), or the day passed without them. */
export function EntryForm({ placement }: { placement: Placement }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: structureKeys.all });
  const [enteredOn, setEnteredOn] = useState(parisToday());
  const entered = useMutation({ mutationFn: () => structureApi.enter(placement.id, enteredOn), onSuccess: refresh });
  const noShow = useMutation({ mutationFn: () => structureApi.noShow(placement.id), onSuccess: refresh });
  function submit(event: FormEvent) {
    event.preventDefault();
    entered.mutate();
  }
  return (
    <form onSubmit={submit} aria-labelledby="entry-title">
      <h2 id="entry-title" className="fr-h4">Arrivée de la personne</h2>
      <FormErrors error={entered.error ?? noShow.error} fields={['enteredOn']} />
      <Input
        label="Date d’entrée effective"
        nativeInputProps={{ type: 'date', value: enteredOn, onChange: (e) => setEnteredOn(e.target.value), name: 'enteredOn' }}
        {...fieldState(entered.error, 'enteredOn')}
      />
      <div className="fr-btns-group fr-btns-group--inline-md">
        <Button type="submit" disabled={entered.isPending}>Enregistrer l’entrée</Button>
        <Button type="button" priority="secondary" disabled={noShow.isPending} onClick={() => noShow.mutate()}>La personne ne s’est pas présentée</Button>
      </div>
    </form>
  );
}
