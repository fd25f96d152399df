// Drives the real worker in tests (jobs and sweeps): run rounds until nothing is left to do. The
// bound is a safety net: reaching it means work keeps appearing (a job re-enqueueing itself, a
// sweep that never settles), so drain() throws instead of returning as if the queue were empty.
import type { Deps } from '../../server/deps.ts';
import { allJobs, allSweeps } from '../../server/modules/registry.ts';
import { createWorker, type Worker } from '../../server/worker.ts';

export function testWorker(deps: Deps): Worker & { drain(maxRounds?: number): Promise<number> } {
  const worker = createWorker(deps, allJobs(deps), {}, [], allSweeps(deps));
  return {
    ...worker,
    async drain(maxRounds = 20) {
      let total = 0;
      for (let i = 0; i < maxRounds; i++) {
        const ran = await worker.runOnce();
        total += ran;
        if (ran === 0) return total;
      }
      throw new Error(
        `testWorker.drain(): still busy after ${maxRounds} rounds (${total} runs); ` +
          'a job or sweep keeps producing work',
      );
    },
  };
}
