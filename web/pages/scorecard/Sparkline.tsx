// A metric's periods as a tiny inline SVG line — cheap enough for a grid of many cells, where a
// chart library instance per cell would not be. A missing period breaks the line; the last
// point (the value shown) is a dot.
import { useTranslation } from 'react-i18next';

interface Point {
  period: string;
  value: number | null;
}

/** Runs of consecutive non-null points as "x,y x,y" strings, scaled into the box. */
export function sparkPaths(points: readonly Point[], width: number, height: number, pad = 2) {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0) return { runs: [] as string[], last: null };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = points.length > 1 ? (width - pad * 2) / (points.length - 1) : 0;
  const xy = (v: number, i: number): [number, number] => [
    Math.round((pad + i * step) * 10) / 10,
    // A flat line sits in the middle rather than on the floor.
    max === min
      ? height / 2
      : Math.round((height - pad - ((v - min) / span) * (height - pad * 2)) * 10) / 10,
  ];
  const runs: string[] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(xy(p.value, i).join(','));
  });
  if (run.length) runs.push(run.join(' '));
  const lastIndex = points.length - 1;
  const lastValue = points[lastIndex]?.value ?? null;
  return { runs, last: lastValue === null ? null : xy(lastValue, lastIndex) };
}

export function Sparkline({
  series,
  width = 64,
  height = 20,
  colour = 'var(--mantine-color-blue-6)',
}: {
  series: readonly Point[];
  width?: number;
  height?: number;
  colour?: string;
}) {
  const { t } = useTranslation();
  const { runs, last } = sparkPaths(series, width, height);
  if (series.length < 2 || runs.length === 0) return <span style={{ width, flex: 'none' }} />;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('scorecard.layers.sparkline')}
      style={{ flex: 'none', overflow: 'visible' }}
      data-testid="sparkline"
    >
      {runs.map((points, i) =>
        points.includes(' ') ? (
          <polyline key={i} points={points} fill="none" stroke={colour} strokeWidth={1.5} />
        ) : (
          <circle
            key={i}
            cx={points.split(',')[0]}
            cy={points.split(',')[1]}
            r={1.2}
            fill={colour}
          />
        ),
      )}
      {last && <circle cx={last[0]} cy={last[1]} r={2.2} fill={colour} />}
    </svg>
  );
}
