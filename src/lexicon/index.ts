import type { TokenizedText } from '../text/index.ts';
import { type LexiconData, loadLexiconData } from './load.ts';
import { longestPerKind, type Match, Matcher } from './matcher.ts';
import type { ActorEntry, CueEntry, MeansEntry, NumberEntry, PlaceEntry, SourceEntry, TimeEntry, TriggerEntry } from './schemas.ts';

export type LexItem =
  | { kind: 'trigger'; id: string; entry: TriggerEntry }
  | { kind: 'actor'; id: string; entry: ActorEntry }
  | { kind: 'place'; id: string; entry: PlaceEntry }
  | { kind: 'country-adjective'; id: string; entry: PlaceEntry }
  | { kind: 'means'; id: string; entry: MeansEntry }
  | { kind: 'source'; id: string; entry: SourceEntry }
  | { kind: 'number'; id: string; entry: NumberEntry }
  | { kind: 'time'; id: string; entry: TimeEntry }
  | { kind: 'cue'; id: string; family: string; entry: CueEntry };

export type LexKind = LexItem['kind'];
export type LexMatch = Match<LexItem>;
export type MatchOf<K extends LexKind> = Match<Extract<LexItem, { kind: K }>>;

export type { ActorEntry, CueEntry, MeansEntry, NumberEntry, PlaceEntry, SourceEntry, TimeEntry, TriggerEntry };
export { DataError } from './load.ts';
import { formKeys } from './matcher.ts';

export { formKeys };

export class Lexicon {
  readonly data: LexiconData;
  private readonly matcher = new Matcher<LexItem>();
  private readonly byId = new Map<string, LexItem>();
  private readonly militaries = new Map<string, ActorEntry>();

  constructor(data: LexiconData) {
    this.data = data;
    const add = (item: LexItem, forms: { ar: string[]; en: string[] }) => {
      this.byId.set(item.id, item);
      this.matcher.add(item, [...forms.ar, ...forms.en]);
    };
    for (const entry of data.triggers) add({ kind: 'trigger', id: entry.id, entry }, entry);
    for (const entry of data.actors) {
      add({ kind: 'actor', id: entry.id, entry }, entry);
      if (entry.kind === 'state' && !entry.parent && entry.country && entry.name?.startsWith('Military Forces of') && !this.militaries.has(entry.country)) {
        this.militaries.set(entry.country, entry);
      }
    }
    // A one-word place name that is also a word of another kind ("مدني" civilian / Wad Madani,
    // "هيت" is safe, "حماة" is safe) is read as that word; the place keeps its longer names.
    const otherWords = new Set<string>(data.placeStopForms.flatMap((form) => formKeys(form).map((k) => k.key)));
    for (const list of [data.actors, data.triggers, data.means, data.numbers, data.time, ...data.cues.values()] as { ar: string[]; en: string[] }[][]) {
      for (const entry of list) {
        for (const form of [...entry.ar, ...entry.en]) {
          if (/\s/.test(form.trim())) continue;
          const keys = formKeys(form);
          if (keys.length === 1 && !keys[0].prefix) otherWords.add(keys[0].key);
        }
      }
    }
    // A one-word name with the article keeps it: "الخليل" is Hebron, "خليل" a man's name.
    const keepArticle = (form: string) => (/^ال\S+$/.test(form.trim()) ? `=${form.trim()}` : form);
    const placeForms = (forms: string[]) =>
      forms
        .filter((form) => {
          if (/\s/.test(form.trim())) return true;
          const keys = formKeys(form);
          return keys.length > 1 || !otherWords.has(keys[0]?.key ?? '');
        })
        .map(keepArticle);
    for (const entry of data.places) {
      add({ kind: 'place', id: entry.id, entry }, { ar: placeForms(entry.ar), en: placeForms(entry.en) });
      if (entry.adjectives) add({ kind: 'country-adjective', id: `${entry.id}.adjective`, entry }, entry.adjectives);
    }
    for (const entry of data.means) add({ kind: 'means', id: entry.id, entry }, entry);
    for (const entry of data.sources) add({ kind: 'source', id: entry.id, entry }, entry);
    for (const entry of data.numbers) add({ kind: 'number', id: entry.id, entry }, entry);
    for (const entry of data.time) add({ kind: 'time', id: entry.id, entry }, entry);
    for (const [family, entries] of data.cues) {
      for (const entry of entries) add({ kind: 'cue', id: entry.id, family, entry }, entry);
    }
  }

  /** The national military of a country ("Military Forces of Turkey"), for "مسيرة تركية", "Israeli warplanes". */
  nationalMilitary(country: string): ActorEntry | undefined {
    return this.militaries.get(country);
  }

  /** A national military's air force, where the catalogue has one ("Military Forces of Iraq Air Force"), for its aircraft. */
  nationalAirForce(country: string): ActorEntry | undefined {
    const military = this.militaries.get(country);
    return military ? this.data.actors.find((a) => a.parent === military.id && a.name?.endsWith(' Air Force')) : undefined;
  }

  get formCount(): number {
    return this.matcher.size;
  }

  item(id: string): LexItem | undefined {
    return this.byId.get(id);
  }

  /** All matches in the text; where two matches of one kind overlap the longer wins. */
  match(text: TokenizedText): LexMatch[] {
    return longestPerKind(this.matcher.matchAll(text.tokens), (item) => (item.kind === 'cue' ? `cue:${item.family}` : item.kind));
  }
}

let shared: Lexicon | undefined;

/** The lexicon compiled from data/ once per process. */
export function getLexicon(): Lexicon {
  shared ??= new Lexicon(loadLexiconData());
  return shared;
}

/** Matches of one kind (and, for cues, one family), in text order. */
export function ofKind<K extends LexKind>(matches: readonly LexMatch[], kind: K, family?: string): MatchOf<K>[] {
  return matches.filter((m) => m.item.kind === kind && (family === undefined || (m.item.kind === 'cue' && m.item.family === family))) as MatchOf<K>[];
}
