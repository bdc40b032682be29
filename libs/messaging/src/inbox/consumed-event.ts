import { EventDescriptor } from '@passerelle/contracts';
import { SqlExecutor } from '../sql';

/** A validated event as a handler sees it: envelope attributes, Kafka position and typed data. */
export interface ConsumedEvent<T> {
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  correlationId: string;
  causationId?: string;
  key: string;
  topic: string;
  partition: number;
  offset: string;
  data: T;
}

/**
 * Handles one event inside the transaction that also records it in the inbox: the effect and
 * the "handled" mark commit together, so a redelivered event has no second effect.
 * Events with the same key reach their handler in order, one at a time.
 */
export type EventHandlerFn<T, Tx extends SqlExecutor> = (event: ConsumedEvent<T>, tx: Tx) => Promise<void>;

/**
 * Runs once per transaction before the handlers, with the new events it is to handle (of every
 * type that shares it): the place to lock or read in one statement what the handlers will each
 * need, or to apply at once an effect that needs no order with theirs.
 */
export type BatchPreparationFn<Tx extends SqlExecutor> = (events: ConsumedEvent<object>[], tx: Tx) => Promise<void>;

export interface EventHandlerRegistration<Tx extends SqlExecutor = SqlExecutor> {
  descriptor: EventDescriptor<object>;
  handle: EventHandlerFn<object, Tx>;
  prepare?: BatchPreparationFn<Tx>;
}

export function handlerFor<T extends object, Tx extends SqlExecutor>(
  descriptor: EventDescriptor<T>,
  handle: EventHandlerFn<T, Tx>,
  prepare?: BatchPreparationFn<Tx>,
): EventHandlerRegistration<Tx> {
  return { descriptor: descriptor as unknown as EventDescriptor<object>, handle: handle as EventHandlerFn<object, Tx>, prepare };
}
