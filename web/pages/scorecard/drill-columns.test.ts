// The drill-down's columns per kind: eNPS never gets a row of its own, a 1/0 value the label
// already says gets no column, and every heading exists in both languages.
import { describe, expect, it } from 'vitest';
import enScorecard from '../../../shared/i18n/modules/scorecard.en.json';
import ruScorecard from '../../../shared/i18n/modules/scorecard.ru.json';
import type { DrillKind } from '../../api/scorecard-layers.ts';
import { columnHeading, drillColumns, drillUnit } from './drill-columns.ts';

const KINDS: DrillKind[] = [
  'feedback',
  'transactions',
  'clients',
  'cases',
  'calls',
  'kpi_values',
  'enps_counts',
  'invites',
];

describe('drill-down columns', () => {
  it('shows eNPS only as score → count', () => {
    expect(drillColumns('enps_counts', 'enps')).toEqual(['value', 'count']);
  });

  it('keeps a measured value and drops a 1/0 one', () => {
    expect(drillColumns('cases', 'cases.ack_minutes')).toContain('value');
    expect(drillColumns('cases', 'cases.reopen_rate')).not.toContain('value');
    expect(drillColumns('calls', 'calls.avg_wait_seconds')).toContain('value');
    expect(drillColumns('calls', 'calls.answered_share')).not.toContain('value');
    expect(drillColumns('invites', 'response_rate')).toEqual(['date', 'client', 'label', 'text']);
  });

  it('formats amounts as money and times in their unit', () => {
    expect(drillUnit('transactions', 'revenue')).toBe('money');
    expect(drillUnit('cases', 'cases.resolve_minutes')).toBe('minutes');
    expect(drillUnit('calls', 'calls.avg_wait_seconds')).toBe('seconds');
    expect(drillUnit('feedback', 'nps')).toBeNull();
  });

  it('has a heading in ru and en for every column of every kind', () => {
    for (const kind of KINDS)
      for (const column of drillColumns(kind, 'cases.ack_minutes')) {
        const key = columnHeading(kind, column);
        expect(ruScorecard.drill.columns, `${kind}.${column}`).toHaveProperty(key);
        expect(enScorecard.drill.columns, `${kind}.${column}`).toHaveProperty(key);
      }
  });
});
