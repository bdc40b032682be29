import { randomUUID } from 'node:crypto';
import { addDays, addMonths } from '@passerelle/domain-kernel';
import { nextWeekday } from '../demo/seed-demo-territory';
import { until } from './until';
import { StoryWorld } from './story-world';

const THURSDAY = 4;

export interface Person {
  personId: string;
  detentionId: string;
  identity: { lastName: string; firstNames: string; birthDate: string };
  ecrou: string;
  expectedReleaseDate: string;
}

/** The greffe's registration of a detention, through the SPIP's API, with the person's id in Passerelle. */
export async function registerDetention(
  world: StoryWorld,
  identity: Person['identity'],
  dates: { incarcerationDate: string; sentenceEndDate: string; expectedReleaseDate: string },
): Promise<Person> {
  const personId = randomUUID();
  const ecrou = `${world.today.slice(2, 4)}${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
  const { code, name } = world.settings.establishment;
  const registered = await world.calendar('POST', '/v1/detentions', world.spip, {
    personId, identity, ecrou, establishmentCode: code, establishmentName: name, spipDepartement: world.departement,
    ...dates, expectedReleaseKind: 'end_of_sentence',
  });
  return { personId, detentionId: registered.body.id, identity, ecrou, expectedReleaseDate: dates.expectedReleaseDate };
}

/** The département's window, in months before release (6 unless the SIAO set it otherwise). */
export async function windowMonthsOf(world: StoryWorld): Promise<number> {
  return (await world.calendar('GET', `/v1/departements/${world.departement}/settings`, world.spip)).body.windowMonths;
}

/** The SIAO request opened for the person: its id comes with the `request.opened` webhook, as to the SPIP's system. */
export async function referralOf(world: StoryWorld, person: Person) {
  const opened = await until(`the request of ${person.personId}`, async () =>
    world.webhooks.about(person.personId).find((webhook) => webhook.type === 'referral.request.opened'));
  return (await world.referral('GET', `/v1/referrals/${opened.data.referralId}`, world.spip)).body;
}

/** Waits until the SPIP sees the request in the state `accepts` looks for. */
export async function referralWhen(world: StoryWorld, referralId: string, what: string, accepts: (referral: { status: string; releasedOn?: string }) => boolean) {
  return until(`request ${referralId} ${what}`, async () => {
    const { body } = await world.referral('GET', `/v1/referrals/${referralId}`, world.spip);
    return accepts(body) ? body : undefined;
  });
}

/** The request as it waits in the SIAO's review queue, with its candidate places. */
export async function queueEntryOf(world: StoryWorld, referralId: string) {
  return until(`request ${referralId} in the review queue of ${world.departement}`, async () => {
    for (let page = 1; ; page += 1) {
      const { body } = await world.housing('GET', `/v1/queue?departement=${world.departement}&pageSize=500&page=${page}`, world.siao);
      const entry = body.items.find((item: { request: { referralId: string } }) => item.request.referralId === referralId);
      if (entry || body.items.length === 0 || page * 500 >= body.total) return entry;
    }
  });
}

/** The next commission session of the département from today, planned for next Thursday if there is none. */
export async function nextSession(world: StoryWorld): Promise<{ id: string; sessionDate: string; planned: boolean }> {
  const { body } = await world.housing('GET', `/v1/sessions?departement=${world.departement}&from=${world.today}`, world.siao);
  const upcoming = (body as Array<{ id: string; sessionDate: string }>).filter((s) => s.sessionDate >= world.today).sort((a, b) => a.sessionDate.localeCompare(b.sessionDate))[0];
  if (upcoming) return { ...upcoming, planned: false };
  const sessionDate = nextWeekday(world.today, THURSDAY);
  const members = [`SIAO ${world.departement}`, `SPIP ${world.departement}`, `DDETS ${world.departement}`];
  const planned = await world.housing('POST', '/v1/sessions', world.siao, { departement: world.departement, sessionDate, members });
  return { id: planned.body.id, sessionDate, planned: true };
}

/** A day `months` months (then `days` days) from `date`. */
export function shifted(date: string, months: number, days = 0): string {
  return addDays(addMonths(date, months), days);
}
