// What hangs under a goal comes from other modules: initiatives from the backlog, training plan
// items from competencies (issue 18). Each kind has a source that looks its items up by id in the
// caller's organisation; an id it does not return is not linkable (404, like any foreign id).
// Until a module is wired its kind has no source: links are checked for format only and shown
// without a title (docs/strategy.md) — wiring is one line in ITEM_SOURCES.
import type { Ctx } from '../../context.ts';
import type { StrategyItemKind } from '../../../shared/domain/vocabulary.ts';

export interface LinkedItem {
  id: string;
  title: string;
  status: string | null;
  dueDate: string | null;
}

export interface ItemSource {
  /** The organisation's items among `ids` (others simply missing from the map). */
  lookup: (ctx: Ctx, ids: readonly string[]) => Promise<Map<string, LinkedItem>>;
}

/** kind → its module's lookup; a kind without one is not wired yet. */
export const ITEM_SOURCES: Partial<Record<StrategyItemKind, ItemSource>> = {};

export function sourceOf(kind: StrategyItemKind): ItemSource | undefined {
  return ITEM_SOURCES[kind];
}
