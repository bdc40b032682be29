import { addDays } from '@passerelle/domain-kernel';
import { strictJsonClient } from '../api-client';
import { ServiceUrls } from '../services';
import { tokens } from '../tokens';

/** The flows a story moves, summed over a period of a département's days. */
export const STORY_FLOWS = ['requestsOpened', 'requestsSubmitted', 'requestsOriented', 'placementsConfirmed', 'peopleEntered', 'sortiesSeches'] as const;
export type StoryFlow = (typeof STORY_FLOWS)[number];
export type FlowTotals = Record<StoryFlow, number>;

/** The longest period the indicators API answers at once. */
const MAX_DAYS = 366;

/** What the préfecture's dashboard reads: the département's flows summed from `from` over a year. */
export async function flowTotals(urls: ServiceUrls, departement: string, from: string): Promise<FlowTotals> {
  const prefecture = tokens.of('prefecture', [departement]);
  const { body } = await strictJsonClient(urls.notification)('GET', `/v1/indicators?departement=${departement}&from=${from}&to=${addDays(from, MAX_DAYS - 1)}`, prefecture);
  const days = body as Array<Record<StoryFlow, number>>;
  return Object.fromEntries(STORY_FLOWS.map((flow) => [flow, days.reduce((sum, day) => sum + day[flow], 0)])) as FlowTotals;
}

/** One figure before and after, and the difference. */
export interface FlowChange {
  flow: StoryFlow;
  before: number;
  after: number;
}

export function changesOf(before: FlowTotals, after: FlowTotals): FlowChange[] {
  return STORY_FLOWS.map((flow) => ({ flow, before: before[flow], after: after[flow] }));
}
