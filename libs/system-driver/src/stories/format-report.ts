import { formatTimeline } from './timeline';
import { StoriesReport } from './play-stories';

/** The report as a newcomer reads it: two timelines, the webhooks received, the indicators that moved. */
export function formatStoriesReport(report: StoriesReport): string {
  const { housed, sortieSeche } = report;
  const names = new Map([[housed.person.personId, housed.person.identity.firstNames], [sortieSeche.person.personId, sortieSeche.person.identity.firstNames]]);
  const events = new Map<string, { name: string; type: string; to: string[]; verified: boolean }>();
  for (const webhook of report.webhooks) {
    const event = events.get(webhook.eventId) ?? { name: names.get(webhook.data.personId as string) ?? '?', type: webhook.type, to: [], verified: true };
    event.to.push(webhook.subscriber.toUpperCase());
    event.verified &&= webhook.signatureVerified;
    events.set(webhook.eventId, event);
  }
  const webhooks = [...events.values()].map(({ name, type, to, verified }) =>
    `  ${name.padEnd(7)} ${type.padEnd(42)} ${`to the ${to.join(' and the ')}`.padEnd(27)} ${verified ? 'signature verified' : 'SIGNATURE WRONG'}`);
  const verified = report.webhooks.filter((webhook) => webhook.signatureVerified).length;
  const indicators = report.indicators.map(({ flow, before, after }) => `  ${flow.padEnd(20)} ${String(before).padStart(5)} → ${String(after).padEnd(5)} (${after - before >= 0 ? '+' : ''}${after - before})`);
  return [
    formatTimeline(housed.title, housed.timeline),
    '',
    formatTimeline(sortieSeche.title, sortieSeche.timeline),
    '',
    `Webhooks received by the SPIP's and the SIAO's systems of ${report.departement}, ${report.webhooks.length} for ${events.size} events: `
      + `${verified === report.webhooks.length ? 'every signature verified' : `${report.webhooks.length - verified} SIGNATURES WRONG`} (Standard Webhooks, the subscriptions' secrets):`,
    ...webhooks,
    '',
    `Préfecture indicators, ${report.departement}, flows over the year from ${report.startedOn} (GET /v1/indicators; `
      + `the whole département's activity over those days, the demo territory's people with the two stories):`,
    ...indicators,
  ].join('\n');
}
