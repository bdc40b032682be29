import { PlacementStanding } from './release-outlook';

/**
 * What each event changes in the 12-week outlook, as pure data: where a detention stands in the
 * release calendar, what a placement's latest event says of it, and that a structure's places
 * changed (their figures are the indicators' `places` effect, kept once for both).
 */
export type OutlookEffect =
  | { kind: 'release'; detentionId: string; personId: string; departement: string; expectedOn: string; releasedOn?: string }
  | { kind: 'placement'; placementId: string; personId: string; structureId: string; siaoDepartement: string; standing: PlacementStanding; entryDate?: string }
  | { kind: 'places'; departement: string };

type Data = Record<string, unknown>;

const text = (data: Data, field: string) => data[field] as string;

/** The release-calendar events that say where a detention's release stands; each carries the whole of it. */
const RELEASE_EVENTS = new Set([
  'release-calendar.detention.registered', 'release-calendar.release-date.changed', 'release-calendar.person.transferred', 'release-calendar.person.released',
]);

/**
 * Placement events and the standing they leave: a flagged placement (the release moved past its
 * entry window) is still booked until the structure acts; the structure's refusal of a
 * pre-admission never booked anything, so it is not here.
 */
const PLACEMENT_STANDINGS: Record<string, PlacementStanding> = {
  'housing-placement.placement.confirmed': 'confirmed',
  'housing-placement.placement.flagged': 'confirmed',
  'housing-placement.person.entered': 'entered',
  'housing-placement.placement.cancelled': 'ended',
  'housing-placement.placement.declined': 'ended',
  'housing-placement.person.no-show': 'ended',
};

export function outlookEffectsOf(type: string, data: Data): OutlookEffect[] {
  const name = type.replace(/\.v\d+$/, '');
  if (RELEASE_EVENTS.has(name)) {
    return [{
      kind: 'release', detentionId: text(data, 'detentionId'), personId: text(data, 'personId'), departement: text(data, 'destinationDepartement'),
      expectedOn: text(data, 'expectedReleaseDate'), ...(name === 'release-calendar.person.released' ? { releasedOn: text(data, 'releasedOn') } : {}),
    }];
  }
  const standing = PLACEMENT_STANDINGS[name];
  if (standing) {
    return [{
      kind: 'placement', placementId: text(data, 'placementId'), personId: text(data, 'personId'), structureId: text(data, 'structureId'),
      siaoDepartement: text(data, 'siaoDepartement'), standing, ...(typeof data.entryDate === 'string' ? { entryDate: data.entryDate } : {}),
    }];
  }
  if (name === 'housing-placement.capacity.changed') return [{ kind: 'places', departement: text(data, 'siaoDepartement') }];
  return [];
}
