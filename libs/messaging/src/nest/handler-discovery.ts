import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { EntityManager } from 'typeorm';
import { AnyEventDescriptor } from '@passerelle/contracts';
import { ConsumedEvent, EventHandlerRegistration, handlerFor } from '../inbox/consumed-event';
import { HANDLES_EVENT, PREPARES_EVENTS } from './handles-event.decorator';

/** Finds every `@HandlesEvent` and `@HandlesEvents` method among the application's providers, with its provider's `@PreparesEvents`. */
@Injectable()
export class HandlerDiscovery {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  registrations(): EventHandlerRegistration<EntityManager>[] {
    return this.discovery.getProviders().flatMap((wrapper) => {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) return [];
      const prototype = Object.getPrototypeOf(instance);
      const names = this.scanner.getAllMethodNames(prototype);
      const preparer = names.find((name) => this.reflector.get<boolean | undefined>(PREPARES_EVENTS, prototype[name]));
      const prepare = preparer === undefined ? undefined : (events: ConsumedEvent<object>[], tx: EntityManager) => prototype[preparer].call(instance, events, tx);
      return names.flatMap((name) => {
        const method = prototype[name];
        const handled = this.reflector.get<AnyEventDescriptor | AnyEventDescriptor[] | undefined>(HANDLES_EVENT, method);
        const descriptors = handled === undefined ? [] : Array.isArray(handled) ? handled : [handled];
        return descriptors.map((descriptor) => handlerFor<object, EntityManager>(descriptor, (event, tx) => method.call(instance, event, tx), prepare));
      });
    });
  }
}
