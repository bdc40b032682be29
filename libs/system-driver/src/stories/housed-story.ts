import { addDays, addMonths, addYears, daysBetween } from '@passerelle/domain-kernel';
import { Person, queueEntryOf, referralOf, referralWhen, registerDetention, nextSession, windowMonthsOf } from './story-steps';
import { StoryWorld } from './story-world';
import { TimelineStep } from './timeline';

export interface StoryOutcome {
  title: string;
  person: Person;
  referralId: string;
  releasedOn: string;
  timeline: TimelineStep[];
}

export interface HousedOutcome extends StoryOutcome {
  housingRequestId: string;
  placementId: string;
  structure: { id: string; name: string; type: string; area: string };
  session: { id: string; sessionDate: string };
}

const IDENTITY = { lastName: 'Kaddouri', firstNames: 'Mehdi', birthDate: '1987-05-14' };
const MILESTONES = [90, 30, 7, 1];

/**
 * The story that ends well: a man registered seven months before his release; the window opens
 * as the weeks pass and the SIAO request opens by itself; the SPIP completes it with him and
 * submits it; the commission orients him to a structure with a free place fléchée justice; the
 * structure pre-admits him for his release day and the SIAO confirms; he is released and enters.
 */
export async function playHousedStory(world: StoryWorld): Promise<HousedOutcome> {
  const timeline = world.newTimeline();
  const spipActor = `SPIP ${world.departement}`;
  const siaoActor = `SIAO ${world.departement}`;
  const release = addMonths(world.today, 7);
  const person = await registerDetention(world, IDENTITY, {
    incarcerationDate: addYears(world.today, -3), sentenceEndDate: release, expectedReleaseDate: release,
  });
  const caused = (types: string[]) => world.webhooks.caused(person.personId, types);
  timeline.add(world.today, 'greffe', `registers ${IDENTITY.firstNames} ${IDENTITY.lastName} (écrou ${person.ecrou}, ${world.settings.establishment.name}): release expected ${release}, 7 months away`,
    await caused(['release-calendar.detention.registered']));

  const windowMonths = await windowMonthsOf(world);
  const opensOn = addMonths(release, -windowMonths);
  for (let week = addDays(world.today, 7); week < opensOn; week = addDays(week, 7)) {
    await world.goTo(week);
    timeline.add(week, 'time', `a week passes: ${daysBetween(week, release)} days to release, the window opens on ${opensOn}`);
  }
  await world.goTo(opensOn);
  timeline.add(opensOn, 'release-calendar', `the reliquat reaches ${windowMonths} months: the window opens, and the SIAO request opens by itself, to complete`,
    await caused(['release-calendar.window.opened', 'referral.request.opened']));
  const referral = await referralOf(world, person);

  await world.goTo(addDays(opensOn, 3));
  await world.referral('PATCH', `/v1/referrals/${referral.id}`, world.spip, {
    household: { composition: 'alone', applicantGender: 'man', childrenAges: [] },
    needs: { reducedMobility: false, animals: false },
    resources: ['rsa'],
    rights: { identity_papers: 'to_reopen', health_insurance: 'to_reopen', bank_account: 'open', france_travail: 'to_reopen', rsa_or_aah: 'to_reopen' },
    preferredTerritories: [world.departement],
    careContinuity: false,
    socialEvaluation: 'Seul, sans logement avant l\'incarcération. Souhaite un hébergement accompagné près de sa famille; projet de formation en cuisine.',
  });
  timeline.add(world.today, spipActor, 'completes the file with him: man alone, RSA, identity papers and health insurance to reopen');
  await world.referral('PUT', `/v1/referrals/${referral.id}/consent`, world.spip, {
    decision: 'given', decidedOn: world.today, scope: 'Orientation vers un hébergement à la sortie', recipients: ['siao', 'host_structures'],
  });
  timeline.add(world.today, spipActor, 'records his consent: the SIAO and the host structures may read the file');
  await world.referral('POST', `/v1/referrals/${referral.id}/submission`, world.spip);
  timeline.add(world.today, spipActor, 'submits the request to the SIAO', await caused(['referral.request.submitted']));

  const entry = await queueEntryOf(world, referral.id);
  const candidate = entry.candidates.find((c: { pool: string }) => c.pool === 'justice');
  if (!candidate) throw new Error(`no structure of ${world.departement} has a free place fléchée justice for the request (npm start seeds them)`);
  const session = await nextSession(world);
  await world.housing('POST', `/v1/sessions/${session.id}/agenda`, world.siao, { requestIds: [entry.request.id] });
  timeline.add(world.today, siaoActor, `finds the request in its review queue (${entry.candidatesTotal} candidate places) and puts it on the commission of ${session.sessionDate}`,
    await caused(['housing-placement.request.scheduled']));

  await world.goTo(session.sessionDate);
  await world.housing('POST', `/v1/sessions/${session.id}/decisions`, world.siao, {
    requestId: entry.request.id, decision: 'orientation', structureType: candidate.type, structureId: candidate.structureId,
    preconisation: 'Hébergement accompagné avec un projet d\'insertion professionnelle',
  });
  timeline.add(world.today, 'commission', `orients him to ${candidate.name} (${candidate.type}, ${candidate.area}), on a place fléchée justice`,
    await caused(['housing-placement.orientation.decided']));

  await world.goTo(addDays(world.today, 2));
  const structureToken = world.structureToken(candidate.structureId);
  const placement = (await world.housing('POST', `/v1/requests/${entry.request.id}/pre-admissions`, structureToken, { structureId: candidate.structureId, entryDate: release })).body;
  timeline.add(world.today, candidate.name, `pre-admits him, entry on his release day ${release}`, await caused(['housing-placement.placement.proposed']));
  await world.goTo(addDays(world.today, 1));
  await world.housing('POST', `/v1/placements/${placement.id}/confirmation`, world.siao);
  timeline.add(world.today, siaoActor, 'confirms the placement, which he accepted: the place is booked', await caused(['housing-placement.placement.confirmed']));
  await referralWhen(world, referral.id, 'placement confirmed', (r) => r.status === 'placement_confirmed');

  for (const daysBefore of MILESTONES) {
    await world.goTo(addDays(release, -daysBefore));
    timeline.add(world.today, 'release-calendar', `release in ${daysBefore} day${daysBefore > 1 ? 's' : ''}: the placement is confirmed, no alert`,
      await caused(['release-calendar.release.approaching']));
  }
  await world.goTo(release);
  await world.calendar('POST', `/v1/detentions/${person.detentionId}/release`, world.spip, { releasedOn: release, releaseKind: 'end_of_sentence' });
  timeline.add(release, 'greffe', 'records his release', await caused(['release-calendar.person.released']));
  await referralWhen(world, referral.id, 'released', (r) => r.releasedOn === release);
  await world.housing('POST', `/v1/placements/${placement.id}/entry`, structureToken, { enteredOn: release });
  timeline.add(release, candidate.name, 'records his entry: housed on the first night', await caused(['housing-placement.person.entered', 'referral.request.closed']));
  await referralWhen(world, referral.id, 'closed', (r) => r.status === 'closed');

  return {
    title: `Housed: ${IDENTITY.firstNames} ${IDENTITY.lastName}, prepared from seven months before release`,
    person, referralId: referral.id, releasedOn: release, timeline: timeline.steps,
    housingRequestId: entry.request.id, placementId: placement.id,
    structure: { id: candidate.structureId, name: candidate.name, type: candidate.type, area: candidate.area },
    session: { id: session.id, sessionDate: session.sessionDate },
  };
}
