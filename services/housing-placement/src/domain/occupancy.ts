import { addDays } from '@passerelle/domain-kernel';
import { Closure, Structure } from './structure';

/** The contingent a booking takes its place from. */
export type Pool = 'justice' | 'general' | 'volante';

/** A place held from `from` until `until` (exclusive; open while the person lives there). */
export interface Booking {
  placementId: string;
  structureId: string;
  from: string;
  until?: string;
  places: number;
  pool: Pool;
}

export interface PlaceFigures {
  outOfService: number;
  occupied: number;
  occupiedJustice: number;
  free: number;
  freeJustice: number;
  freeGeneral: number;
  freeVolante: number;
}

/**
 * A structure's places over time: its capacity, minus places out of service, minus bookings.
 * A booking is open-ended, so a place is bookable from a date only if it stays free on every
 * later date too: a place taken by someone else next month is not free today for a new stay.
 */
export class Occupancy {
  private readonly bookableCache = new Map<string, PlaceFigures>();

  constructor(
    readonly structure: Structure,
    private readonly closures: Closure[],
    private readonly bookings: Booking[],
  ) {}

  /** The figures of one day. */
  on(date: string): PlaceFigures {
    const { capacity, reservedJusticePlaces, volantePlaces } = this.structure;
    const outOfService = Math.min(capacity, sum(this.closures.filter((c) => c.from <= date && date <= c.to), (c) => c.places));
    const held = this.bookings.filter((b) => b.from <= date && (b.until === undefined || date < b.until));
    const inPool = (pool: Pool) => sum(held.filter((b) => b.pool === pool), (b) => b.places);
    const occupied = sum(held, (b) => b.places);
    const free = Math.max(0, capacity - outOfService - occupied);
    const generalCapacity = capacity - reservedJusticePlaces - volantePlaces;
    return {
      outOfService, occupied, occupiedJustice: inPool('justice'), free,
      freeJustice: clamp(reservedJusticePlaces - inPool('justice'), free),
      freeGeneral: clamp(generalCapacity - outOfService - inPool('general'), free),
      freeVolante: clamp(volantePlaces - inPool('volante'), free),
    };
  }

  /** The places free on `date` and on every later date: what an open-ended stay from `date` may take. */
  bookableFrom(date: string): PlaceFigures {
    const cached = this.bookableCache.get(date);
    if (cached) return cached;
    const figures = [date, ...this.changesAfter(date)].map((day) => this.on(day)).reduce(minimum);
    this.bookableCache.set(date, figures);
    return figures;
  }

  /**
   * The contingent a stay of `places` from `date` would take: the places reserved for people
   * leaving prison first, then the common ones, the volantes only in an emergency.
   */
  poolFor(date: string, places: number, emergency: boolean): Pool | undefined {
    const figures = this.bookableFrom(date);
    if (figures.freeJustice >= places) return 'justice';
    if (figures.freeGeneral >= places) return 'general';
    if (emergency && figures.freeVolante >= places) return 'volante';
    return undefined;
  }

  /** The days after `date` on which the figures may change. */
  private changesAfter(date: string): string[] {
    const days = new Set<string>();
    for (const booking of this.bookings) {
      if (booking.from > date) days.add(booking.from);
      if (booking.until && booking.until > date) days.add(booking.until);
    }
    for (const closure of this.closures) {
      if (closure.from > date) days.add(closure.from);
      const reopens = addDays(closure.to, 1);
      if (reopens > date) days.add(reopens);
    }
    return [...days];
  }
}

function sum<T>(items: T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(value, max));
}

function minimum(a: PlaceFigures, b: PlaceFigures): PlaceFigures {
  return {
    outOfService: Math.max(a.outOfService, b.outOfService), occupied: Math.max(a.occupied, b.occupied),
    occupiedJustice: Math.max(a.occupiedJustice, b.occupiedJustice), free: Math.min(a.free, b.free),
    freeJustice: Math.min(a.freeJustice, b.freeJustice), freeGeneral: Math.min(a.freeGeneral, b.freeGeneral),
    freeVolante: Math.min(a.freeVolante, b.freeVolante),
  };
}
