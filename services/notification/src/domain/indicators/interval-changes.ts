/** One change to an interval named by `key`: every change ends the interval open until then; one with `opens` starts another. */
export interface IntervalChange<T> {
  key: string;
  day: string;
  opens: boolean;
  fact: T;
}

export interface IntervalRows<T> {
  /** Per key, the day its first change ends the interval stored open before this batch, if any. */
  closes: { key: string; day: string; fact: T }[];
  /** The intervals the batch starts, each ended by the next change of its key or still open (`to` null). */
  opens: { fact: T; from: string; to: string | null }[];
}

/**
 * A batch of interval changes, in order, as the two writes that have the same effect as applying
 * them one by one: close what was stored open, insert what the batch opened (its own intervals
 * already closed where a later change of the batch ended them). Why: two statements per batch
 * instead of two per event, and PostgreSQL runs both in one statement, where the update cannot
 * see the rows the insert adds.
 */
export function intervalRows<T>(changes: IntervalChange<T>[]): IntervalRows<T> {
  const closes = new Map<string, { key: string; day: string; fact: T }>();
  const opens: IntervalRows<T>['opens'] = [];
  const openNow = new Map<string, IntervalRows<T>['opens'][number]>();
  for (const change of changes) {
    if (!closes.has(change.key)) closes.set(change.key, { key: change.key, day: change.day, fact: change.fact });
    const open = openNow.get(change.key);
    if (open) open.to = change.day;
    openNow.delete(change.key);
    if (!change.opens) continue;
    const started = { fact: change.fact, from: change.day, to: null };
    opens.push(started);
    openNow.set(change.key, started);
  }
  return { closes: [...closes.values()], opens };
}
