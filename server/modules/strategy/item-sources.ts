// What hangs under a goal comes from other modules: initiatives from the backlog, training plan
// items from competencies (issue 18). Each kind has a source that looks its items up by id in the
// caller's organisation; an id it does not return is not linkable (404, like any foreign id).
// Until a module is wired its kind has no source: links are checked for format only and shown
// without a title (docs/strategy.md) — wiring is one entry in ITEM_SOURCES. Both kinds are
// wired: initiatives (backlog), training items (competencies).
import type { Ctx } from '../../context.ts';
import type { StrategyItemKind } from '../../../shared/domain/vocabulary.ts';
import { initiativesByIds } from '../backlog/index.ts';
import { trainingItemsByIds } from '../competencies/index.ts';

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

/** A training plan item, titled with the employee it is for. */
const training: ItemSource = {
  lookup: async (ctx, ids) => {
    if (ids.length === 0) return new Map();
    const items = await trainingItemsByIds(ctx, ids);
    return new Map(
      items.map((i) => [
        i.id,
        {
          id: i.id,
          title: `${i.title} (${i.employee.name})`,
          status: i.status,
          dueDate: i.dueDate,
        },
      ]),
    );
  },
};

/** A backlog initiative. */
const initiative: ItemSource = {
  lookup: async (ctx, ids) => {
    if (ids.length === 0) return new Map();
    const items = await initiativesByIds(ctx, ids);
    return new Map(
      items.map((i) => [i.id, { id: i.id, title: i.title, status: i.status, dueDate: i.dueDate }]),
    );
  },
};

/** kind → its module's lookup; a kind without one is not wired yet. */
export const ITEM_SOURCES: Partial<Record<StrategyItemKind, ItemSource>> = {
  initiative,
  training,
};

export function sourceOf(kind: StrategyItemKind): ItemSource | undefined {
  return ITEM_SOURCES[kind];
}
