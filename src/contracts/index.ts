export * from './acled.ts';
export * from './record.ts';
export { ROOT, dataPath } from './paths.ts';
