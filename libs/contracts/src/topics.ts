/**
 * One topic per producing service: all of a service's events about one person share a
 * topic and a key, so Kafka keeps them in order. Each has a dead-letter twin `<topic>.dlq`.
 */
export const Topics = {
  releaseCalendar: 'release-calendar.events',
  referral: 'referral.events',
  housingPlacement: 'housing-placement.events',
  prefectureIndicators: 'prefecture.indicators',
} as const;

export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
