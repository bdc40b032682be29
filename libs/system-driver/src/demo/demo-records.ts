import { ReleaseKind } from '@passerelle/contracts';
import { addDays, addMonths, addYears } from '@passerelle/domain-kernel';
import {
  DEMO_SIZE, DemoDepartement, FIRST_NAMES_MEN, FIRST_NAMES_WOMEN, LAST_NAMES, STRUCTURE_KINDS, STRUCTURE_NAMES,
} from './demo-territory';
import { SeededRandom } from './seeded-random';

const HEADER = 'ecrou;establishment_code;establishment_name;last_name;first_names;birth_date;spip_departement;incarceration_date;sentence_end_date;expected_release_date;expected_release_kind';

const RELEASE_KINDS_SEEN: ReadonlyArray<readonly [ReleaseKind, number]> = [
  ['end_of_sentence', 55], ['lsc', 15], ['liberation_conditionnelle', 10], ['ddse', 10], ['placement_exterieur', 5], ['semi_liberte', 5],
];
/** Sentences in months: many short ones (maisons d'arrêt), fewer long ones. */
const SENTENCES: ReadonlyArray<readonly [[number, number], number]> = [[[3, 12], 40], [[12, 36], 35], [[36, 120], 25]];

/**
 * A département's registry export as the greffes send it (CSV, `;`), releases spread over the next
 * 18 months from `today`. Seeded by the département, so the same file for the same day.
 */
export function registryExportOf(departement: DemoDepartement, today: string): string {
  const random = new SeededRandom(seedOf(`detentions-${departement.code}`));
  const lines = [HEADER];
  departement.prisons.forEach((prison, p) => {
    for (let i = 0; i < DEMO_SIZE.detentionsPerPrison; i += 1) {
      const woman = random.next() < 0.1;
      const release = addDays(today, random.between(1, DEMO_SIZE.releaseWithinDays));
      const [shortest, longest] = random.weighted(SENTENCES);
      const sentenced = addMonths(release, -random.between(shortest, longest));
      const incarceration = sentenced < today ? sentenced : addDays(today, -random.between(7, 60));
      const kind = random.weighted(RELEASE_KINDS_SEEN);
      const sentenceEnd = kind === 'end_of_sentence' ? release : addDays(release, random.between(30, 400));
      lines.push([
        String(20_000 + p * 5_000 + i * 7), prison.code, prison.name, random.pick(LAST_NAMES),
        random.pick(woman ? FIRST_NAMES_WOMEN : FIRST_NAMES_MEN), addDays(addYears(today, -random.between(19, 64)), -random.between(0, 364)),
        departement.code, incarceration, sentenceEnd, release, kind,
      ].map(csvCell).join(';'));
    }
  });
  return `${lines.join('\n')}\n`;
}

export interface DemoStructure {
  name: string;
  type: string;
  departement: string;
  area: string;
  capacity: number;
  reservedJusticePlaces: number;
  volantePlaces: number;
  accepts: { men: boolean; women: boolean; couples: boolean; children: boolean; animals: boolean; reducedMobility: boolean };
}

/** The département's structures, each with places fléchées justice; the first ones in its main commune. */
export function structuresOf(departement: DemoDepartement): DemoStructure[] {
  const random = new SeededRandom(seedOf(`structures-${departement.code}`));
  return STRUCTURE_NAMES.slice(0, DEMO_SIZE.structuresPerDepartement).map((name, i) => {
    const kind = random.weighted(STRUCTURE_KINDS);
    const capacity = random.between(...kind.capacity);
    const family = kind.type === 'iml' || kind.type === 'logement' || kind.type === 'residence_sociale';
    return {
      name: `${kind.label} ${name}`,
      type: kind.type,
      departement: departement.code,
      area: departement.communes[i < 4 ? 0 : random.between(0, departement.communes.length - 1)],
      capacity,
      reservedJusticePlaces: Math.min(capacity, random.between(...kind.reserved)),
      volantePlaces: random.between(...kind.volantes),
      accepts: {
        men: i % 7 !== 3, women: i % 7 !== 1 || family, couples: family, children: family,
        animals: random.next() < 0.3, reducedMobility: random.next() < 0.4,
      },
    };
  });
}

function csvCell(value: string): string {
  return /[;"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}
