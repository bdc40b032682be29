import { Placement, StructureRequest } from '../commission/housing-types';
import { placementStatusLabel } from '../commission/labels';

/** What the structure has to do on a request oriented to it. */
export type NextStep = 'answer' | 'awaiting_confirmation' | 'record_entry' | 'done';

/** The structure's latest answer to the request (the API gives only this structure's placements). */
export function latestPlacement(request: Pick<StructureRequest, 'placements'>): Placement | undefined {
  const open = request.placements.find((p) => p.status === 'proposed' || p.status === 'confirmed');
  return open ?? request.placements.at(-1);
}

export function nextStep(request: Pick<StructureRequest, 'placements' | 'status'>): NextStep {
  const placement = latestPlacement(request);
  if (placement?.status === 'confirmed') return 'record_entry';
  if (placement?.status === 'proposed') return 'awaiting_confirmation';
  if (request.status === 'oriented' && (!placement || placement.status === 'cancelled')) return 'answer';
  return 'done';
}

const STEP_LABELS: Record<NextStep, string> = {
  answer: 'À traiter : pré-admettre ou refuser',
  awaiting_confirmation: 'Pré-admise, en attente de la confirmation du SIAO',
  record_entry: 'Place confirmée : enregistrer l’entrée',
  done: '',
};

/** The list's "where it stands" for the structure. */
export function stepLabel(request: Pick<StructureRequest, 'placements' | 'status'>): string {
  const step = nextStep(request);
  if (step !== 'done') return STEP_LABELS[step];
  const placement = latestPlacement(request);
  return placement ? placementStatusLabel(placement.status) : 'Sans suite';
}

/** The entry date to offer: the release day, or today when the release is already past (the server checks the window). */
export function defaultEntryDate(expectedReleaseDate: string, today: string): string {
  return expectedReleaseDate < today ? today : expectedReleaseDate;
}
