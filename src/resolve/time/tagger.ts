import type { NumberExpression } from '../../assemble/numbers.ts';
import type { LexMatch, TimeEntry } from '../../lexicon/index.ts';
import type { Token, TokenizedText } from '../../text/index.ts';
import type { Day } from './calendar.ts';
import { resolveSpec, type TimeSpec, type TimeUnit } from './resolve.ts';

/**
 * Finds date expressions as chunks of adjacent time words (month and weekday names, relative days,
 * units, directions, parts of a period, anchors, day numbers, years), then reads each chunk as a
 * whole: "في 6 من الشهر الجاري", "أواخر العام الماضي", "منذ أيار عام 2017", "last Thursday".
 */

export interface TimeExpression {
  readonly first: number;
  readonly end: number;
  readonly start: number;
  readonly endOffset: number;
  readonly text: string;
  /** 'since' opens a span ("منذ أيار 2017"); 'point' places an event. */
  readonly kind: 'point' | 'since';
  readonly date: string | null;
  /** ACLED time_precision: 1 day, 2 week, 3 month; null when vaguer than a month or unresolved. */
  readonly precision: 1 | 2 | 3 | null;
  /** For 'since': the start as YYYY-MM or YYYY-MM-DD. */
  readonly since: string | null;
  readonly future: boolean;
  readonly ids: string[];
}

// Words that may sit inside a date expression without meaning anything on their own.
const FILLERS = new Set(['في', 'من', 'يوم', 'the', 'of', 'on', 'in', 'th', 'st', 'nd', 'rd', 'نحو', 'حوالي', 'about', 'around', 'some', '/']);
// A preposition before a month that is also a word makes it the month: "في آب", "in March".
const MONTH_PREPOSITIONS = new Set(['في', 'خلال', 'منذ', 'حتى', 'in', 'since', 'during', 'until', 'by']);
// Atoms that say nothing at the edge of a chunk ("حزيران الماضي، من قبل" ends at الماضي).
const EDGE_ONLY = new Set(['anchor', 'few', 'year-cue', 'month-cue', 'daypart', 'hijri-era', 'ordinal']);

type Atom = { start: number; end: number } & (
  | { type: 'entry'; entry: TimeEntry; id: string; capitalized: boolean }
  | { type: 'number'; value: number; vague: boolean; id: string }
  | { type: 'year'; value: number }
  | { type: 'hijri-year'; value: number }
  | { type: 'full-date'; day: Day }
);

const YEAR = /^(19|20)\d\d$/;
const HIJRI_YEAR = /^1[34]\d\d$/;
const DAY_NUMBER = /^\d{1,2}$/;
const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

function fullDate(key: string): Day | null {
  let m = ISO_DATE.exec(key);
  if (m) return { year: +m[1], month: +m[2], day: +m[3] };
  // The Arab world writes the day first: 6/1/2022 is 6 January.
  m = DAY_FIRST_DATE.exec(key);
  if (m) return { year: +m[3], month: +m[2], day: +m[1] };
  return null;
}

function atomsByStart(tokens: readonly Token[], matches: readonly LexMatch[], numbers: readonly NumberExpression[], originalText: string): Map<number, Atom> {
  const atoms = new Map<number, Atom>();
  for (const n of numbers) {
    // A number word is part of a date only as a count of units: "ثلاثة أيام", "two weeks".
    // Not a word that is itself a deictic ("شخصان اليوم": today, not two days), and not a dual noun of
    // people ("مدنيان"), which counts persons.
    const after = matches.flatMap((m) => (m.first === n.end && m.item.kind === 'time' ? [m.item.entry] : []));
    const unitFollows = after.some((entry) => entry.kind === 'unit') && !after.some((entry) => entry.kind !== 'unit');
    const countsPersons = n.ids.some((id) => id.includes('dual-person'));
    if (!n.vague && tokens[n.first].script !== 'digit' && unitFollows && !countsPersons) atoms.set(n.first, { type: 'number', value: n.value, vague: false, start: n.first, end: n.end, id: n.ids[0] ?? 'number' });
  }
  for (const m of matches) {
    if (m.item.kind !== 'time') continue;
    const prev = atoms.get(m.first);
    // "In May" mid-sentence is the month; "may" is the verb. Arabic has no capitals, so this only helps English.
    const token = tokens[m.first];
    const capitalized = token.script === 'latin' && m.first > 0 && tokens[m.first - 1].sentence === token.sentence && /[A-Z]/.test(originalText[token.start]);
    if (prev?.type !== 'entry' || prev.end < m.end) atoms.set(m.first, { type: 'entry', entry: m.item.entry, id: m.item.id, start: m.first, end: m.end, capitalized });
  }
  tokens.forEach((token, i) => {
    if (token.script !== 'digit') return;
    const date = fullDate(token.key);
    if (date) atoms.set(i, { type: 'full-date', day: date, start: i, end: i + 1 });
    else if (YEAR.test(token.key)) atoms.set(i, { type: 'year', value: +token.key, start: i, end: i + 1 });
    else if (HIJRI_YEAR.test(token.key)) atoms.set(i, { type: 'hijri-year', value: +token.key, start: i, end: i + 1 });
    else if (DAY_NUMBER.test(token.key)) atoms.set(i, { type: 'number', value: +token.key, vague: false, start: i, end: i + 1, id: 'digits' });
  });
  return atoms;
}

export function tagTimeExpressions(
  text: TokenizedText,
  matches: readonly LexMatch[],
  numbers: readonly NumberExpression[],
  published: Day | null,
): TimeExpression[] {
  const { tokens } = text;
  const atoms = atomsByStart(tokens, matches, numbers, text.text);
  const out: TimeExpression[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!atoms.has(i)) {
      i++;
      continue;
    }
    const chunk: Atom[] = [];
    const chunkStart = i;
    let j = i;
    let lastMeaningful = i;
    while (j < tokens.length && tokens[j].sentence === tokens[i].sentence) {
      const atom = atoms.get(j);
      if (atom) {
        chunk.push(atom);
        j = atom.end;
        lastMeaningful = j;
      } else if (FILLERS.has(tokens[j].key)) {
        j++;
      } else if ((tokens[j].key === ',' || tokens[j].key === '.') && atoms.has(j + 1) && atoms.get(j + 1)?.type !== 'entry') {
        j++; // "January 3, 2022", "Aug. 4"
      } else break;
    }
    while (chunk.length > 1) {
      const last = chunk[chunk.length - 1];
      if (last.type !== 'entry' || !EDGE_ONLY.has(last.entry.kind)) break;
      const before = chunk[chunk.length - 2];
      if (last.entry.anchor === 'ago' && before.type === 'entry' && before.entry.kind === 'unit') break; // "two weeks ago"
      chunk.pop();
      lastMeaningful = chunk[chunk.length - 1].end;
    }
    const before = tokens[chunkStart - 1];
    const preposition = before !== undefined && before.sentence === tokens[chunkStart].sentence && before.stems.some((x) => MONTH_PREPOSITIONS.has(x));
    // A calendar week starts on Monday in English usage and on Sunday in the Arab countries.
    const weekStart = tokens[chunkStart].script === 'latin' ? 1 : 0;
    const expression = interpret(chunk, published, preposition, weekStart);
    if (expression) {
      const first = chunkStart;
      const end = lastMeaningful;
      out.push({
        first,
        end,
        start: tokens[first].start,
        endOffset: tokens[end - 1].end,
        text: text.text.slice(tokens[first].start, tokens[end - 1].end),
        ...expression,
      });
    }
    i = Math.max(lastMeaningful, i + 1);
  }
  return out;
}

type Interpretation = Omit<TimeExpression, 'first' | 'end' | 'start' | 'endOffset' | 'text'>;

function interpret(chunk: Atom[], published: Day | null, afterPreposition = false, weekStart: 0 | 1 = 0): Interpretation | null {
  const spec: TimeSpec = { weekStart };
  const ids: string[] = [];
  let pendingNumber: number | undefined;
  let ambiguousMonth = false;
  for (let k = 0; k < chunk.length; k++) {
    const atom = chunk[k];
    if (atom.type === 'full-date') {
      spec.fullDate = atom.day;
      ids.push('time.digits.full-date');
    } else if (atom.type === 'year') {
      spec.year = atom.value;
      ids.push('time.digits.year');
    } else if (atom.type === 'hijri-year') {
      spec.hijriYear = atom.value;
      ids.push('time.digits.hijri-year');
    } else if (atom.type === 'number') {
      const next = chunk[k + 1];
      const isCount = next?.type === 'entry' && next.entry.kind === 'unit' && next.start === atom.end;
      if (isCount) pendingNumber = atom.value;
      // "32 يونيو" is kept as a day so that it fails as one, rather than silently becoming June.
      else if (atom.value >= 1 && atom.value <= 99) spec.dayOfMonth = atom.value;
      ids.push(atom.id);
    } else {
      const e = atom.entry;
      ids.push(atom.id);
      switch (e.kind) {
        case 'month':
          spec.month = e.value as number;
          if (e.ambiguous && !atom.capitalized && !(afterPreposition && k === 0)) ambiguousMonth = true;
          break;
        case 'hijri-month':
          spec.hijriMonth = e.value as number;
          break;
        case 'ordinal':
          spec.dayOfMonth = e.value as number;
          break;
        case 'weekday':
          spec.weekday = e.value as number;
          break;
        case 'day':
          spec.dayOffset = e.offset as number;
          if (e.future) spec.future = true;
          break;
        case 'unit': {
          const unit = e.unit as TimeUnit;
          spec.unit = unit;
          spec.count = (e.count as number | undefined) ?? pendingNumber;
          pendingNumber = undefined;
          break;
        }
        case 'direction':
          spec.direction = e.value as -1 | 0 | 1;
          break;
        case 'part':
          spec.part = e.part as TimeSpec['part'];
          break;
        case 'anchor':
          if (e.anchor === 'until') return null; // "حتى اليوم", "so far": a span up to now, not the event's day
          if (e.anchor === 'since') spec.since = true;
          else if (e.anchor === 'ago') spec.ago = true;
          else spec.earlier = true;
          break;
        case 'few':
          spec.few = true;
          break;
        case 'month-cue':
          spec.monthCue = true;
          break;
        default:
          break;
      }
    }
  }
  if (spec.direction === 1) spec.future = true;
  // "عام 2017": the word for year only introduces the number.
  if (spec.year !== undefined && spec.unit === 'year' && spec.count === undefined) delete spec.unit;
  // آب is also "father", May is also "may": a bare one is not a date.
  if (ambiguousMonth && spec.dayOfMonth === undefined && spec.year === undefined && spec.direction === undefined && !spec.part && !spec.since && !spec.monthCue) {
    delete spec.month;
  }
  // منذ/قبل/ago with a unit is a distance back in time; منذ with a month or year opens a span.
  if (spec.since && spec.unit && spec.month === undefined && spec.year === undefined) {
    spec.since = false;
    spec.ago = true;
  }
  if (spec.ago && !spec.unit) spec.ago = false;
  const resolved = resolveSpec(spec, published);
  if (!resolved) return null;
  return { ...resolved, future: spec.future ?? false, ids };
}

