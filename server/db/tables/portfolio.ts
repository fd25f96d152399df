// Tables of the portfolio module (migrations 0028, 0030).
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

/** One action of a cell's care playbook (migration 0030). */
export interface PortfolioPlaybookActionsTable {
  id: string;
  org_id: string;
  attractiveness: PortfolioLevel;
  relationship: PortfolioLevel;
  position: number;
  title_ru: string;
  title_en: string;
  every_days: number;
  created_at: string;
  updated_at: string;
}

/** When a playbook action was last done for a client (migration 0030). */
export interface PortfolioPlaybookDoneTable {
  org_id: string;
  client_id: string;
  action_id: string;
  done_at: string;
  done_by: string | null;
}
