import { randomUUID } from 'node:crypto';
import { AuditEntry, AuditTrail } from '@passerelle/auth';
import { DetentionRegisteredV1 } from '@passerelle/contracts';
import { Transaction } from '@passerelle/service-kit';
import { TrackedDetention } from '../domain/tracked-detention';
import { TrackedDetentionRepository } from './ports/tracked-detention.repository';
import { TrackDetention } from './track-detention.use-case';

class InMemoryTrackedDetentions implements TrackedDetentionRepository {
  readonly rows = new Map<string, TrackedDetention>();
  async trackIfNew(_tx: Transaction, detention: TrackedDetention): Promise<boolean> {
    const { detentionId } = detention.snapshot();
    if (this.rows.has(detentionId)) return false;
    this.rows.set(detentionId, detention);
    return true;
  }
  async findById(_tx: Transaction, detentionId: string): Promise<TrackedDetention | undefined> {
    return this.rows.get(detentionId);
  }
}

class RecordingAuditTrail extends AuditTrail {
  readonly entries: AuditEntry[] = [];
  constructor() {
    super('test');
  }
  override async record(_tx: unknown, entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
}

const tx = { query: async () => [] } as unknown as Transaction;

function registered(overrides: Partial<DetentionRegisteredV1> = {}): DetentionRegisteredV1 {
  return Object.assign(new DetentionRegisteredV1(), {
    detentionId: randomUUID(),
    personId: randomUUID(),
    establishmentCode: 'MA-FRESNES',
    spipDepartement: '94',
    destinationDepartement: '75',
    expectedReleaseDate: '2027-03-31',
    expectedReleaseKind: 'end_of_sentence',
    registeredAt: '2026-11-23T09:00:00.000Z',
    ...overrides,
  });
}

describe('TrackDetention', () => {
  it('tracks the detention with its calendar and routing facts, audited as a system write', async () => {
    const repository = new InMemoryTrackedDetentions();
    const audit = new RecordingAuditTrail();
    const event = registered();
    await new TrackDetention(repository, audit).execute(tx, event);
    expect(repository.rows.get(event.detentionId)?.snapshot()).toEqual({
      detentionId: event.detentionId,
      personId: event.personId,
      spipDepartement: '94',
      destinationDepartement: '75',
      expectedReleaseDate: '2027-03-31',
      registeredAt: new Date('2026-11-23T09:00:00.000Z'),
    });
    expect(audit.entries).toEqual([expect.objectContaining({ actor: 'system', action: 'create', resourceId: event.detentionId, personId: event.personId })]);
  });

  it('changes nothing the second time the same detention is registered', async () => {
    const repository = new InMemoryTrackedDetentions();
    const audit = new RecordingAuditTrail();
    const event = registered();
    const useCase = new TrackDetention(repository, audit);
    await useCase.execute(tx, event);
    await useCase.execute(tx, { ...event, expectedReleaseDate: '2030-01-01' });
    expect(repository.rows.size).toBe(1);
    expect(repository.rows.get(event.detentionId)?.snapshot().expectedReleaseDate).toBe('2027-03-31');
    expect(audit.entries).toHaveLength(1);
  });
});
