import { FormEvent, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { fieldState } from '../../ui/field-state';
import { formatDate } from '../../ui/dates';
import { commissionApi, commissionKeys } from './commission-api';
import { decisionBody, DecisionForm as Form, DecisionKind, EMPTY_DECISION } from './decision-form';
import { FormErrors } from './FormErrors';
import { Candidate } from './housing-types';
import {
  DEFERRAL_REASON_LABELS, POOL_LABELS, REFUSAL_REASON_LABELS, STRUCTURE_TYPE_LABELS, structureTypeLabel,
} from './labels';

const KINDS: { kind: DecisionKind; label: string }[] = [
  { kind: 'orientation', label: 'Orienter' },
  { kind: 'deferral', label: 'Ajourner' },
  { kind: 'refusal', label: 'Refuser' },
];

const FIELDS = ['structureType', 'structureId', 'preconisation', 'reason', 'reconsiderOn', 'decision'];

interface Props {
  requestId: string;
  departement: string;
  session: { id: string; date: string };
  /** The queue's candidate places, offered first when the screen was opened from the queue. */
  candidates: Candidate[];
}

/** The commission's decision on a request of its agenda: orient, defer (ajournement) or refuse. */
export function DecisionForm({ requestId, departement, session, candidates }: Props) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(EMPTY_DECISION);
  const structures = useQuery({ queryKey: commissionKeys.structures(departement), queryFn: () => commissionApi.structures(departement) });
  const decided = useMutation({
    mutationFn: () => commissionApi.decide(session.id, decisionBody(requestId, form)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commissionKeys.all }),
  });
  const set = (change: Partial<Form>) => setForm((current) => ({ ...current, ...change }));
  const candidateIds = new Set(candidates.map((c) => c.structureId));
  const others = (structures.data ?? []).filter((s) => !candidateIds.has(s.id));
  const typeOf = (id: string) => candidates.find((c) => c.structureId === id)?.type ?? structures.data?.find((s) => s.id === id)?.type ?? '';

  function submit(event: FormEvent) {
    event.preventDefault();
    decided.mutate();
  }

  return (
    <form onSubmit={submit} aria-labelledby="decision-title">
      <h2 id="decision-title" className="fr-h4">Décision de la commission du {formatDate(session.date)}</h2>
      <p className="fr-text--sm">La commission décide le jour où elle se réunit, ou après.</p>
      <FormErrors error={decided.error} fields={FIELDS} />
      <RadioButtons
        legend="Décision"
        name="decision"
        orientation="horizontal"
        options={KINDS.map(({ kind, label }) => ({
          label,
          nativeInputProps: { value: kind, checked: form.kind === kind, onChange: () => set({ kind }) },
        }))}
      />
      {form.kind === 'orientation' && (
        <>
          <Select
            label="Structure d’accueil"
            hint="Facultatif si la commission oriente vers un type de structure seulement"
            nativeSelectProps={{ value: form.structureId, name: 'structureId', onChange: (e) => set({ structureId: e.target.value, structureType: typeOf(e.target.value) || form.structureType }) }}
            {...fieldState(decided.error, 'structureId')}
          >
            <option value="">— Aucune structure désignée —</option>
            {candidates.length > 0 && (
              <optgroup label="Places candidates">
                {candidates.map((c) => (
                  <option key={c.structureId} value={c.structureId}>{c.name} ({c.area}) — {POOL_LABELS[c.pool]} : {c.free} libre{c.free > 1 ? 's' : ''}</option>
                ))}
              </optgroup>
            )}
            {others.length > 0 && (
              <optgroup label={candidates.length > 0 ? 'Autres structures du département' : 'Structures du département'}>
                {others.map((s) => (
                  <option key={s.id} value={s.id}>{s.name} ({s.area}) — {structureTypeLabel(s.type)}</option>
                ))}
              </optgroup>
            )}
          </Select>
          <Select
            label="Type de structure"
            nativeSelectProps={{ value: form.structureType, name: 'structureType', onChange: (e) => set({ structureType: e.target.value }) }}
            {...fieldState(decided.error, 'structureType')}
          >
            <option value="">— Choisir un type —</option>
            {Object.entries(STRUCTURE_TYPE_LABELS).map(([code, label]) => (
              <option key={code} value={code}>{label}</option>
            ))}
          </Select>
          <Input
            textArea
            label="Préconisation pour la structure"
            hintText="Ce que la structure doit savoir pour l’accueil. Aucune donnée de santé : ni diagnostic, ni traitement."
            nativeTextAreaProps={{ value: form.preconisation, name: 'preconisation', rows: 3, onChange: (e) => set({ preconisation: e.target.value }) }}
            {...fieldState(decided.error, 'preconisation')}
          />
        </>
      )}
      {form.kind === 'deferral' && (
        <>
          <Select
            label="Motif d’ajournement"
            nativeSelectProps={{ value: form.deferralReason, name: 'reason', onChange: (e) => set({ deferralReason: e.target.value }) }}
            {...fieldState(decided.error, 'reason')}
          >
            <option value="">— Choisir un motif —</option>
            {Object.entries(DEFERRAL_REASON_LABELS).map(([code, label]) => (
              <option key={code} value={code}>{label}</option>
            ))}
          </Select>
          <Input
            label="Réexaminer le"
            nativeInputProps={{ type: 'date', value: form.reconsiderOn, name: 'reconsiderOn', onChange: (e) => set({ reconsiderOn: e.target.value }) }}
            {...fieldState(decided.error, 'reconsiderOn')}
          />
        </>
      )}
      {form.kind === 'refusal' && (
        <Select
          label="Motif de refus"
          nativeSelectProps={{ value: form.refusalReason, name: 'reason', onChange: (e) => set({ refusalReason: e.target.value }) }}
          {...fieldState(decided.error, 'reason')}
        >
          <option value="">— Choisir un motif —</option>
          {Object.entries(REFUSAL_REASON_LABELS).map(([code, label]) => (
            <option key={code} value={code}>{label}</option>
          ))}
        </Select>
      )}
      <Button type="submit" disabled={decided.isPending}>Enregistrer la décision</Button>
    </form>
  );
}
