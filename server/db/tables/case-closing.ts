// Row types of issue 21's resolution codes (migration 0044).

/** Why cases get closed, per organisation (migration 0044); cases name a code by `key`. */
export interface ResolutionCodesTable {
  id: string;
  org_id: string;
  key: string;
  name_ru: string;
  name_en: string;
  position: number;
  retired_at: string | null;
  created_at: string;
}
