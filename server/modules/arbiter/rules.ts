// Suggested actions (issue 16): a rule table the CX lead edits. Rules are tried in order; the
// first that fires gives the stage's suggestion. A rule names a metric key or a family ending in
// "*" and fires when that metric is the stage's top significant driver (`top_driver`), is red
// (`red`), or is red or amber (`off_target`). {stage} and {metric} in the text are replaced.
// Without saved rules an organisation uses BUILT_IN_RULES. Pure.
import type { ArbiterRuleIn, DriverOut, SuggestionOut } from '../../../shared/api/arbiter.ts';
import type { LayerMetricOut } from '../../../shared/api/scorecard-layers.ts';

export interface Rule extends ArbiterRuleIn {
  id: string;
}

const rule = (id: string, metric: string, when: Rule['when'], textRu: string, textEn: string) => ({
  id: `built-in:${id}`,
  metric,
  when,
  textRu,
  textEn,
});

export const BUILT_IN_RULES: readonly Rule[] = [
  rule(
    'kpi-driver',
    'kpi:*',
    'top_driver',
    'Показатель «{metric}» сильнее всего объясняет NPS этапа «{stage}». Назначьте владельца процесса, разберите причины отклонений и поставьте цель на следующий месяц.',
    '"{metric}" explains the NPS of "{stage}" best. Name a process owner, analyse the deviations and set a target for next month.',
  ),
  rule(
    'ack',
    'cases.ack_minutes',
    'off_target',
    'Клиенты этапа «{stage}» долго ждут первого ответа. Проверьте распределение обращений и дежурства, включите уведомления ответственным.',
    'Clients of "{stage}" wait too long for a first answer. Check how cases are assigned and who is on duty; turn on owner notifications.',
  ),
  rule(
    'resolve',
    'cases.resolve_minutes',
    'off_target',
    'Обращения этапа «{stage}» решаются дольше цели. Разберите пять самых долгих случаев и уберите лишние согласования.',
    'Cases of "{stage}" take longer than the target to resolve. Review the five slowest and remove needless hand-offs.',
  ),
  rule(
    'sla',
    'cases.sla_breach_share',
    'off_target',
    'На этапе «{stage}» часто нарушаются сроки. Пересмотрите SLA и нагрузку на команду.',
    'Deadlines are often missed at "{stage}". Revisit the SLA and the team\'s workload.',
  ),
  rule(
    'reopen',
    'cases.reopen_rate',
    'off_target',
    'Обращения этапа «{stage}» открываются повторно: проблему закрывают не до конца. Введите проверку решения с клиентом.',
    'Cases of "{stage}" get reopened: problems are closed before they are solved. Confirm the fix with the client before closing.',
  ),
  rule(
    'calls',
    'calls.*',
    'off_target',
    'Телефония этапа «{stage}» не справляется ({metric}). Добавьте операторов в часы пик и перезванивайте на пропущенные.',
    'The phones of "{stage}" fall short ({metric}). Add agents at peak hours and call missed callers back.',
  ),
  rule(
    'enps',
    'enps',
    'off_target',
    'Команда этапа «{stage}» недовольна (eNPS ниже цели). Поговорите с людьми: недовольные сотрудники не сделают клиентов довольными.',
    'The team of "{stage}" is unhappy (eNPS below target). Talk to the people: unhappy staff do not make clients happy.',
  ),
  rule(
    'on-time',
    'on_time_share',
    'off_target',
    'Клиенты этапа «{stage}» платят с опозданием. Уточните условия оплаты и напоминайте о сроках заранее.',
    'Clients of "{stage}" pay late. Clarify payment terms and remind them before the due date.',
  ),
  rule(
    'any-red',
    '*',
    'red',
    'Показатель «{metric}» этапа «{stage}» в красной зоне. Назначьте ответственного и план исправления.',
    '"{metric}" of "{stage}" is red. Name an owner and a plan to fix it.',
  ),
];

const matches = (pattern: string, metric: string) =>
  pattern.endsWith('*') ? metric.startsWith(pattern.slice(0, -1)) : metric === pattern;

/** The first rule that fires, with its texts filled in; null when none fires. */
export function suggest(
  rules: readonly Rule[],
  stage: { nameRu: string; nameEn: string },
  drivers: readonly DriverOut[],
  metrics: readonly LayerMetricOut[],
  nameOf: (metric: string, lang: 'ru' | 'en') => string,
): SuggestionOut | null {
  const top = drivers.find((d) => d.status === 'ranked' && d.significant);
  for (const r of rules) {
    const hit =
      r.when === 'top_driver'
        ? top && matches(r.metric, top.metric)
          ? top.metric
          : undefined
        : metrics.find(
            (m) =>
              matches(r.metric, m.metric) &&
              (m.status === 'red' || (r.when === 'off_target' && m.status === 'amber')),
          )?.metric;
    if (!hit) continue;
    const fill = (text: string, lang: 'ru' | 'en') =>
      text
        .replaceAll('{stage}', lang === 'ru' ? stage.nameRu : stage.nameEn)
        .replaceAll('{metric}', nameOf(hit, lang));
    return {
      ruleId: r.id,
      metric: hit,
      textRu: fill(r.textRu, 'ru'),
      textEn: fill(r.textEn, 'en'),
    };
  }
  return null;
}

/**
 * The metrics that moved most against their target: red before amber, by relative shortfall;
 * then metrics without a status that moved the wrong way most against the period before.
 */
export function worstMetrics(metrics: readonly LayerMetricOut[], limit = 5): LayerMetricOut[] {
  const shortfall = (m: LayerMetricOut) =>
    m.value === null || m.target === null
      ? 0
      : (m.direction === 'up' ? m.target - m.value : m.value - m.target) /
        Math.max(Math.abs(m.target), 1e-9);
  const worsening = (m: LayerMetricOut) =>
    m.value === null || m.previous === null || m.previous === 0
      ? 0
      : (m.direction === 'up' ? m.previous - m.value : m.value - m.previous) / Math.abs(m.previous);
  const rank = { red: 0, amber: 1 } as const;
  const off = metrics
    .filter((m) => m.status === 'red' || m.status === 'amber')
    .sort(
      (a, b) =>
        rank[a.status as 'red' | 'amber'] - rank[b.status as 'red' | 'amber'] ||
        shortfall(b) - shortfall(a),
    );
  const moving = metrics
    .filter((m) => m.status === null && worsening(m) > 0)
    .sort((a, b) => worsening(b) - worsening(a));
  return [...off, ...moving].slice(0, limit);
}
