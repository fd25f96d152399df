// What the public status page of a record shows beyond its own state: notes a module above
// feedback registers (ADR 008's upward registration), e.g. the backlog's "you said, we did" —
// an initiative linked to the record is done, with its public note. Feedback cannot import
// those modules, so they register a source here; every source is asked, in registration order.
import type { OrgScope } from '../../context.ts';

export interface StatusNote {
  title: string;
  /** The public note written for clients (may be empty). */
  note: string | null;
  /** When it was done (ISO instant). */
  at: string;
}

export interface StatusNotesSource {
  name: string;
  /** The notes for one record of the organisation (never another organisation's). */
  notesFor(s: OrgScope, feedbackId: string): Promise<StatusNote[]>;
}

const sources = new Map<string, StatusNotesSource>();

/** Registers (or replaces, by name) a source of status-page notes. */
export function registerStatusNotes(source: StatusNotesSource): void {
  sources.set(source.name, source);
}

export async function statusNotesFor(s: OrgScope, feedbackId: string): Promise<StatusNote[]> {
  const out: StatusNote[] = [];
  for (const source of sources.values()) out.push(...(await source.notesFor(s, feedbackId)));
  return out;
}
