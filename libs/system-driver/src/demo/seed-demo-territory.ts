import { addDays } from '@passerelle/domain-kernel';
import { JsonCall, strictJsonClient } from '../api-client';
import { todayOf } from '../clock-driver';
import { ServiceUrls } from '../services';
import { tokens } from '../tokens';
import { registryExportOf, structuresOf } from './demo-records';
import { DEMO_DEPARTEMENTS, DemoDepartement } from './demo-territory';

export interface SeededDepartement {
  code: string;
  name: string;
  /** Detentions the release-calendar holds for the département, and how many this run imported. */
  detentions: number;
  imported: number;
  structures: number;
  structuresCreated: number;
  reservedPlaces: number;
  session: { id: string; sessionDate: string; created: boolean };
  /** One structure of the département, to mint a structure user's token for. */
  aStructure: { id: string; name: string };
}

const THURSDAY = 4;

/**
 * Loads the demo territory through the services' public APIs, as the greffes, the SPIPs and the
 * SIAOs would: the registry export of each département (only if the département has no detention
 * yet, so a second run adds nothing and moves no date), the structures missing by name, and a
 * commission session when the département has none.
 */
export async function seedDemoTerritory(urls: ServiceUrls, departements: DemoDepartement[] = DEMO_DEPARTEMENTS): Promise<SeededDepartement[]> {
  const today = await todayOf(urls);
  const seeded: SeededDepartement[] = [];
  for (const departement of departements) {
    const calendar = await seedDetentions(urls, departement, today);
    const places = await seedStructures(strictJsonClient(urls['housing-placement']), departement);
    const session = await seedSession(strictJsonClient(urls['housing-placement']), departement, today);
    seeded.push({ code: departement.code, name: departement.name, ...calendar, ...places, session });
  }
  return seeded;
}

async function seedDetentions(urls: ServiceUrls, departement: DemoDepartement, today: string) {
  const spip = tokens.of('spip', [departement.code]);
  const count = async () => (await strictJsonClient(urls['release-calendar'])('GET', `/v1/detentions?departement=${departement.code}&pageSize=1`, spip)).body.total as number;
  const held = await count();
  if (held > 0) return { detentions: held, imported: 0 };
  const response = await fetch(`${urls['release-calendar']}/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${spip}`, 'content-type': 'text/csv' },
    body: registryExportOf(departement, today),
  });
  const report = (await response.json()) as { created: number; rejected: unknown[] };
  if (!response.ok || report.rejected.length > 0) throw new Error(`import of ${departement.code} answered ${response.status}: ${JSON.stringify(report).slice(0, 500)}`);
  return { detentions: await count(), imported: report.created };
}

async function seedStructures(housing: JsonCall, departement: DemoDepartement) {
  const siao = tokens.of('siao', [departement.code]);
  const existing = async () => (await housing('GET', `/v1/structures?departement=${departement.code}`, siao)).body as Array<{ id: string; name: string; reservedJusticePlaces: number }>;
  const names = new Set((await existing()).map((structure) => structure.name));
  const missing = structuresOf(departement).filter((structure) => !names.has(structure.name));
  for (const structure of missing) await housing('POST', '/v1/structures', siao, structure);
  const all = await existing();
  return {
    structures: all.length,
    structuresCreated: missing.length,
    reservedPlaces: all.reduce((sum, structure) => sum + structure.reservedJusticePlaces, 0),
    aStructure: { id: all[0].id, name: all[0].name },
  };
}

async function seedSession(housing: JsonCall, departement: DemoDepartement, today: string) {
  const siao = tokens.of('siao', [departement.code]);
  const sessions = (await housing('GET', `/v1/sessions?departement=${departement.code}&from=2000-01-01`, siao)).body as Array<{ id: string; sessionDate: string }>;
  if (sessions.length > 0) return { id: sessions[0].id, sessionDate: sessions[0].sessionDate, created: false };
  const sessionDate = nextWeekday(today, THURSDAY);
  const members = [`SIAO ${departement.code}`, `SPIP ${departement.code}`, `DDETS ${departement.code}`, 'CHRS Les Lauriers'];
  const planned = await housing('POST', '/v1/sessions', siao, { departement: departement.code, sessionDate, members });
  return { id: planned.body.id as string, sessionDate, created: true };
}

/** The first `weekday` (0 Sunday … 6 Saturday) strictly after `date`. */
export function nextWeekday(date: string, weekday: number): string {
  for (let next = addDays(date, 1); ; next = addDays(next, 1)) {
    if (new Date(`${next}T12:00:00Z`).getUTCDay() === weekday) return next;
  }
}
