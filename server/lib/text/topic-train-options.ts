// Options of the topic model's training (scripts/train-text.ts), chosen by 4-fold cross-validation
// inside the topic set's TRAIN split; the test split was never used to pick them.
export const TOPIC_TRAIN_OPTIONS = { epochs: 30, learningRate: 0.3, l2: 0.001, threshold: 0.4 };
