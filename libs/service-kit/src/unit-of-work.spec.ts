import { runRetryingLockConflicts, UnitOfWork } from './unit-of-work';

/** A unit of work whose transactions fail with the given errors, one per attempt, then succeed. */
function failingWith(...errors: unknown[]): UnitOfWork & { attempts: number } {
  const unitOfWork = {
    attempts: 0,
    run: async <T>(work: (tx: { query: () => Promise<unknown> }) => Promise<T>): Promise<T> => {
      const error = errors[unitOfWork.attempts];
      unitOfWork.attempts += 1;
      if (error) throw error;
      return work({ query: async () => undefined });
    },
  };
  return unitOfWork;
}

const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('runRetryingLockConflicts', () => {
  it('runs a deadlock’s victim again', async () => {
    const unitOfWork = failingWith(deadlock, { driverError: { code: '40001' } });
    await expect(runRetryingLockConflicts(unitOfWork, async () => 'done')).resolves.toBe('done');
    expect(unitOfWork.attempts).toBe(3);
  });

  it('gives up after the attempts allowed', async () => {
    const unitOfWork = failingWith(deadlock, deadlock, deadlock);
    await expect(runRetryingLockConflicts(unitOfWork, async () => 'done')).rejects.toBe(deadlock);
    expect(unitOfWork.attempts).toBe(3);
  });

  it('never runs again after any other failure', async () => {
    const refused = Object.assign(new Error('duplicate key'), { code: '23505' });
    const unitOfWork = failingWith(refused);
    await expect(runRetryingLockConflicts(unitOfWork, async () => 'done')).rejects.toBe(refused);
    expect(unitOfWork.attempts).toBe(1);
  });
});
