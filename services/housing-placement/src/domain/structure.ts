import type { StructureTypeName } from '@passerelle/contracts';
import { FieldViolation } from '@passerelle/domain-kernel';
import { HousingRuleError } from './housing-errors';

/** Who a structure takes in; checked against the household of each request. */
export interface Acceptance {
  men: boolean;
  women: boolean;
  couples: boolean;
  children: boolean;
  animals: boolean;
  reducedMobility: boolean;
}

export interface Structure {
  id: string;
  name: string;
  type: StructureTypeName;
  departement: string;
  /** The commune or bassin de vie, matched against the request's preferred territories. */
  area: string;
  capacity: number;
  /** Places fléchées justice: a contingent reserved for people leaving prison. */
  reservedJusticePlaces: number;
  /** Places volantes: kept free for an emergency, offered only to a release within days. */
  volantePlaces: number;
  accepts: Acceptance;
}

/** Places taken out of service from `from` to `to` inclusive (works, a closed wing). */
export interface Closure {
  id: string;
  structureId: string;
  from: string;
  to: string;
  places: number;
  reason: string;
}

export const MAX_CAPACITY = 2_000;

/** The structure's places must add up: the reserved and the volantes are part of the capacity. */
export function assertConsistentPlaces(structure: Pick<Structure, 'capacity' | 'reservedJusticePlaces' | 'volantePlaces' | 'accepts'>): void {
  const violations: FieldViolation[] = [];
  const { capacity, reservedJusticePlaces, volantePlaces } = structure;
  if (reservedJusticePlaces + volantePlaces > capacity) {
    violations.push({
      field: 'reservedJusticePlaces', rule: 'withinCapacity',
      message: `reservedJusticePlaces (${reservedJusticePlaces}) and volantePlaces (${volantePlaces}) must fit in the capacity (${capacity})`,
    });
  }
  if (!structure.accepts.men && !structure.accepts.women) {
    violations.push({ field: 'accepts', rule: 'takesSomeone', message: 'accepts must take men, women or both' });
  }
  if (violations.length > 0) throw new HousingRuleError(violations);
}

export function assertValidClosure(structure: Structure, closure: Pick<Closure, 'from' | 'to' | 'places'>): void {
  if (closure.to < closure.from) throw HousingRuleError.of('to', 'notBeforeFrom', `to (${closure.to}) must not be before from (${closure.from})`);
  if (closure.places > structure.capacity) {
    throw HousingRuleError.of('places', 'withinCapacity', `places (${closure.places}) must not exceed the capacity (${structure.capacity})`);
  }
}
