/**
 * A national registry export as the prison administration would send it, for the benchmarks:
 * ~190 establishments over the 101 départements (one in each, the rest at random, sizes skewed),
 * unique écrous per establishment, some quoted names holding the separator.
 */
import { RELEASE_KINDS } from '@passerelle/contracts';
import { addDays, random } from './bench-support';

export const ESTABLISHMENTS = 190;
/** The service's text/csv body limit (CSV_LIMIT, 32 MB), with a margin for the header repeated in each chunk. */
const MAX_BODY_BYTES = 31 * 1024 * 1024;

export const HEADER = 'ecrou;establishment_code;establishment_name;last_name;first_names;birth_date;spip_departement;destination_departement;incarceration_date;expected_release_date;expected_release_kind';

/** The 101 départements: 96 in metropolitan France and 5 overseas (975 is a collectivité, not a département). */
export const DEPARTEMENTS = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((code) => code !== '20'),
  '2A', '2B', '971', '972', '973', '974', '976',
];

const LAST_NAMES = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel',
  'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine',
  'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier',
  'François', 'Legrand', 'Gauthier', 'Garcia', 'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu',
  'Benali', 'Haddad', 'Diallo', 'Traoré', 'Nguyen', 'Da Silva', 'Pereira', 'Ferreira', 'Mendy', 'Cissé', 'Kone', 'Saïdi',
  "N'Diaye", 'Le Gall', 'Le Goff', 'Hoarau', 'Payet', 'Grondin', 'Fontaine-Lebrun', 'Zidane', 'Belkacem', 'Meyer',
];
const FIRST_NAMES = [
  'Jean', 'Pierre', 'Michel', 'Nicolas', 'Thomas', 'Julien', 'Kévin', 'Mehdi', 'Karim', 'Sofiane', 'Mohamed', 'Yanis',
  'Léa', 'Sarah', 'Camille', 'Manon', 'Inès', 'Fatou', 'Aminata', 'Nathalie', 'Sandrine', 'Christophe', 'Sébastien', 'David',
  'Anthony', 'Maxime', 'Alexandre', 'Romain', 'Florian', 'Jordan', 'Dylan', 'Bilal', 'Moussa', 'Ibrahim', 'Jérôme', 'Laurent',
  'Stéphane', 'Olivier', 'Frédéric', 'Éric', 'Hugo', 'Lucas', 'Enzo', 'Théo', 'Noah', 'Adam', 'Rayan', 'Lina',
];
const ESTABLISHMENT_KINDS: [code: string, name: string][] = [
  ['MA', "Maison d'arrêt"], ['CP', 'Centre pénitentiaire'], ['CD', 'Centre de détention'], ['MC', 'Maison centrale'], ['CSL', 'Centre de semi-liberté'],
];

interface Establishment {
  code: string;
  name: string;
  departement: string;
  /** Relative size: national files are dominated by a few large establishments. */
  weight: number;
  nextEcrou: number;
}

/** One establishment in each of the 101 départements, the rest where the large ones are. */
function establishments(rand: () => number): Establishment[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const departements = [...DEPARTEMENTS, ...Array.from({ length: ESTABLISHMENTS - DEPARTEMENTS.length }, () => pick(DEPARTEMENTS))];
  const perDepartement = new Map<string, number>();
  return departements.map((departement) => {
    const n = (perDepartement.get(departement) ?? 0) + 1;
    perDepartement.set(departement, n);
    const [kind, label] = pick(ESTABLISHMENT_KINDS);
    // Some names carry the separator, quoted, as real exports do ("Maison d'arrêt de Lyon; Corbas").
    const name = rand() < 0.2 ? `"${label} ${departement}-${n}; site ${n}"` : `${label} ${departement}-${n}`;
    return { code: `${kind}-${departement}-${n}`, name, departement, weight: 0.2 + rand() ** 2 * 4, nextEcrou: 1 };
  });
}

/**
 * A registry export of `count` detentions (the header of registry-import.integration-spec.ts):
 * release dates uniform over the `releaseSpreadDays` after `today`, incarceration 2 weeks to 10
 * years before it, one in ten with another destination département, French names.
 */
export function generateRegistryExport(count: number, seed: number, today: string, releaseSpreadDays = 730): string {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const places = establishments(rand);
  const cumulative: number[] = [];
  places.reduce((sum, place) => (cumulative.push(sum + place.weight), sum + place.weight), 0);
  const total = cumulative[cumulative.length - 1];
  const pickPlace = () => {
    const x = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return places[lo];
  };
  const lines = [HEADER];
  for (let i = 0; i < count; i += 1) {
    const place = pickPlace();
    const ecrou = String(place.nextEcrou++).padStart(6, '0');
    const release = addDays(today, 1 + Math.floor(rand() * releaseSpreadDays));
    // In prison for a few weeks to ten years already; 18 to 70 years old when incarcerated.
    const incarceration = addDays(today, -(14 + Math.floor(rand() * 3650)));
    const birth = addDays(incarceration, -Math.floor((18 + rand() * 52) * 365.25));
    const firstNames = rand() < 0.3 ? `${pick(FIRST_NAMES)} ${pick(FIRST_NAMES)}` : pick(FIRST_NAMES);
    // One in ten will be housed in another département after release.
    const destination = rand() < 0.1 ? pick(DEPARTEMENTS) : '';
    const kind = rand() < 0.7 ? 'end_of_sentence' : pick(RELEASE_KINDS);
    lines.push([ecrou, place.code, place.name, pick(LAST_NAMES), firstNames, birth, place.departement, destination, incarceration, release, kind].join(';'));
  }
  return `${lines.join('\n')}\n`;
}

/** The file as it is when it fits in one body; else chunks of whole lines, each with the header. */
export function bodies(csv: string): string[] {
  if (Buffer.byteLength(csv) <= MAX_BODY_BYTES) return [csv];
  const lines = csv.trimEnd().split('\n').slice(1);
  const chunks: string[] = [];
  let current: string[] = [];
  let bytes = Buffer.byteLength(HEADER) + 1;
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (bytes + size > MAX_BODY_BYTES && current.length > 0) {
      chunks.push(`${[HEADER, ...current].join('\n')}\n`);
      [current, bytes] = [[], Buffer.byteLength(HEADER) + 1];
    }
    current.push(line);
    bytes += size;
  }
  if (current.length > 0) chunks.push(`${[HEADER, ...current].join('\n')}\n`);
  return chunks;
}

/** What `POST /v1/imports` answers. */
export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; reason: string }[];
}
