// Green, amber or red against a target (docs/scorecard.md): green on the right side of the target
// or on it; amber on the wrong side by at most AMBER_BAND of the target's size; red beyond. Pure.
import { AMBER_BAND, type TargetStatus } from '../../../shared/api/scorecard.ts';

export function targetStatus(
  value: number | null,
  target: number | null,
  direction: 'up' | 'down',
): TargetStatus | null {
  if (value === null || target === null) return null;
  // How far the value is on the wrong side of the target (≤ 0: met).
  const shortfall = direction === 'up' ? target - value : value - target;
  if (shortfall <= 0) return 'green';
  return shortfall <= AMBER_BAND * Math.abs(target) + 1e-9 ? 'amber' : 'red';
}
