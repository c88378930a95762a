import { findNumbers } from '../assemble/numbers.ts';
import { getLexicon } from '../lexicon/index.ts';
import { parseDay, tagTimeExpressions } from '../resolve/time/index.ts';
import { tokenize } from '../text/index.ts';
import { checkPublished } from './extract.ts';
import { table } from './format.ts';
import { InputError } from '../ingest/input.ts';
import { type DateCase, type DateOutcome, readDateCases, scoreDateCase, summarize } from '../evaluate/dates.ts';

export function datesGoldCommand(path: string, json: boolean, verbose: boolean): void {
  let cases: DateCase[];
  try {
    cases = readDateCases(path);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const outcomes = cases.map(scoreDateCase);
  const groups: [string, DateOutcome[]][] = [
    ['all', outcomes],
    ['Arabic', outcomes.filter((o) => o.gold.lang === 'ar')],
    ['English', outcomes.filter((o) => o.gold.lang === 'en')],
    ['since', outcomes.filter((o) => o.gold.kind === 'since')],
    ['no publication date', outcomes.filter((o) => o.gold.published === null)],
  ];
  const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : '-');
  if (json) {
    process.stdout.write(`${JSON.stringify(Object.fromEntries(groups.map(([k, v]) => [k, summarize(v)])), null, 2)}\n`);
    return;
  }
  const rows = groups.map(([name, group]) => {
    const s = summarize(group);
    return [name, s.total, pct(s.found, s.total), pct(s.exactDay, s.total), pct(s.precision, s.total), pct(s.span, s.total)];
  });
  let out = table(['expressions', 'n', 'found', 'exact day', 'precision', 'same span'], rows);
  if (verbose) {
    for (const o of outcomes.filter((x) => !x.exactDay || !x.precision)) {
      out += `\n${o.gold.published ?? 'no date'}  ${o.gold.sentence}\n    gold ${o.gold.expression} → ${o.gold.kind === 'since' ? o.gold.since : o.gold.date} (${o.gold.precision})   ours ${o.found ? `${o.found.text} → ${o.gold.kind === 'since' ? o.found.since : o.found.date} (${o.found.precision})` : 'nothing'}`;
    }
  }
  process.stdout.write(`${out}\n`);
}

export function datesCommand(text: string | undefined, options: { published?: string; gold?: string; json?: boolean; verbose?: boolean }): void {
  if (options.gold) {
    datesGoldCommand(options.gold, options.json ?? false, options.verbose ?? false);
    return;
  }
  if (!text) throw new InputError('dates: give a TEXT, or --gold FILE to score a test set');
  const published = checkPublished(options.published);
  const tokens = tokenize(text);
  const matches = getLexicon().match(tokens);
  const expressions = tagTimeExpressions(tokens, matches, findNumbers(tokens.tokens, matches), published ? parseDay(published) : null);
  const rows = expressions.map((e) => [e.text, e.kind, e.date, e.precision, e.since, e.ids.join(' ')]);
  process.stdout.write(`${rows.length ? table(['expression', 'kind', 'date', 'precision', 'since', 'entries'], rows) : 'no date expressions found'}\n`);
}
