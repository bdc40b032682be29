import { Occupancy, Pool } from './occupancy';
import { placesNeeded, RequestFile } from './request-file';
import { Structure } from './structure';

/** The acceptance rules a household can fail at a structure. */
export type Mismatch = 'gender' | 'couples' | 'children' | 'animals' | 'reducedMobility' | 'territory';

/**
 * Why a structure does not fit a household; empty when it fits. A preferred territory matches the
 * structure's area (accents and case ignored), or names the whole département by its code.
 */
export function mismatchesOf(structure: Structure, file: RequestFile): Mismatch[] {
  const { accepts } = structure;
  const { household, needs } = file;
  const mismatches: Mismatch[] = [];
  if (household.applicantGender === 'man' ? !accepts.men : !accepts.women) mismatches.push('gender');
  if (household.composition.startsWith('couple') && !accepts.couples) mismatches.push('couples');
  if (household.childrenAges.length > 0 && !accepts.children) mismatches.push('children');
  if (needs.animals && !accepts.animals) mismatches.push('animals');
  if (needs.reducedMobility && !accepts.reducedMobility) mismatches.push('reducedMobility');
  if (!inPreferredTerritory(structure, file.preferredTerritories)) mismatches.push('territory');
  return mismatches;
}

export function inPreferredTerritory(structure: Pick<Structure, 'area' | 'departement'>, territories: string[]): boolean {
  const area = normalised(structure.area);
  return territories.some((territory) => territory.trim() === structure.departement || normalised(territory) === area);
}

const NORMALISED = new Map<string, string>();
const NORMALISED_KEPT = 10_000;

/**
 * Accents, case and separators dropped. Remembered: a queue compares a few dozen place names
 * thousands of times, and Unicode normalisation is the costly part of matching.
 */
export function normalised(text: string): string {
  let result = NORMALISED.get(text);
  if (result === undefined) {
    result = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s'’-]+/g, ' ').trim();
    if (NORMALISED.size >= NORMALISED_KEPT) NORMALISED.clear();
    NORMALISED.set(text, result);
  }
  return result;
}

export interface CandidatePlace {
  structure: Structure;
  pool: Pool;
  /** Places of that contingent bookable from the release date. */
  free: number;
}

const BY_NAME = new Intl.Collator('fr');

/** Pools in the order the commission offers them: reserved justice places first. */
const POOL_ORDER: Record<Pool, number> = { justice: 0, general: 1, volante: 2 };

/**
 * The places that fit a request and are free from its release date: the household is accepted,
 * the territory is one it asked for, and enough places stay free from that date.
 */
export function candidatePlaces(file: RequestFile, releaseDate: string, emergency: boolean, occupancies: Occupancy[]): CandidatePlace[] {
  const places = placesNeeded(file);
  const candidates: CandidatePlace[] = [];
  for (const occupancy of occupancies) {
    if (mismatchesOf(occupancy.structure, file).length > 0) continue;
    const available = occupancy.poolFor(releaseDate, places, emergency);
    if (available) candidates.push({ structure: occupancy.structure, ...available });
  }
  return candidates.sort((a, b) => POOL_ORDER[a.pool] - POOL_ORDER[b.pool] || b.free - a.free || BY_NAME.compare(a.structure.name, b.structure.name));
}
