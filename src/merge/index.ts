export { clusterReports } from './cluster.ts';
export { combineReports, type MergedEvent } from './combine.ts';
export { dayNumber, linkStrength, type MergeKey, mergeKey, type Report } from './link.ts';
export { loadMergeRules, type MergeRules } from './rules.ts';
