// Drives the real worker in tests: run rounds until no job is due (bounded).
import type { Deps } from '../../server/deps.ts';
import { allJobs } from '../../server/jobs/registry.ts';
import { createWorker, type Worker } from '../../server/worker.ts';

export function testWorker(deps: Deps): Worker & { drain(maxRounds?: number): Promise<number> } {
  const worker = createWorker(deps, allJobs(deps));
  return {
    ...worker,
    async drain(maxRounds = 20) {
      let total = 0;
      for (let i = 0; i < maxRounds; i++) {
        const ran = await worker.runOnce();
        total += ran;
        if (ran === 0) return total;
      }
      return total;
    },
  };
}
