export * from './normalize.ts';
export * from './tokenize.ts';
export { cliticStems, entryStem } from './clitics.ts';

