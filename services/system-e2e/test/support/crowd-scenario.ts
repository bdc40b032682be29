import { addDays, addMonths, addYears } from '@passerelle/domain-kernel';

/**
 * The crowd: several hundred people of one département, seeded so every run plays the same story.
 * Each cohort exercises one way a detention's calendar goes (already inside the window, opening
 * later, never opening, moved out and back, moved in, released early); each person with a request
 * has a fate for the commission (housed, oriented with no place, refused, no decision, never
 * completed). Dates are given as offsets from the first day so the story reads in days.
 */
export type Cohort = 'inWindow' | 'opensLater' | 'beyond' | 'movedOut' | 'releasedOnHold' | 'movedIn' | 'earlyRelease';
export type Fate = 'housed' | 'noPlace' | 'refused' | 'noDecision' | 'incomplete';

export interface CrowdPerson {
  ecrou: string;
  lastName: string;
  firstNames: string;
  birthDate: string;
  incarcerationDate: string;
  sentenceEndDate: string;
  /** The expected release date of the first import. */
  releaseDate: string;
  cohort: Cohort;
  fate: Fate;
  /** The date the corrected registry export gives instead (the nightly re-import moving a date). */
  correctedReleaseDate?: string;
  /** The date the SPIP moves the release to at the first step (public API). */
  movedReleaseDate?: string;
  /** The step at which the person leaves early (aménagement), whatever the expected date. */
  earlyReleaseAtStep?: number;
}

export interface CrowdScenario {
  departement: string;
  firstDay: string;
  stepDays: number;
  steps: number;
  people: CrowdPerson[];
}

/** Days from the first day to each step, and the step's calendar day. */
export function stepDay(scenario: CrowdScenario, step: number): string {
  return addDays(scenario.firstDay, step * scenario.stepDays);
}

export function lastDay(scenario: CrowdScenario): string {
  return stepDay(scenario, scenario.steps);
}

const FIRST_DAY = '2031-01-13';

/** Cohort sizes (520 people) and release dates as day offsets [from, to] from the first day. */
const COHORTS: Array<{ cohort: Cohort; size: number; release: [number, number]; movedTo?: [number, number]; earlyReleaseAtStep?: number }> = [
  { cohort: 'inWindow', size: 160, release: [10, 170] },
  { cohort: 'opensLater', size: 220, release: [190, 260] },
  { cohort: 'beyond', size: 60, release: [460, 560] },
  { cohort: 'movedOut', size: 30, release: [100, 150], movedTo: [300, 330] },
  { cohort: 'releasedOnHold', size: 10, release: [100, 150], movedTo: [320, 340], earlyReleaseAtStep: 4 },
  { cohort: 'movedIn', size: 30, release: [400, 450], movedTo: [60, 120] },
  { cohort: 'earlyRelease', size: 10, release: [500, 560], earlyReleaseAtStep: 2 },
];

/** Only people whose request the commission can see get a fate other than never completed. */
const WITH_FATES: Cohort[] = ['inWindow', 'opensLater', 'movedIn'];
const FATES: Array<[Fate, number]> = [['housed', 0.3], ['noPlace', 0.08], ['refused', 0.06], ['noDecision', 0.1]];
const CORRECTED_PER_COHORT = 20;

const LAST_NAMES = ['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'Fontaine'];
const FIRST_NAMES = ['Karim', 'Léa', 'Jean', 'Sofia', 'Mehdi', 'Paul', 'Inès', 'Hugo', 'Nadia', 'Louis', 'Yanis', 'Chloé'];

/** Mulberry32: a small seeded generator, so the crowd is the same at every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function crowdScenario(departement: string, seed = 7_2031): CrowdScenario {
  const random = seededRandom(seed);
  const between = ([from, to]: [number, number]) => from + Math.floor(random() * (to - from + 1));
  const people: CrowdPerson[] = [];
  for (const spec of COHORTS) {
    for (let i = 0; i < spec.size; i += 1) {
      const releaseDate = addDays(FIRST_DAY, between(spec.release));
      // A third serve short sentences (two years at most): the automatic LSC is examined for them.
      const incarcerationDate = random() < 0.3 ? addMonths(releaseDate, -20) : addDays(addYears(releaseDate, -4), -between([0, 300]));
      const index = people.length;
      people.push({
        ecrou: `${departement}${String(100_000 + index)}`,
        lastName: `${LAST_NAMES[index % LAST_NAMES.length]}-${index}`,
        firstNames: FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)],
        birthDate: addDays('1965-01-01', between([0, 12_000])),
        incarcerationDate,
        sentenceEndDate: releaseDate,
        releaseDate,
        cohort: spec.cohort,
        fate: WITH_FATES.includes(spec.cohort) ? fateFrom(random()) : 'incomplete',
        ...(spec.movedTo ? { movedReleaseDate: addDays(FIRST_DAY, between(spec.movedTo)) } : {}),
        ...(spec.earlyReleaseAtStep ? { earlyReleaseAtStep: spec.earlyReleaseAtStep } : {}),
      });
    }
  }
  correct(people.filter((p) => p.cohort === 'inWindow' && p.releaseDate >= addDays(FIRST_DAY, 60)).slice(0, CORRECTED_PER_COHORT), -7);
  correct(people.filter((p) => p.cohort === 'opensLater').slice(0, CORRECTED_PER_COHORT), 14);
  return { departement, firstDay: FIRST_DAY, stepDays: 21, steps: 13, people };
}

function fateFrom(draw: number): Fate {
  let bound = 0;
  for (const [fate, share] of FATES) {
    bound += share;
    if (draw < bound) return fate;
  }
  return 'incomplete';
}

function correct(people: CrowdPerson[], days: number): void {
  for (const person of people) person.correctedReleaseDate = addDays(person.releaseDate, days);
}

const HEADER = 'ecrou;establishment_code;establishment_name;last_name;first_names;birth_date;spip_departement;destination_departement;incarceration_date;sentence_end_date;expected_release_date;expected_release_kind';

/** The prison registry's export, as the greffe sends it; `corrected` gives the corrected dates. */
export function registryCsv(scenario: CrowdScenario, corrected = false): string {
  const { departement } = scenario;
  const rows = scenario.people.map((p) => [
    p.ecrou, `CP-${departement}`, `"Centre pénitentiaire ${departement}; quartier hommes"`, p.lastName, p.firstNames, p.birthDate,
    departement, departement, p.incarcerationDate, p.sentenceEndDate,
    corrected && p.correctedReleaseDate ? p.correctedReleaseDate : p.releaseDate, 'end_of_sentence',
  ].join(';'));
  return [HEADER, ...rows].join('\n');
}

/**
 * Codes no other test uses, taken in turn minute by minute: a run on a broker that kept earlier
 * runs' records never meets their people (every service replays its topics from the start).
 * The crowd takes the even places, the fault test the odd ones, so they never share one either.
 */
export const UNUSED_DEPARTEMENTS = [
  '09', '10', '11', '14', '16', '17', '18', '22', '25', '26', '27', '28', '29', '30', '32', '33', '34',
  '35', '36', '37', '38', '39', '40', '41', '42', '43', '44', '45', '46', '47', '49', '51', '52', '53', '54', '55', '56',
  '57', '58', '60', '61', '62', '64', '65', '66', '67', '68', '70', '71', '72', '73', '74', '76', '77', '78', '79', '80',
  '81', '82', '83', '85', '86', '88', '89', '91', '973',
];

export function departementForRun(kind: 'crowd' | 'faults', now = Date.now()): string {
  const pairs = UNUSED_DEPARTEMENTS.length / 2;
  const turn = Math.floor(now / 60_000) % pairs;
  return UNUSED_DEPARTEMENTS[2 * turn + (kind === 'crowd' ? 0 : 1)];
}
