import { SetMetadata } from '@nestjs/common';
import { AnyEventDescriptor, EventDescriptor } from '@passerelle/contracts';

export const HANDLES_EVENT = 'passerelle:handles-event';

/**
 * Marks a provider method as the handler of one event type. The method receives the
 * validated event and the transaction (an EntityManager) in which the inbox records it,
 * and must do all its writes, outbox included, through that transaction.
 */
export const HandlesEvent = <T extends object>(descriptor: EventDescriptor<T>): MethodDecorator => SetMetadata(HANDLES_EVENT, descriptor);

/** Marks one method as the handler of several event types (a consumer of every event, say). */
export const HandlesEvents = (descriptors: readonly AnyEventDescriptor[]): MethodDecorator => SetMetadata(HANDLES_EVENT, [...descriptors]);
