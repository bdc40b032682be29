import { Inject, Injectable } from '@nestjs/common';
import { CapacityChangeReasonName } from '@passerelle/contracts';
import { Clock, CLOCK, parisDate, Transaction } from '@passerelle/service-kit';
import { Occupancy } from '../domain/occupancy';
import { Structure } from '../domain/structure';
import { HousingEventPublisher } from './housing-event-publisher';
import { STRUCTURE_REPOSITORY, StructureRepository, StructureSelection } from './ports/structure.repository';

/** The structures' occupancy as the use cases need it, and the capacity event after each change. */
@Injectable()
export class Places {
  constructor(
    @Inject(STRUCTURE_REPOSITORY) private readonly structures: StructureRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: HousingEventPublisher,
  ) {}

  /** Today's date in Europe/Paris, as the domain's rules take it. */
  today(): string {
    return parisDate(this.clock.now());
  }

  async occupancyOf(tx: Transaction, structures: Structure[]): Promise<Occupancy[]> {
    return this.occupancy(tx, structures, { ids: structures.map((structure) => structure.id) });
  }

  /** Every structure of a département with its places from today on, as the review queue matches them. */
  async occupancyOfDepartement(tx: Transaction, departement: string): Promise<Occupancy[]> {
    return this.occupancy(tx, await this.structures.listByDepartement(tx, departement), { departement, from: this.today() });
  }

  private async occupancy(tx: Transaction, structures: Structure[], selection: StructureSelection): Promise<Occupancy[]> {
    const closures = groupBy(await this.structures.closuresOf(tx, selection, this.today()));
    const bookings = groupBy(await this.structures.bookingsOf(tx, selection));
    return structures.map((structure) => new Occupancy(structure, closures.get(structure.id) ?? [], bookings.get(structure.id) ?? []));
  }

  /** Tells the dashboards a structure's places changed, with today's figures after the change. */
  async reportCapacity(tx: Transaction, structure: Structure, reason: CapacityChangeReasonName): Promise<void> {
    const [occupancy] = await this.occupancyOf(tx, [structure]);
    const today = this.today();
    await this.events.capacityChanged(tx, structure, reason, today, occupancy.on(today));
  }
}

function groupBy<T extends { structureId: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.structureId, [...(groups.get(item.structureId) ?? []), item]);
  return groups;
}
