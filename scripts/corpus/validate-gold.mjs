// Checks a gold folder (gold.jsonl and its `<id>.<lang>.txt` articles) against the project's data/:
//   node scripts/corpus/validate-gold.mjs corpus/holdout
//   node scripts/corpus/validate-gold.mjs corpus/dev/ar2 --langs=ar
// Catalogue files without `entries` are skipped, and the generated gazetteer (data/places/generated/) is
// read as part of the gazetteer, as src/lexicon/load.ts does. Each gold folder's validate.mjs calls it.
import fs from 'node:fs';
import path from 'node:path';

const [folder, ...flags] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node scripts/corpus/validate-gold.mjs <folder> [--langs=ar,en]');
  process.exit(2);
}
const HERE = path.resolve(folder);
const DATA = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../data');
// The languages a folder's articles may be in (corpus/dev/ar2 is Arabic only).
const LANGS = (flags.find((f) => f.startsWith('--langs='))?.slice('--langs='.length) ?? 'ar,en').split(',');
const TEXT_FILE = new RegExp(`\\.(${LANGS.join('|')})\\.txt$`);
const read = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const errors = [];
const err = (id, msg) => errors.push(`${id}: ${msg}`);

// --- reference data
const typePairs = new Set();
for (const t of read(`${DATA}/acled/event-types.json`).eventTypes)
  for (const s of t.subEventTypes) typePairs.add(`${t.eventType}|${s.name}`);
const actorNames = new Set();
const templates = [];
for (const f of fs.readdirSync(`${DATA}/actors`)) {
  for (const e of read(`${DATA}/actors/${f}`).entries ?? []) {
    if (e.name) actorNames.add(e.name);
    if (e.template) templates.push(e.template);
  }
}
const countries = read(`${DATA}/places/countries.json`).entries;
const places = [];
for (const dir of [`${DATA}/places`, `${DATA}/places/generated`])
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.json') && f !== 'countries.json') places.push(...(read(`${dir}/${f}`).entries ?? []));
const meansLabels = new Set(read(`${DATA}/means/means.json`).entries.map((e) => e.label));

const km = (a, b, c, d) => {
  const R = 6371, r = Math.PI / 180;
  const x = Math.sin(((c - a) * r) / 2) ** 2 + Math.cos(a * r) * Math.cos(c * r) * Math.sin(((d - b) * r) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(x));
};
const actorOk = (name, country) => actorNames.has(name) || templates.some((t) => t.replace('{country}', country) === name);

const TOP = ['id', 'lang', 'published', 'outlet', 'text', 'events', 'claims'];
const FIELDS = new Set(['event_type', 'sub_event_type', 'event_date', 'time_precision', 'date_text', 'actor1', 'actor1_certainty', 'actor1_suspected',
  'actor2', 'country', 'iso', 'admin1', 'location', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'injuries', 'means', 'source',
  'background', 'related', 'evidence']);
const REQUIRED = [...FIELDS].filter((f) => !['actor1_suspected', 'injuries', 'related'].includes(f));
const CERT = new Set(['stated', 'claimed', 'suspected', 'unknown']);
const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

function checkEvidence(id, text, evidence, where) {
  if (!Array.isArray(evidence) || evidence.length === 0) return err(id, `${where}: no evidence`);
  for (const ev of evidence) {
    if (text.slice(ev.start, ev.end) !== ev.text) err(id, `${where}: evidence slice mismatch at ${ev.start}-${ev.end}`);
  }
}

// --- gold
const lines = fs.readFileSync(path.join(HERE, 'gold.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
const seen = new Set();
let nEvents = 0;
lines.forEach((line, n) => {
  let o;
  try { o = JSON.parse(line); } catch (e) { return err(`line ${n + 1}`, `does not parse: ${e.message}`); }
  const id = o.id;
  if (JSON.stringify(Object.keys(o)) !== JSON.stringify(TOP)) err(id, `top-level keys ${Object.keys(o)}`);
  if (seen.has(id)) err(id, 'duplicate id');
  seen.add(id);
  if (!LANGS.includes(o.lang)) err(id, `lang is not ${LANGS.join(' or ')}`);
  if (!isDate(o.published)) err(id, 'bad published date');
  const file = path.join(HERE, `${id}.${o.lang}.txt`);
  if (!fs.existsSync(file)) err(id, 'text file missing');
  else if (fs.readFileSync(file, 'utf8') !== o.text) err(id, 'text differs from file');
  const words = o.text.split(/\s+/).filter(Boolean).length;
  if (words < 80 || words > 350) err(id, `${words} words`);
  o.events.forEach((e, i) => {
    nEvents++;
    const w = `event ${i}`;
    for (const k of Object.keys(e)) if (!FIELDS.has(k)) err(id, `${w}: unknown field ${k}`);
    for (const k of REQUIRED) if (!(k in e)) err(id, `${w}: missing field ${k}`);
    if (!typePairs.has(`${e.event_type}|${e.sub_event_type}`)) err(id, `${w}: bad type pair ${e.event_type} / ${e.sub_event_type}`);
    if (e.event_date !== null && !isDate(e.event_date)) err(id, `${w}: bad event_date`);
    if (![1, 2, 3].includes(e.time_precision)) err(id, `${w}: bad time_precision`);
    if (![1, 2, 3].includes(e.geo_precision)) err(id, `${w}: bad geo_precision`);
    if (e.date_text && !o.text.includes(e.date_text)) err(id, `${w}: date_text not in text`);
    if (!CERT.has(e.actor1_certainty)) err(id, `${w}: bad actor1_certainty`);
    if ((e.actor1_certainty === 'suspected') !== ('actor1_suspected' in e)) err(id, `${w}: actor1_suspected must be set exactly when suspected`);
    const c = countries.find((x) => x.name === e.country);
    if (!c) err(id, `${w}: unknown country ${e.country}`);
    else if (c.iso !== e.iso) err(id, `${w}: iso ${e.iso} != ${c.iso}`);
    if (!actorOk(e.actor1, e.country)) err(id, `${w}: actor1 not in catalogue: ${e.actor1}`);
    if (e.actor2 !== null && !actorOk(e.actor2, e.country)) err(id, `${w}: actor2 not in catalogue: ${e.actor2}`);
    if (e.actor1_suspected && !actorOk(e.actor1_suspected, e.country)) err(id, `${w}: actor1_suspected not in catalogue: ${e.actor1_suspected}`);
    if (e.event_type === 'Protests' && !/^Protesters \(/.test(e.actor1)) err(id, `${w}: protesters must be actor1`);
    if (e.event_type === 'Riots' && !/^Rioters \(/.test(e.actor1)) err(id, `${w}: rioters must be actor1`);
    if (e.sub_event_type === 'Peaceful protest' && e.fatalities !== 0) err(id, `${w}: peaceful protest must have fatalities 0`);
    if (!(e.fatalities === null || Number.isInteger(e.fatalities))) err(id, `${w}: bad fatalities`);
    if ('injuries' in e && !(e.injuries === null || Number.isInteger(e.injuries))) err(id, `${w}: bad injuries`);
    if (!Array.isArray(e.means) || e.means.some((m) => !meansLabels.has(m))) err(id, `${w}: bad means ${e.means}`);
    if (typeof e.background !== 'boolean') err(id, `${w}: background not boolean`);
    // place
    const admin1 = places.find((p) => p.kind === 'admin1' && p.name === e.admin1 && p.country === e.country);
    if (!admin1) err(id, `${w}: admin1 ${e.admin1} not in gazetteer for ${e.country}`);
    const cands = places.filter((p) => p.name === e.location && p.country === e.country && (p.kind === 'admin1' ? p.name : p.admin1) === e.admin1);
    if (cands.length === 0) err(id, `${w}: location ${e.location} (${e.admin1}) not in gazetteer`);
    else if (!cands.some((p) => km(p.lat, p.lon, e.latitude, e.longitude) <= 1)) err(id, `${w}: coordinates more than 1 km from gazetteer's ${e.location}`);
    if (e.geo_precision === 3 && !cands.some((p) => p.kind === 'admin1')) err(id, `${w}: geo_precision 3 should use an admin1 entry`);
    for (const r of e.related ?? []) {
      if (!Number.isInteger(r.event_index) || r.event_index < 0 || r.event_index >= o.events.length || r.event_index === i) err(id, `${w}: related index ${r.event_index} out of range`);
    }
    checkEvidence(id, o.text, e.evidence, w);
  });
  o.claims.forEach((c, i) => {
    if (!['statement', 'statistic', 'responsibility'].includes(c.kind)) err(id, `claim ${i}: bad kind`);
    checkEvidence(id, o.text, c.evidence, `claim ${i}`);
  });
});
for (const f of fs.readdirSync(HERE)) if (TEXT_FILE.test(f) && !seen.has(f.replace(TEXT_FILE, ''))) err(f, 'text file without a gold line');

if (errors.length) {
  console.error(errors.join('\n'));
  console.error(`${errors.length} problem(s)`);
  process.exit(1);
}
console.log(`ok: ${lines.length} articles, ${nEvents} events`);
