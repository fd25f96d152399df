// Bumped whenever the model, lexicon or rules change, so re-analysis jobs are not deduplicated away.
export const MODEL_VERSION = 'text-2026.12-1';
