// Competencies and training (issue 18, SPEC C11; docs/competencies.md): the competency model per
// position, assessments (self, manager, 360 — anonymous, hidden below a threshold), gaps per
// person, team and stage, training plan items and the onboarding checklist.
import { z } from 'zod';
import { ASSESSMENT_KINDS, TRAINING_KINDS, TRAINING_STATUSES } from '../domain/vocabulary.ts';
import { isoDate } from './care.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
export const competencyLevel = z.number().int().min(1).max(5);
/** Competency id → level 1–5 (the ids are checked against the organisation: 404 otherwise). */
const levelsById = z.record(z.uuid(), competencyLevel);

export const competencyOut = z.object({
  id: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  description: z.string().nullable(),
  /** A scorecard metric the competency moves: nps, csat, cases.resolve_minutes, kpi:<key> … */
  metricKey: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CompetencyOut = z.infer<typeof competencyOut>;

const metricKey = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9_.:-]+$/i, 'a scorecard metric key such as nps or kpi:on_time_delivery');

export const createCompetencyBody = z.object({
  nameRu: text(200),
  nameEn: text(200),
  description: text(2000).optional(),
  metricKey: metricKey.optional(),
});
export type CreateCompetencyBody = z.infer<typeof createCompetencyBody>;

export const updateCompetencyBody = z
  .object({
    nameRu: text(200),
    nameEn: text(200),
    description: text(2000).nullable(),
    metricKey: metricKey.nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });
export type UpdateCompetencyBody = z.infer<typeof updateCompetencyBody>;

export const competenciesOut = z.object({ items: z.array(competencyOut) });

export const positionModelOut = z.object({
  position: z.string(),
  /** How many employees hold the position now. */
  employees: z.number().int(),
  targets: z.array(z.object({ competencyId: z.string(), level: competencyLevel })),
});
export const modelsOut = z.object({ items: z.array(positionModelOut) });
export type ModelsOut = z.infer<typeof modelsOut>;

/** PUT: the whole model of one position (an empty `levels` clears it). */
export const putModelBody = z.object({ position: text(200), levels: levelsById });
export type PutModelBody = z.infer<typeof putModelBody>;

export const competencySettingsBody = z.object({
  /** Distinct 360 raters per employee × competency below which their answers stay hidden. */
  anonymityThreshold: z.number().int().min(2).max(50),
});
export const competencySettingsOut = competencySettingsBody;

export const assessmentKind = z.enum(ASSESSMENT_KINDS);

/** One assessment session: the kind and a level per competency. */
export const createAssessmentBody = z.object({
  kind: assessmentKind,
  levels: levelsById.refine((l) => Object.keys(l).length > 0, 'at least one competency'),
});
export type CreateAssessmentBody = z.infer<typeof createAssessmentBody>;

const person = z.object({ id: z.string(), name: z.string() });

export const assessmentsOut = z.object({
  employeeId: z.string(),
  anonymityThreshold: z.number().int(),
  /** Self and manager assessments, newest first, with who assessed. */
  items: z.array(
    z.object({
      id: z.string(),
      competencyId: z.string(),
      kind: z.enum(['self', 'manager']),
      level: competencyLevel,
      assessedAt: z.string(),
      assessedBy: person.nullable(),
    }),
  ),
  /**
   * 360 answers per competency: never who rated or when; the levels (sorted) and their mean only
   * when at least `anonymityThreshold` distinct people rated — otherwise both are null.
   */
  peers: z.array(
    z.object({
      competencyId: z.string(),
      raters: z.number().int(),
      shown: z.boolean(),
      mean: z.number().nullable(),
      levels: z.array(competencyLevel).nullable(),
    }),
  ),
});
export type AssessmentsOut = z.infer<typeof assessmentsOut>;

export const gapSource = z.enum(['manager', 'peer', 'self']);

export const gapCellOut = z.object({
  competencyId: z.string(),
  target: competencyLevel,
  /** The assessed level (docs/competencies.md); null when not assessed (or only hidden 360). */
  assessed: z.number().nullable(),
  source: gapSource.nullable(),
  /** max(0, target − assessed); null when not assessed. */
  gap: z.number().nullable(),
});
export type GapCellOut = z.infer<typeof gapCellOut>;

export const gapsOut = z.object({
  competencies: z.array(competencyOut),
  people: z.array(
    z.object({
      employeeId: z.string(),
      name: z.string(),
      position: z.string().nullable(),
      stageKey: z.string().nullable(),
      cells: z.array(gapCellOut),
    }),
  ),
  /** Per competency: people with a target, assessed, mean gap of the assessed, share meeting. */
  summary: z.array(
    z.object({
      competencyId: z.string(),
      people: z.number().int(),
      assessed: z.number().int(),
      meanGap: z.number().nullable(),
      meetingShare: z.number().nullable(),
    }),
  ),
  /** Share of (person × competency) pairs at or above target; null without pairs. */
  coverage: z.number().nullable(),
  pairs: z.number().int(),
});
export type GapsOut = z.infer<typeof gapsOut>;

export const gapsQuery = z.object({
  stage: z.string().trim().min(1).max(100).optional(),
  employeeId: z.uuid().optional(),
});
export type GapsQuery = z.infer<typeof gapsQuery>;

export const trainingKind = z.enum(TRAINING_KINDS);
export const trainingStatus = z.enum(TRAINING_STATUSES);

export const trainingItemOut = z.object({
  id: z.string(),
  employee: person,
  competency: z.object({ id: z.string(), nameRu: z.string(), nameEn: z.string() }).nullable(),
  kind: trainingKind,
  title: z.string(),
  dueDate: z.string().nullable(),
  status: trainingStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TrainingItemOut = z.infer<typeof trainingItemOut>;

/** From a gap with one click: employeeId + competencyId; the title defaults to the competency. */
export const createTrainingItemBody = z
  .object({
    employeeId: z.uuid(),
    competencyId: z.uuid().optional(),
    kind: trainingKind.default('course'),
    title: text(300).optional(),
    dueDate: isoDate.optional(),
    status: trainingStatus.default('planned'),
  })
  .refine((b) => b.title !== undefined || b.competencyId !== undefined, {
    message: 'a title, or a competency to name the item after',
    path: ['title'],
  });
export type CreateTrainingItemBody = z.infer<typeof createTrainingItemBody>;

export const updateTrainingItemBody = z
  .object({
    kind: trainingKind,
    title: text(300),
    dueDate: isoDate.nullable(),
    status: trainingStatus,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });
export type UpdateTrainingItemBody = z.infer<typeof updateTrainingItemBody>;

export const listTrainingItemsQuery = z.object({
  employeeId: z.uuid().optional(),
  status: trainingStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListTrainingItemsQuery = z.infer<typeof listTrainingItemsQuery>;

export const onboardingTemplateBody = z.object({
  items: z.array(z.object({ titleRu: text(300), titleEn: text(300) })).max(100),
});
export const onboardingTemplateOut = z.object({
  items: z.array(z.object({ id: z.string(), titleRu: z.string(), titleEn: z.string() })),
});

export const checklistOut = z.object({
  id: z.string(),
  employee: person.extend({ hireDate: z.string().nullable() }),
  createdAt: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      titleRu: z.string(),
      titleEn: z.string(),
      doneAt: z.string().nullable(),
      doneBy: person.nullable(),
    }),
  ),
});
export type ChecklistOut = z.infer<typeof checklistOut>;
export const checklistsOut = z.object({ items: z.array(checklistOut) });
export const createChecklistBody = z.object({ employeeId: z.uuid() });
export const tickBody = z.object({ done: z.boolean() });
export const checklistItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
