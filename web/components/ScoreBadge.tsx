// A feedback score ("NPS 3") coloured as detractor / passive / promoter on its scale.
import { Badge } from '@mantine/core';

type Tone = 'bad' | 'middle' | 'good';
const TONE_COLOR: Record<Tone, string> = { bad: 'red', middle: 'yellow', good: 'green' };

function toneOf(type: string, value: number): Tone {
  switch (type) {
    case 'nps':
      return value <= 6 ? 'bad' : value <= 8 ? 'middle' : 'good';
    case 'csat':
      return value <= 2 ? 'bad' : value === 3 ? 'middle' : 'good';
    case 'ces': // effort: lower is better
      return value >= 5 ? 'bad' : value === 4 ? 'middle' : 'good';
    default:
      return value < 40 ? 'bad' : value < 70 ? 'middle' : 'good';
  }
}

export function ScoreBadge({ score }: { score: { type: string; value: number } | null }) {
  if (!score) return null;
  return (
    <Badge
      color={TONE_COLOR[toneOf(score.type, score.value)]}
      variant="light"
      data-testid="score-badge"
      style={{ textTransform: 'none' }}
    >
      {score.type.toUpperCase()} {score.value}
    </Badge>
  );
}
