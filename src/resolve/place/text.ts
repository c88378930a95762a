import { getLexicon, ofKind, type PlaceEntry } from '../../lexicon/index.ts';
import { tokenize } from '../../text/index.ts';
import { articleCountry, choosePlace, disambiguate, type PlaceChoice, placeMentions } from './geocode.ts';

export interface GeocodedMention {
  readonly text: string;
  readonly span: [number, number];
  readonly candidates: PlaceEntry[];
  readonly chosen: PlaceEntry;
  readonly qualifiers: string[];
  readonly origin: boolean;
}

/** Every place a text names, with its candidates, and the place an event told in it would get. */
export function geocodeText(text: string): { mentions: GeocodedMention[]; choice: PlaceChoice | null; country: string | null } {
  const lexicon = getLexicon();
  const tokens = tokenize(text);
  const matches = lexicon.match(tokens);
  const origins = ofKind(matches, 'cue', 'roles').filter((c) => c.item.entry.role === 'origin');
  const mentions = placeMentions(
    ofKind(matches, 'place'),
    ofKind(matches, 'cue', 'geo'),
    origins,
    tokens.tokens,
    text,
    ofKind(matches, 'source'),
    ofKind(matches, 'actor'),
    ofKind(matches, 'cue', 'institution'),
  );
  const country = articleCountry(mentions, ofKind(matches, 'country-adjective'));
  const countries = new Map(lexicon.data.places.filter((p) => p.kind === 'country').map((p) => [p.name, p]));
  const choice = choosePlace(mentions, tokens.sentences.map((s) => s.index), country, countries, tokens.tokens);
  return {
    country,
    choice,
    mentions: mentions.map((m) => {
      const start = tokens.tokens[m.first].start;
      const end = tokens.tokens[m.end - 1].end;
      return { text: text.slice(start, end), span: [start, end], candidates: m.candidates, chosen: disambiguate(m, country), qualifiers: [...m.qualifiers], origin: m.origin };
    }),
  };
}
