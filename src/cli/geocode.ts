import { type PlaceOutcome, readPlaceCases, scorePlaceCase } from '../evaluate/places.ts';
import { geocodeText } from '../resolve/place/index.ts';
import { table } from './format.ts';
import { InputError } from '../ingest/input.ts';

const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : '-');

function scoreTable(outcomes: PlaceOutcome[]): string {
  const groups: [string, PlaceOutcome[]][] = [
    ['all', outcomes],
    ['Arabic', outcomes.filter((o) => o.gold.lang === 'ar')],
    ['English', outcomes.filter((o) => o.gold.lang === 'en')],
    ['sites', outcomes.filter((o) => o.gold.kind === 'site')],
    ['governorate only', outcomes.filter((o) => o.gold.geo_precision === 3)],
    ['not in gazetteer', outcomes.filter((o) => o.gold.expect === 'admin1-only')],
  ];
  return table(
    ['mentions', 'n', 'admin1', 'within 10 km', 'geo_precision', 'no candidate'],
    groups.map(([name, g]) => [
      name,
      g.length,
      pct(g.filter((o) => o.admin1).length, g.length),
      pct(g.filter((o) => o.within10km).length, g.length),
      pct(g.filter((o) => o.precision).length, g.length),
      pct(g.filter((o) => o.noCandidate).length, g.length),
    ]),
  );
}

export function geocodeCommand(text: string | undefined, options: { gold?: string; verbose?: boolean }): void {
  if (options.gold) {
    let cases: ReturnType<typeof readPlaceCases>;
    try {
      cases = readPlaceCases(options.gold);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    const outcomes = cases.map(scorePlaceCase);
    let out = scoreTable(outcomes);
    if (options.verbose) {
      for (const o of outcomes.filter((x) => !x.admin1 || !x.within10km)) {
        out += `\n${o.gold.sentence}\n    gold ${o.gold.location} (${o.gold.admin1}, p${o.gold.geo_precision})   ours ${o.choice ? `${o.choice.location} (${o.choice.admin1 ?? '-'}, p${o.choice.precision})` : 'nothing'}${o.noCandidate ? '   [no candidate]' : ''}`;
      }
    }
    process.stdout.write(`${out}\n`);
    return;
  }
  if (!text) throw new InputError('geocode: give a TEXT, or --gold FILE to score a test set');
  const { mentions, choice, country } = geocodeText(text);
  const rows = mentions.map((m) => [
    m.text,
    `${m.chosen.name} (${m.chosen.kind}, ${m.chosen.admin1 ?? m.chosen.country})`,
    m.candidates.length > 1 ? m.candidates.map((c) => `${c.name}/${c.country}`).join('; ') : '-',
    [...m.qualifiers, m.origin ? 'origin' : ''].filter(Boolean).join(' ') || '-',
  ]);
  const chosen = choice ? `${choice.location} (${choice.admin1 ?? '-'}, ${choice.country}) ${choice.latitude}, ${choice.longitude}, geo_precision ${choice.precision}` : 'none';
  process.stdout.write(`${rows.length ? table(['mention', 'chosen', 'other candidates', 'qualifiers'], rows) : 'no places found'}\n\ncountry: ${country ?? '-'}\nevent place: ${chosen}\n`);
}
