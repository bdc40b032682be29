import { SetMetadata } from '@nestjs/common';
import { AnyEventDescriptor, EventDescriptor } from '@passerelle/contracts';

export const HANDLES_EVENT = 'passerelle:handles-event';
export const PREPARES_EVENTS = 'passerelle:prepares-events';

/**
 * Marks a provider method as the handler of one event type. The method receives the
 * validated event and the transaction (an EntityManager) in which the inbox records it,
 * and must do all its writes, outbox included, through that transaction.
 */
export const HandlesEvent = <T extends object>(descriptor: EventDescriptor<T>): MethodDecorator => SetMetadata(HANDLES_EVENT, descriptor);

/** Marks one method as the handler of several event types (a consumer of every event, say). */
export const HandlesEvents = (descriptors: readonly AnyEventDescriptor[]): MethodDecorator => SetMetadata(HANDLES_EVENT, [...descriptors]);

/**
 * Marks the method that prepares a transaction's events for the other handlers of its provider:
 * it receives them all, `(events, tx)`, before the first is handled (see BatchPreparationFn).
 */
export const PreparesEvents = (): MethodDecorator => SetMetadata(PREPARES_EVENTS, true);
