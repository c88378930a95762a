export * from './geocode.ts';
