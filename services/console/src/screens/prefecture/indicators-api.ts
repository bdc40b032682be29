import { QueryClient, QueryKey, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError } from '../../api/api-error';
import { DayFigures } from './indicators';
import { Outlook } from './outlook';
import { Period } from './period';

const notification = api('notification');

export const indicatorsKey = (departement: string, period?: Period): QueryKey =>
  period ? ['prefecture', 'indicators', departement, period.from, period.to] : ['prefecture', 'indicators', departement];
export const outlookKey = (departement: string): QueryKey => ['prefecture', 'outlook', departement];

/** Each day's figures of the period (notification answers every day, none left out). */
export function useIndicators(departement: string, period: Period | undefined) {
  return useQuery({
    queryKey: indicatorsKey(departement, period),
    queryFn: () => notification.get<DayFigures[]>('/v1/indicators', { departement, from: period!.from, to: period!.to }),
    enabled: period !== undefined && departement !== '',
  });
}

/**
 * The 12-week outlook; `undefined` when this notification does not offer it yet (404), which the
 * dashboard says instead of failing, and asks again now and then.
 */
export function useOutlook(departement: string) {
  return useQuery({
    queryKey: outlookKey(departement),
    queryFn: async () => {
      try {
        return await notification.get<Outlook>('/v1/indicators/outlook', { departement });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: departement !== '',
    refetchInterval: (query) => (query.state.data === null ? 60_000 : false),
  });
}

/** The period each cached answer of the département covers, read back from its key. */
export function cachedIndicators(queryClient: QueryClient, departement: string): Array<{ key: QueryKey; period: Period; days: DayFigures[] }> {
  return queryClient
    .getQueriesData<DayFigures[]>({ queryKey: indicatorsKey(departement) })
    .filter((entry): entry is [QueryKey, DayFigures[]] => Array.isArray(entry[1]))
    .map(([key, days]) => ({ key, period: { from: String(key[3]), to: String(key[4]) }, days }));
}
