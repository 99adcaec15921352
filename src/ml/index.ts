// ML pipeline stages: feature selection (tuning, sampling and decision support to follow).
export { type Dataset, checkDataset, selectColumns } from "./dataset.js";
export { type CsvDatasetOptions, type CsvDatasetResult, readCsvDataset } from "./read-csv-dataset.js";
export { type MakeClassificationOptions, type SyntheticDataset, makeClassification, permutation } from "./make-classification.js";
export { codeCount, conditionalMutualInformation, discretise, mutualInformation, pearson } from "./mutual-information.js";
export { type FeatureScoreOptions, type FeatureScores, type RedundancyMeasure, REDUNDANCY_MEASURES, defaultBinCount, scoreFeatures } from "./feature-scores.js";
export { DEFAULT_ALPHA, FEATURE_SUBSET_SOURCE, type FeatureSubsetQubo, featureSubsetQubo } from "./feature-subset-qubo.js";
export { type LogisticModel, type LogisticOptions, fitLogistic, predictProbabilities } from "./logistic-regression.js";
export { binaryAuc, macroAuc } from "./roc-auc.js";
export { type Fold, stratifiedFolds } from "./stratified-folds.js";
export { type CrossValidationScore, crossValidate, designMatrix } from "./cross-validate.js";
export { jaccard, meanPairwiseJaccard } from "./jaccard.js";
export { type Selection, type SelectionTiming, topK } from "./selection.js";
export { QUBO_SOLVERS, type QuboSelectOptions, type QuboSolverName, selectByQubo } from "./select-qubo.js";
export { BASELINES, type BaselineName, type BaselineOptions, mrmr, selectByBaseline } from "./select-baselines.js";
export { FEATURE_SELECTORS, type FeatureSelectionStageOptions, type FeatureSelectionStageRecord, type FeatureSelectorName, runFeatureSelection, select } from "./feature-selection-stage.js";
