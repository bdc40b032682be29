import { TopicPartitionOffsetAndMetadata } from 'kafkajs';
import { OffsetCommits } from './offset-commits';

describe('OffsetCommits', () => {
  const sent: TopicPartitionOffsetAndMetadata[][] = [];
  const failures: unknown[] = [];
  let failNext = false;
  const commits = () => new OffsetCommits(async (offsets) => {
    if (failNext) {
      failNext = false;
      throw new Error('rebalance in progress');
    }
    sent.push(offsets);
  }, (error) => failures.push(error), 60_000);

  beforeEach(() => {
    sent.length = 0;
    failures.length = 0;
  });

  it('commits, per partition, the position after the last offset handled, in one request', async () => {
    const pending = commits();
    pending.handled('a', 0, '41');
    pending.handled('a', 0, '99');
    pending.handled('a', 1, '7');
    pending.handled('b', 0, '9007199254740993');
    await pending.flush();

    expect(sent).toEqual([[
      { topic: 'a', partition: 0, offset: '100' }, { topic: 'a', partition: 1, offset: '8' }, { topic: 'b', partition: 0, offset: '9007199254740994' },
    ]]);
  });

  it('sends nothing when nothing was handled since the last commit', async () => {
    const pending = commits();
    pending.handled('a', 0, '1');
    await pending.flush();
    await pending.flush();

    expect(sent).toHaveLength(1);
  });

  it('reports a failed commit and does not send it again: those records come again, and the inbox knows them', async () => {
    const pending = commits();
    pending.handled('a', 0, '1');
    failNext = true;
    await pending.flush();
    await pending.flush();

    expect(failures).toHaveLength(1);
    expect(sent).toEqual([]);
  });

  it('commits what is pending when it stops', async () => {
    const pending = commits();
    pending.start();
    pending.handled('a', 2, '5');
    await pending.stop();

    expect(sent).toEqual([[{ topic: 'a', partition: 2, offset: '6' }]]);
  });
});
