import { until } from './until';
import { changesOf, FlowChange, flowTotals } from './indicators';
import { HousedOutcome, playHousedStory } from './housed-story';
import { playSortieSecheStory, SortieSecheOutcome } from './sortie-seche-story';
import { StoryWebhook } from './story-webhooks';
import { StorySettings, StoryWorld } from './story-world';

export interface StoriesReport {
  departement: string;
  startedOn: string;
  housed: HousedOutcome;
  sortieSeche: SortieSecheOutcome;
  /** Every webhook about the two people, in the order received, with its signature checked. */
  webhooks: StoryWebhook[];
  /** The préfecture's figures for the département over the stories' year, before and after. */
  indicators: FlowChange[];
}

/**
 * Plays the two stories one after the other on a running system, through its public APIs, with a
 * SPIP's and a SIAO's webhook receivers listening, and reads the préfecture's indicators before
 * and after. The stories start on the services' current day, so they can be played again.
 */
export async function playStories(settings: StorySettings): Promise<StoriesReport> {
  const world = await StoryWorld.open(settings);
  const log = settings.log ?? (() => undefined);
  try {
    const startedOn = world.today;
    const before = await flowTotals(settings.urls, settings.departement, startedOn);
    log(`story 1 starts on ${startedOn}`);
    const housed = await playHousedStory(world);
    log(`story 1 ended on ${housed.releasedOn}; story 2 starts`);
    const sortieSeche = await playSortieSecheStory(world);
    log(`story 2 ended on ${sortieSeche.releasedOn}; reading the indicators`);
    const after = await until('the indicators to count the entry and the sortie sèche', async () => {
      const totals = await flowTotals(settings.urls, settings.departement, startedOn);
      return totals.peopleEntered > before.peopleEntered && totals.sortiesSeches > before.sortiesSeches ? totals : undefined;
    });
    return {
      departement: settings.departement, startedOn, housed, sortieSeche,
      webhooks: world.webhooks.about(housed.person.personId, sortieSeche.person.personId),
      indicators: changesOf(before, after),
    };
  } finally {
    await world.webhooks.stop();
  }
}
