export * from './calendar.ts';
export { resolveSpec, type TimeSpec } from './resolve.ts';
export { tagTimeExpressions, type TimeExpression } from './tagger.ts';
export { type Dateline, readDateline } from './dateline.ts';
