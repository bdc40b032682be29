import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { serviceUrl } from '../../api/client';
import { openEventStream, StreamStatus } from './event-stream';
import { DayFigures } from './indicators';
import { cachedIndicators, indicatorsKey, outlookKey } from './indicators-api';
import { liveChange } from './live-merge';
import { Outlook } from './outlook';

/** A notice and when it came; its id keeps the same words twice apart. */
export interface LiveNotice {
  id: number;
  text: string;
  at: number;
}

let lastNoticeId = 0;

/** The latest notices kept in view: one change's notice is not hidden by the next one's. */
const NOTICES_KEPT = 5;

/**
 * Follows notification's stream for one département: each day's figures and each outlook heard go
 * into the query cache, so tiles, charts and tables change without a reload, with a notice in words.
 * After a reconnection the answers are read again: changes may have gone by while it was down.
 */
export function useLiveIndicators(departement: string, token: string | undefined): { status: StreamStatus; notices: LiveNotice[] } {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [notices, setNotices] = useState<LiveNotice[]>([]);

  useEffect(() => {
    if (!departement) return undefined;
    let opened = false;
    setNotices([]);
    const onIndicators = (figures: DayFigures) => {
      if (figures.departement !== departement) return;
      const cached = cachedIndicators(queryClient, departement);
      const change = liveChange(cached, figures);
      cached.forEach((entry, i) => queryClient.setQueryData(entry.key, change.merged[i]));
      const text = change.notice;
      if (text) setNotices((kept) => [{ id: (lastNoticeId += 1), text, at: Date.now() }, ...kept].slice(0, NOTICES_KEPT));
    };
    const onOutlook = (outlook: Outlook) => {
      if (outlook.departement === departement) queryClient.setQueryData(outlookKey(departement), outlook);
    };
    const stream = openEventStream({
      url: serviceUrl('notification', '/v1/indicators/stream', { departement }),
      token,
      onStatus: (next) => {
        if (next === 'open' && opened) {
          void queryClient.invalidateQueries({ queryKey: indicatorsKey(departement) });
          void queryClient.invalidateQueries({ queryKey: outlookKey(departement) });
        }
        if (next === 'open') opened = true;
        setStatus(next);
      },
      onMessage: (message) => {
        try {
          if (message.type === 'indicators') onIndicators(JSON.parse(message.data) as DayFigures);
          else if (message.type === 'outlook') onOutlook(JSON.parse(message.data) as Outlook);
        } catch {
          // A message that is not JSON changes nothing shown; the next answer read will be whole.
        }
      },
    });
    return () => stream.close();
  }, [departement, token, queryClient]);

  return { status, notices };
}
