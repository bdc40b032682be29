import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { EntityManager } from 'typeorm';
import { AnyEventDescriptor } from '@passerelle/contracts';
import { EventHandlerRegistration, handlerFor } from '../inbox/consumed-event';
import { HANDLES_EVENT } from './handles-event.decorator';

/** Finds every `@HandlesEvent` and `@HandlesEvents` method among the application's providers. */
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
      return this.scanner.getAllMethodNames(prototype).flatMap((name) => {
        const method = prototype[name];
        const handled = this.reflector.get<AnyEventDescriptor | AnyEventDescriptor[] | undefined>(HANDLES_EVENT, method);
        const descriptors = handled === undefined ? [] : Array.isArray(handled) ? handled : [handled];
        return descriptors.map((descriptor) => handlerFor<object, EntityManager>(descriptor, (event, tx) => method.call(instance, event, tx)));
      });
    });
  }
}
