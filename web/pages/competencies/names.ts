// Small helpers of the competencies pages: names in the interface language, gap colours.
import type { CompetencyOut } from '../../api/competencies.ts';

export const nameOf = (c: Pick<CompetencyOut, 'nameRu' | 'nameEn'>, lang: string) =>
  lang.startsWith('en') ? c.nameEn : c.nameRu;

/** Cell colour by gap: met, one level short, more, or not assessed. */
export function gapColour(gap: number | null): string {
  if (gap === null) return 'var(--mantine-color-gray-1)';
  if (gap === 0) return 'var(--mantine-color-teal-1)';
  if (gap <= 1) return 'var(--mantine-color-yellow-2)';
  return 'var(--mantine-color-red-2)';
}

export const percent = (share: number | null) =>
  share === null ? '—' : `${Math.round(share * 1000) / 10} %`;

export const COMPETENCIES_KEY = ['competencies'] as const;
