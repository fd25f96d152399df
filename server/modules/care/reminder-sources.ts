// Reminders that modules above care add to the care inbox (ADR 008's upward registration): care
// cannot import them, so they register a source from their own index.ts (e.g. the portfolio's
// cell playbooks, issue 17). Every registered source is asked on each read; nothing is stored.
import type { OrgScope } from '../../context.ts';
import type { ReminderOut } from '../../../shared/api/care.ts';

export type ReminderSourceScope = OrgScope & {
  now: Date;
  /** The reader's language, for titles kept in both. */
  lang: 'ru' | 'en';
  limit: number;
};

export interface ReminderSource {
  name: string;
  remind(s: ReminderSourceScope): Promise<ReminderOut[]>;
}

const sources = new Map<string, ReminderSource>();

/** Registers (or replaces, by name) a source of care reminders. */
export function registerReminderSource(source: ReminderSource): void {
  sources.set(source.name, source);
}

/** For tests: forget a registration. */
export function unregisterReminderSource(name: string): void {
  sources.delete(name);
}

/** The reminders of every registered source, in registration order. */
export async function remindersFromSources(s: ReminderSourceScope): Promise<ReminderOut[]> {
  const out: ReminderOut[] = [];
  for (const source of sources.values()) out.push(...(await source.remind(s)));
  return out;
}
