// A case event in words, in the reader's language: "Статус: Новое → В работе", never the
// stored codes. Shared by the case page's history and the client's timeline.
import type { TFunction } from 'i18next';
import type { CaseEvent } from '../../api/cases.ts';

export function caseEventTitle(
  e: Pick<CaseEvent, 'kind' | 'fromStatus' | 'toStatus' | 'body'>,
  t: TFunction,
  userName: (id: string | null) => string | undefined,
  /** A resolution code's name for its key (issue 21); without it the event says only "set". */
  codeName?: (key: string | null) => string | undefined,
): string {
  const status = (s: string | null) => (s ? t(`cases.status.${s}`) : '');
  switch (e.kind) {
    case 'status':
      return t('cases.timeline.status', { from: status(e.fromStatus), to: status(e.toStatus) });
    case 'assigned':
      return e.body
        ? t('cases.timeline.assigned', { name: userName(e.body) ?? e.body })
        : t('cases.timeline.unassigned');
    case 'priority':
      return t('cases.timeline.priority', { priority: t(`cases.priority.${e.body ?? 'normal'}`) });
    case 'resolution_code': {
      const name = codeName?.(e.body);
      return name
        ? t('closing.timeline.resolution_code', { name })
        : t('closing.timeline.resolution_code_plain');
    }
    case 'tagged':
      return t('closing.timeline.tagged', { tag: e.body ?? '' });
    case 'opened':
    case 'note':
    case 'sla_breached':
    case 'client_reply':
    case 'reply_sent':
      return t(`cases.timeline.${e.kind}`);
    default:
      return e.kind;
  }
}
