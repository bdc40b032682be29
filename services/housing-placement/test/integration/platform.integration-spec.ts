import { queryRows, RunningService, startService } from '@passerelle/testing';
import { housingPlacementService } from '../../src/housing-placement.definition';
import { HousingPlacementModule } from '../../src/housing-placement.module';

describe('housing-placement: platform', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(HousingPlacementModule, housingPlacementService);
  });

  afterAll(async () => {
    await service.close();
  });

  it('reports database and Kafka up on /health', async () => {
    const health = await fetch(`${service.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, kafka: { status: 'up' } } });
  });

  it('serves /docs and /metrics without a token', async () => {
    expect((await fetch(`${service.url}/docs`)).status).toBe(200);
    expect((await fetch(`${service.url}/metrics`)).status).toBe(200);
  });

  it('migrates its schema with the outbox, inbox and audit tables', async () => {
    const rows = await queryRows<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [service.schema]);
    expect(rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['audit_log', 'inbox', 'outbox']));
  });
});
