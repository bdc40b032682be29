import { addDays, addMonths } from '@passerelle/domain-kernel';
import { StoryOutcome } from './housed-story';
import { referralOf, referralWhen, registerDetention } from './story-steps';
import { StoryWorld } from './story-world';

export interface SortieSecheOutcome extends StoryOutcome {
  /** The alerts the SPIP saw open on the eve of the release. */
  alertsOnTheEve: Array<{ kind: string; level: string }>;
}

const IDENTITY = { lastName: 'Lambert', firstNames: 'Julien', birthDate: '1996-11-03' };
const RELEASE_IN_DAYS = 35;

/**
 * The story that ends badly: a short sentence, released five weeks after he is registered; he came
 * in after the window opened. The request opens at once, urgent; nobody completes it. As the days pass the
 * sortie-sèche risk is raised and escalated, the LSC is at risk and the request stalls; he is
 * released with nothing, and a sortie sèche is recorded.
 */
export async function playSortieSecheStory(world: StoryWorld): Promise<SortieSecheOutcome> {
  const timeline = world.newTimeline();
  const release = addDays(world.today, RELEASE_IN_DAYS);
  const person = await registerDetention(world, IDENTITY, {
    incarcerationDate: addMonths(world.today, -4), sentenceEndDate: release, expectedReleaseDate: release,
  });
  const caused = (types: string[], family?: string) => world.webhooks.caused(person.personId, types, family);
  timeline.add(world.today, 'greffe', `registers ${IDENTITY.firstNames} ${IDENTITY.lastName} (écrou ${person.ecrou}): a five-month sentence, release on ${release}, already inside the window`,
    await caused(['release-calendar.detention.registered', 'release-calendar.window.opened', 'release-calendar.lsc.review-due'], 'release-calendar.'));
  timeline.add(world.today, 'referral', 'the SIAO request opens at once, urgent; the LSC is at risk and the sortie-sèche risk is raised (watch)',
    await caused(['referral.request.opened', 'referral.alert.raised', 'referral.alert.raised'], 'referral.'));
  const referral = await referralOf(world, person);

  await world.goTo(addDays(release, -30));
  timeline.add(world.today, 'release-calendar', 'release in 30 days, nothing prepared: the sortie-sèche risk escalates to warning',
    await caused(['release-calendar.release.approaching', 'referral.alert.escalated']));
  await world.goTo(addDays(release, -14));
  timeline.add(world.today, 'referral', 'the request has waited more than 14 days to be completed: stalled', await caused(['referral.alert.raised']));
  await world.goTo(addDays(release, -7));
  timeline.add(world.today, 'release-calendar', 'release in 7 days: the sortie-sèche risk escalates to critical',
    await caused(['release-calendar.release.approaching', 'referral.alert.escalated']));
  await world.goTo(addDays(release, -1));
  const eve = await referralWhen(world, referral.id, 'with its alerts open on the eve', () => true);
  const alertsOnTheEve = (eve as unknown as { openAlerts: Array<{ kind: string; level: string }> }).openAlerts.map(({ kind, level }) => ({ kind, level }));
  timeline.add(world.today, `SPIP ${world.departement}`, `sees the request still to complete, alerts open: ${alertsOnTheEve.map((a) => `${a.kind} (${a.level})`).join(', ')}`,
    await caused(['release-calendar.release.approaching']));

  await world.goTo(release);
  await world.calendar('POST', `/v1/detentions/${person.detentionId}/release`, world.spip, { releasedOn: release, releaseKind: 'end_of_sentence' });
  timeline.add(release, 'greffe', 'records his release, with nowhere to go: the 115 is the only fallback', await caused(['release-calendar.person.released'], 'release-calendar.'));
  timeline.add(release, 'referral', 'records a sortie sèche (request never completed), resolves the alerts and closes the request',
    await caused(['referral.sortie-seche.recorded', 'referral.request.closed'], 'referral.'));
  await referralWhen(world, referral.id, 'closed', (r) => r.status === 'closed');

  return {
    title: `Sortie sèche: ${IDENTITY.firstNames} ${IDENTITY.lastName}, a short sentence and nobody acting`,
    person, referralId: referral.id, releasedOn: release, timeline: timeline.steps, alertsOnTheEve,
  };
}
