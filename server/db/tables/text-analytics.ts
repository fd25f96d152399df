// Row types of the text-analytics tables (migration 0004): topic taxonomy and people's corrections of an analysis.
import type { SentimentLabel } from '../../../shared/domain/vocabulary.ts';

/** An organisation's topic taxonomy (text module); keywords is a JSON array of strings. */
export interface TextTopicsTable {
  org_id: string;
  key: string;
  label_ru: string;
  label_en: string;
  keywords: string;
  position: number;
  updated_at: string;
}

/** A person's correction of a record's analysis; null fields were not corrected. topics is JSON. */
export interface TextCorrectionsTable {
  org_id: string;
  feedback_id: string;
  sentiment_label: SentimentLabel | null;
  topics: string | null;
  corrected_by: string | null;
  corrected_at: string;
}
