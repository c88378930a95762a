export * from './geocode.ts';
export { type GeocodedMention, geocodeText } from './text.ts';
