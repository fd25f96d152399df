// The feedback target: today's import of past feedback, committed through the feedback module's
// set-based intake (duplicate checks per 1000 rows, multi-row inserts).
import { MAX_REPORTED_ERRORS, TARGET_FIELDS } from '../../../shared/api/imports.ts';
import type { FeedbackIn } from '../../../shared/api/feedback.ts';
import { recordFeedbackMany } from '../feedback/index.ts';
import { convertRows } from './convert-rows.ts';
import { FEEDBACK_SYNONYMS } from './suggest-mapping.ts';
import type { ImportTarget, TargetOutcome } from './targets.ts';

export const feedbackTarget: ImportTarget<FeedbackIn> = {
  name: 'feedback',
  fields: TARGET_FIELDS,
  synonyms: FEEDBACK_SYNONYMS,
  required: [['scoreValue', 'text']],
  convert: (table, mapping, opts) => convertRows(table, mapping, opts.defaultSourceId),
  async commit(tx, rows, opts) {
    const outcome: TargetOutcome = { created: 0, updated: 0, duplicates: 0, errors: [] };
    const results = await recordFeedbackMany(
      tx,
      rows.map(({ row, input }) => ({
        input,
        opts: {
          skipAcknowledgement: !opts.acknowledge,
          skipCaseRules: !opts.openCases,
          raw: { importId: opts.importId, row },
        },
      })),
    );
    results.forEach((result, i) => {
      if (!result.ok) {
        if (outcome.errors.length < MAX_REPORTED_ERRORS)
          outcome.errors.push({
            row: rows[i]!.row,
            column: null,
            value: null,
            code: result.error.code,
            message: result.error.message,
          });
      } else if (result.result.created) outcome.created += 1;
      else outcome.duplicates += 1;
    });
    return outcome;
  },
};
