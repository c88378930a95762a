import { readFileSync } from 'node:fs';
import { dataPath } from '../contracts/paths.ts';

interface NoteTemplate {
  id: string;
  subEventType: string;
  text: string;
}

const templates = new Map(
  (JSON.parse(readFileSync(dataPath('record/notes.json'), 'utf8')) as { entries: NoteTemplate[] }).entries.map((t) => [t.subEventType, t]),
);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface NoteFacts {
  subEventType: string;
  exchangeOfFire: boolean;
  date: string | null;
  precision: 1 | 2 | 3;
  actor1: string;
  actor1Suspected: string | null;
  actor1Certainty: string;
  actor2: string;
  means: string[];
  location: string | null;
  admin1: string | null;
  fatalities: number | null;
  injuries: number | null;
  background: boolean;
}

function datePhrase(date: string | null, precision: 1 | 2 | 3): string {
  if (!date) return 'On an unknown date';
  const [y, m, d] = date.split('-').map(Number);
  if (precision === 3) return `In ${MONTHS[m - 1]} ${y}`;
  if (precision === 2) return `Around ${d} ${MONTHS[m - 1]} ${y}`;
  return `On ${d} ${MONTHS[m - 1]} ${y}`;
}

function actorPhrase(name: string, certainty: string, suspected: string | null): string {
  if (!name) return 'an unidentified actor';
  if (suspected) return `${name.startsWith('Unidentified') ? 'an unidentified armed group' : name} (suspected: ${suspected})`;
  if (certainty === 'claimed') return `${name} (claimed)`;
  return name;
}

/** One or two English sentences in ACLED's style, generated from the record's own fields. */
export function composeNotes(f: NoteFacts): { text: string; id: string } {
  const key = f.exchangeOfFire ? 'Armed clash (exchange of fire)' : f.subEventType;
  const template = templates.get(key) ?? templates.get('Other')!;
  const place = f.location ? (f.admin1 && f.admin1 !== f.location ? `${f.location} (${f.admin1})` : f.location) : 'an unknown location';
  const body = template.text
    .replaceAll('{a1}', actorPhrase(f.actor1, f.actor1Certainty, f.actor1Suspected))
    .replaceAll('{a2}', f.actor2 || 'unidentified targets')
    .replaceAll('{place}', place);
  const using = f.means.length ? `, using ${f.means.join(' and ')}` : '';
  const toll =
    f.fatalities === null
      ? 'Fatalities not reported.'
      : f.fatalities === 0
        ? f.injuries ? `${f.injuries} injured, no fatalities.` : 'No casualties reported.'
        : `${f.fatalities} ${f.fatalities === 1 ? 'fatality' : 'fatalities'}${f.injuries ? `, ${f.injuries} injured` : ''}.`;
  const recalled = f.background ? ' Recalled as background in a later report.' : '';
  return { text: `${datePhrase(f.date, f.precision)}, ${body}${using}. ${toll}${recalled}`, id: template.id };
}
