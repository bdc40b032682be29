import { jsonClient, JsonCall, strictJsonClient } from '../api-client';
import { parisNoon } from '../clock-driver';
import { SERVICE_NAMES, ServiceUrls } from '../services';
import { tokens } from '../tokens';
import { StoryWebhooks } from './story-webhooks';
import { Timeline } from './timeline';

export interface StorySettings {
  urls: ServiceUrls;
  /** Moves every service's clock to the instant and runs the day's sweeps. */
  letTimePassTo: (instant: string) => Promise<void>;
  /** Where the people of the stories are held and will live. */
  departement: string;
  establishment: { code: string; name: string };
  /** Hears the story's progress while it plays (waits included). */
  log?: (line: string) => void;
}

/**
 * What a story acts on: the services through their public APIs, as each role, the story's day
 * (the services' "today"), the webhooks a SPIP and a SIAO receive, and the timeline being written.
 */
export class StoryWorld {
  readonly calendar: JsonCall;
  readonly referral: JsonCall;
  readonly housing: JsonCall;
  readonly notification: JsonCall;
  readonly spip: string;
  readonly siao: string;

  private constructor(readonly settings: StorySettings, readonly webhooks: StoryWebhooks, private day: string) {
    const { urls, departement } = settings;
    [this.calendar, this.referral, this.housing, this.notification] = [urls['release-calendar'], urls.referral, urls['housing-placement'], urls.notification].map(strictJsonClient);
    this.spip = tokens.of('spip', [departement]);
    this.siao = tokens.of('siao', [departement]);
  }

  /**
   * Starts on the latest "today" of the four services (the demo's clock moves forward each time a
   * story is played, and a restarted service starts on the machine's day), every clock set to it.
   */
  static async open(settings: StorySettings, webhooks?: StoryWebhooks): Promise<StoryWorld> {
    const days = await Promise.all(SERVICE_NAMES.map(async (name) =>
      (await strictJsonClient(settings.urls[name])('GET', '/v1/admin/clock', tokens.admin())).body.today as string));
    const today = days.sort().at(-1)!;
    await settings.letTimePassTo(parisNoon(today));
    return new StoryWorld(settings, webhooks ?? await StoryWebhooks.start(settings.urls, settings.departement), today);
  }

  get today(): string {
    return this.day;
  }

  get departement(): string {
    return this.settings.departement;
  }

  /** Lets the days pass up to `date` (noon, Paris): clocks move and the sweeps run. */
  async goTo(date: string): Promise<void> {
    if (date <= this.day) return;
    await this.settings.letTimePassTo(parisNoon(date));
    this.day = date;
  }

  /** A structure's user: the structure's id is the token's organisation. */
  structureToken(structureId: string): string {
    return tokens.of('structure', [this.departement], structureId);
  }

  /** Like the strict clients, but answers whatever the status (to read a 404 while waiting). */
  lenient(service: keyof ServiceUrls): JsonCall {
    return jsonClient(this.settings.urls[service]);
  }

  newTimeline(): Timeline {
    return new Timeline();
  }
}
