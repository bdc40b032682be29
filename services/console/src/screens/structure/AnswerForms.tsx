import { FormEvent, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { fieldState } from '../../ui/field-state';
import { formatDate, parisToday } from '../../ui/dates';
import { FormErrors } from '../commission/FormErrors';
import { STRUCTURE_REFUSAL_REASON_LABELS } from '../commission/labels';
import { StructureRequest } from '../commission/housing-types';
import { structureApi, structureKeys } from './structure-api';
import { defaultEntryDate } from './structure-view';

/** The structure's answer to an orientation: a pre-admission with an entry date, or a refusal with its reason. */
export function AnswerForms({ request, structureId }: { request: StructureRequest; structureId: string }) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-6"><PreAdmitForm request={request} structureId={structureId} /></div>
      <div className="fr-col-12 fr-col-md-6"><RefuseForm request={request} structureId={structureId} /></div>
    </div>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: structureKeys.all });
}

function PreAdmitForm({ request, structureId }: { request: StructureRequest; structureId: string }) {
  const refresh = useRefresh();
  const [entryDate, setEntryDate] = useState(defaultEntryDate(request.expectedReleaseDate, parisToday()));
  const preAdmitted = useMutation({ mutationFn: () => structureApi.preAdmit(request.requestId, structureId, entryDate), onSuccess: refresh });
  function submit(event: FormEvent) {
    event.preventDefault();
    preAdmitted.mutate();
  }
  return (
    <form onSubmit={submit} aria-labelledby="pre-admit-title">
      <h2 id="pre-admit-title" className="fr-h4">Pré-admettre</h2>
      <FormErrors error={preAdmitted.error} fields={['entryDate', 'structureId']} />
      <Input
        label="Date d’entrée"
        hintText={`Entre la sortie et 15 jours après : du ${formatDate(request.entryWindow.from)} au ${formatDate(request.entryWindow.to)}`}
        nativeInputProps={{ type: 'date', value: entryDate, onChange: (e) => setEntryDate(e.target.value), name: 'entryDate' }}
        {...fieldState(preAdmitted.error, 'entryDate')}
      />
      <Button type="submit" disabled={preAdmitted.isPending}>Pré-admettre</Button>
    </form>
  );
}

function RefuseForm({ request, structureId }: { request: StructureRequest; structureId: string }) {
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const refused = useMutation({ mutationFn: () => structureApi.refuse(request.requestId, structureId, reason), onSuccess: refresh });
  function submit(event: FormEvent) {
    event.preventDefault();
    refused.mutate();
  }
  return (
    <form onSubmit={submit} aria-labelledby="refuse-title">
      <h2 id="refuse-title" className="fr-h4">Refuser la pré-admission</h2>
      <FormErrors error={refused.error} fields={['reason', 'structureId']} />
      <Select
        label="Motif du refus"
        nativeSelectProps={{ value: reason, onChange: (e) => setReason(e.target.value), name: 'reason' }}
        {...fieldState(refused.error, 'reason')}
      >
        <option value="">— Choisir un motif —</option>
        {Object.entries(STRUCTURE_REFUSAL_REASON_LABELS).map(([code, label]) => (
          <option key={code} value={code}>{label}</option>
        ))}
      </Select>
      <Button type="submit" priority="secondary" disabled={refused.isPending}>Refuser</Button>
    </form>
  );
}
