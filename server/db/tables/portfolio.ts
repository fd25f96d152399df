// Tables of the portfolio module (migration 0028).
import type { PortfolioLevel } from '../../../shared/domain/vocabulary.ts';

export interface PortfolioSettingsTable {
  org_id: string;
  weights: string | null;
  computed_at: string | null;
  scores_as_of: string | null;
  totals: string | null;
  updated_at: string;
}

export interface PortfolioStrategiesTable {
  org_id: string;
  attractiveness: PortfolioLevel;
  relationship: PortfolioLevel;
  text_ru: string;
  text_en: string;
  updated_at: string;
}

export interface PortfolioScoresTable {
  org_id: string;
  client_id: string;
  segment: string | null;
  manager_id: string | null;
  revenue_minor: number;
  attractiveness: number;
  relationship: number;
  cell_a: PortfolioLevel;
  cell_r: PortfolioLevel;
  breakdown: string;
}

export interface PortfolioSnapshotsTable {
  org_id: string;
  period: string;
  as_of: string;
  taken_at: string;
  clients: number;
}

export interface PortfolioSnapshotRowsTable {
  org_id: string;
  period: string;
  client_id: string;
  revenue_minor: number;
  attractiveness: number;
  relationship: number;
  cell_a: PortfolioLevel;
  cell_r: PortfolioLevel;
}
