// eNPS pulse surveys and the employee layer of the scorecard (issue 15, METRICS.md "Employee
// layer"). Nothing here carries an individual answer: results are per team and period, hidden
// below 5 answers, and comments come only with a shown team and period.
import { z } from 'zod';
import { ECONOMICS_PERIODS, LANGUAGES, PULSE_KINDS, PULSE_STATUSES } from '../domain/vocabulary.ts';

/** Fewer answers than this per team and period: the eNPS is hidden (anonymity). */
export const ENPS_MIN_ANSWERS = 5;
const stageKey = z.string().trim().min(1).max(100);
const queryDate = z.string().regex(/^\d{4}-\d\d-\d\d$/, 'YYYY-MM-DD');

export const createPulseBody = z.object({
  name: z.string().trim().min(1).max(200),
  /** The teams (employees' stage keys); absent = every team. */
  stages: z.array(stageKey).min(1).max(200).optional(),
  /** The language of the invitation e-mails (the answer page offers both). */
  language: z.enum(LANGUAGES).default('ru'),
  /** E-mail a personal link to every active employee with an address in the teams. */
  send: z.boolean().default(true),
});
export type CreatePulseBody = z.infer<typeof createPulseBody>;

export const updatePulseBody = z.object({ status: z.enum(PULSE_STATUSES) });

export const teamLinkOut = z.object({
  stage: z.string(),
  url: z.string().describe('shared link of the team: one answer per browser (cookie)'),
});
export const pulseTeamOut = z.object({
  stage: z.string().nullable(),
  invited: z.number().int(),
  answered: z.number().int().describe('invitations used; never which ones'),
});
export const pulseOut = z.object({
  id: z.uuid(),
  kind: z.enum(PULSE_KINDS),
  name: z.string(),
  stages: z.array(z.string()).nullable(),
  language: z.enum(LANGUAGES),
  status: z.enum(PULSE_STATUSES),
  createdAt: z.string(),
  links: z.array(teamLinkOut),
  teams: z.array(pulseTeamOut),
});
export type PulseOut = z.infer<typeof pulseOut>;
export const createPulseOut = pulseOut.extend({
  queued: z.number().int().describe('invitation e-mails queued'),
  withoutEmail: z.number().int().describe('active employees of the teams without an e-mail'),
});

export const listPulsesQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The window of a report: [from, to) of whole periods; defaults to the last 6 periods. */
export const enpsQuery = z.object({
  period: z.enum(ECONOMICS_PERIODS).default('month'),
  from: queryDate.optional(),
  to: queryDate.optional(),
  stage: stageKey.optional(),
});
export type EnpsQuery = z.infer<typeof enpsQuery>;

const hiddenReason = z
  .enum(['fewer_than_5_answers'])
  .nullable()
  .describe('why the value is hidden; null when shown');
export const enpsCellOut = z.object({
  stage: z.string().nullable().describe('the team (stage key); null for employees without one'),
  period: z.string().describe('2026-01, 2026-Q1 or 2026'),
  answers: z.number().int(),
  hidden: z.boolean(),
  reason: hiddenReason,
  enps: z.number().nullable().describe('% of 9–10 − % of 0–6, one decimal; null when hidden'),
  marginOfError: z.number().nullable().describe('95 %, points, one decimal; null when hidden'),
});
export type EnpsCellOut = z.infer<typeof enpsCellOut>;

export const pulseResultsOut = z.object({
  period: z.enum(ECONOMICS_PERIODS),
  from: z.string(),
  to: z.string(),
  items: z.array(
    enpsCellOut.extend({
      comments: z
        .array(z.string())
        .describe('the comments of a shown team and period, in text order (never arrival order)'),
    }),
  ),
});
export type PulseResultsOut = z.infer<typeof pulseResultsOut>;

export const scorecardEmployeesOut = z.object({
  period: z.enum(ECONOMICS_PERIODS),
  from: z.string(),
  to: z.string(),
  items: z.array(
    enpsCellOut.extend({
      metric: z.literal('enps'),
      target: z
        .number()
        .nullable()
        .describe('the stage registry target for enps; null without one'),
      status: z.enum(['green', 'amber', 'red']).nullable(),
    }),
  ),
});
export type ScorecardEmployeesOut = z.infer<typeof scorecardEmployeesOut>;
