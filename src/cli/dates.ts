import { findNumbers } from '../assemble/numbers.ts';
import { getLexicon } from '../lexicon/index.ts';
import { parseDay, tagTimeExpressions } from '../resolve/time/index.ts';
import { tokenize } from '../text/index.ts';
import { checkPublished } from './extract.ts';
import { table } from './format.ts';

export function datesCommand(text: string, options: { published?: string }): void {
  const published = checkPublished(options.published);
  const tokens = tokenize(text);
  const matches = getLexicon().match(tokens);
  const expressions = tagTimeExpressions(tokens, matches, findNumbers(tokens.tokens, matches), published ? parseDay(published) : null);
  const rows = expressions.map((e) => [e.text, e.kind, e.date, e.precision, e.since, e.ids.join(' ')]);
  process.stdout.write(`${rows.length ? table(['expression', 'kind', 'date', 'precision', 'since', 'entries'], rows) : 'no date expressions found'}\n`);
}
