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
  private suffixMinimum?: { day: string; figures: PlaceFigures }[];

  constructor(
    readonly structure: Structure,
    private readonly closures: Closure[],
    private readonly bookings: Booking[],
  ) {}

  /** The figures of one day. */
  on(date: string): PlaceFigures {
    const { capacity, reservedJusticePlaces, volantePlaces } = this.structure;
    let closed = 0;
    for (const closure of this.closures) if (closure.from <= date && date <= closure.to) closed += closure.places;
    const held: Record<Pool, number> = { justice: 0, general: 0, volante: 0 };
    for (const booking of this.bookings) {
      if (booking.from <= date && (booking.until === undefined || date < booking.until)) held[booking.pool] += booking.places;
    }
    const outOfService = Math.min(capacity, closed);
    const occupied = held.justice + held.general + held.volante;
    const free = Math.max(0, capacity - outOfService - occupied);
    return {
      outOfService, occupied, occupiedJustice: held.justice, free,
      freeJustice: clamp(reservedJusticePlaces - held.justice, free),
      freeGeneral: clamp(capacity - reservedJusticePlaces - volantePlaces - outOfService - held.general, free),
      freeVolante: clamp(volantePlaces - held.volante, free),
    };
  }

  /** The places free on `date` and on every later date: what an open-ended stay from `date` may take. */
  bookableFrom(date: string): PlaceFigures {
    const later = this.laterMinimum();
    let low = 0;
    let high = later.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (later[middle].day <= date) low = middle + 1;
      else high = middle;
    }
    return low < later.length ? minimum(this.on(date), later[low].figures) : this.on(date);
  }

  /**
   * The contingent a stay of `places` from `date` would take, with what that contingent has left:
   * the places reserved for people leaving prison first, then the common ones, the volantes only
   * in an emergency.
   */
  poolFor(date: string, places: number, emergency: boolean): { pool: Pool; free: number } | undefined {
    const figures = this.bookableFrom(date);
    if (figures.freeJustice >= places) return { pool: 'justice', free: figures.freeJustice };
    if (figures.freeGeneral >= places) return { pool: 'general', free: figures.freeGeneral };
    if (emergency && figures.freeVolante >= places) return { pool: 'volante', free: figures.freeVolante };
    return undefined;
  }

  /**
   * The days on which the figures change, in order, each with the lowest figures from that day on:
   * computed once, so each request of a queue costs one day's figures and a binary search.
   */
  private laterMinimum(): { day: string; figures: PlaceFigures }[] {
    if (this.suffixMinimum) return this.suffixMinimum;
    const days = new Set<string>();
    for (const booking of this.bookings) {
      days.add(booking.from);
      if (booking.until) days.add(booking.until);
    }
    for (const closure of this.closures) {
      days.add(closure.from);
      days.add(addDays(closure.to, 1));
    }
    const sorted = [...days].sort();
    const result = new Array<{ day: string; figures: PlaceFigures }>(sorted.length);
    for (let i = sorted.length - 1; i >= 0; i--) {
      const figures = this.on(sorted[i]);
      result[i] = { day: sorted[i], figures: i + 1 < sorted.length ? minimum(figures, result[i + 1].figures) : figures };
    }
    this.suffixMinimum = result;
    return result;
  }
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
