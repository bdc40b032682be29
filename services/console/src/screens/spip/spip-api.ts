import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, Page, Query } from '../../api/client';
import type { Detention, Referral, ReferralWithTimeline } from './referral-types';

const MAX_PAGE_SIZE = 200;
/** A SPIP's window holds a few hundred releases; the cap only keeps a runaway answer from looping. */
const MAX_PAGES = 25;

/** Every page of a list: the caseload sorts by urgency, which no service sorts by, so it needs the whole window. */
async function allPages<T>(read: (query: Query) => Promise<Page<T>>, query: Query): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const answer = await read({ ...query, page, pageSize: MAX_PAGE_SIZE });
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) break;
  }
  return items;
}

export function useSpipReferrals(departement: string | undefined) {
  return useQuery({
    queryKey: ['spip', 'referrals', departement ?? 'all'],
    queryFn: () => allPages((query) => api('referral').get<Page<Referral>>('/v1/referrals', query), { spip: departement }),
  });
}

export function useUpcomingDetentions(departement: string | undefined, releaseTo: string | undefined) {
  return useQuery({
    queryKey: ['spip', 'detentions', departement ?? 'all', releaseTo],
    enabled: releaseTo !== undefined,
    queryFn: () =>
      allPages((query) => api('release-calendar').get<Page<Detention>>('/v1/detentions', query), { departement, status: 'incarcerated', releaseTo }),
  });
}

export const referralKey = (id: string) => ['spip', 'referral', id];

export function useReferral(id: string) {
  return useQuery({ queryKey: referralKey(id), queryFn: () => api('referral').get<ReferralWithTimeline>(`/v1/referrals/${id}`) });
}

/** A change to one request: on success its page and the caseload are read again. */
export function useReferralChange<Body>(id: string, send: (body: Body) => Promise<Referral>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: referralKey(id) }),
        queryClient.invalidateQueries({ queryKey: ['spip', 'referrals'] }),
      ]);
      onDone?.();
    },
  });
}

export const referralCalls = (id: string) => ({
  patchFile: (body: Record<string, unknown>) => api('referral').patch<Referral>(`/v1/referrals/${id}`, body),
  recordConsent: (body: Record<string, unknown>) => api('referral').put<Referral>(`/v1/referrals/${id}/consent`, body),
  withdrawConsent: (withdrawnOn: string) => api('referral').post<Referral>(`/v1/referrals/${id}/consent/withdrawal`, { withdrawnOn }),
  submit: () => api('referral').post<Referral>(`/v1/referrals/${id}/submission`),
  withdraw: (reason: string) => api('referral').post<Referral>(`/v1/referrals/${id}/withdrawal`, { reason }),
});
