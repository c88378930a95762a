#!/usr/bin/env node
// Checks gold.jsonl of this folder against its text files and the project's data/.
// Usage: node corpus/dev/ar1/validate.cjs   (exit status 1 on any problem)
const fs = require("fs");
const path = require("path");

const DIR = __dirname;
const DATA = path.resolve(DIR, "../../../data");
const load = (f) => JSON.parse(fs.readFileSync(path.join(DATA, f), "utf8"));
const entries = (j) => j.entries || j;

const problems = [];
const bad = (where, msg) => problems.push(`${where}: ${msg}`);

// ACLED types
const pairs = new Set();
for (const t of load("acled/event-types.json").eventTypes)
  for (const s of t.subEventTypes) pairs.add(`${t.eventType}|${s.name}`);

// actors: names and templates
const actorNames = new Set();
const templates = [];
for (const f of fs.readdirSync(path.join(DATA, "actors"))) {
  if (!f.endsWith(".json")) continue;
  const list = entries(load(`actors/${f}`));
  if (!Array.isArray(list)) continue;
  for (const e of list) {
    if (e.name) actorNames.add(e.name);
    if (e.template) templates.push(e.template);
  }
}
const actorOk = (name, country) =>
  actorNames.has(name) || templates.some((t) => t.replace("{country}", country) === name);

// places
const countries = entries(load("places/countries.json"));
const places = [];
for (const f of fs.readdirSync(path.join(DATA, "places"))) {
  if (f === "countries.json" || !f.endsWith(".json")) continue;
  const list = entries(load(`places/${f}`));
  if (Array.isArray(list)) places.push(...list.filter((p) => p && p.name && p.kind)); // skip non-gazetteer files (common-words.json)
}
const admin1Names = new Set(places.filter((p) => p.kind === "admin1").map((p) => `${p.country}|${p.name}`));
const km = (a, b, c, d) => {
  const R = 6371, r = Math.PI / 180;
  const x = (d - b) * r * Math.cos(((a + c) / 2) * r), y = (c - a) * r;
  return Math.sqrt(x * x + y * y) * R;
};

const means = new Set(entries(load("means/means.json")).map((m) => m.label));
const CERT = new Set(["stated", "claimed", "suspected", "unknown"]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkSpans(text, ev, where) {
  if (!Array.isArray(ev) || ev.length === 0) return bad(where, "no evidence");
  for (const s of ev) {
    if (text.slice(s.start, s.end) !== s.text) bad(where, `evidence slice mismatch at ${s.start}-${s.end}: ${s.text}`);
  }
}

const lines = fs.readFileSync(path.join(DIR, "gold.jsonl"), "utf8").split("\n").filter((l) => l.trim());
const ids = new Set();
const tally = {};
let nEvents = 0;
lines.forEach((line, n) => {
  let a;
  try { a = JSON.parse(line); } catch (e) { return bad(`line ${n + 1}`, "does not parse: " + e.message); }
  const W = a.id || `line ${n + 1}`;
  for (const k of ["id", "lang", "published", "outlet", "text", "events", "claims"]) if (!(k in a)) bad(W, `missing ${k}`);
  if (ids.has(a.id)) bad(W, "duplicate id");
  ids.add(a.id);
  if (a.lang !== "ar") bad(W, "lang is not ar");
  if (!DATE.test(a.published)) bad(W, "bad published date");
  const file = path.join(DIR, `${a.id}.ar.txt`);
  if (!fs.existsSync(file)) bad(W, "text file missing");
  else if (fs.readFileSync(file, "utf8") !== a.text) bad(W, "text differs from file");
  const words = a.text.split(/\s+/).filter(Boolean).length;
  if (words < 80 || words > 350) bad(W, `word count ${words}`);

  a.events.forEach((e, i) => {
    const w = `${W} event ${i}`;
    nEvents++;
    if (!pairs.has(`${e.event_type}|${e.sub_event_type}`)) bad(w, `bad type pair ${e.event_type}/${e.sub_event_type}`);
    tally[e.sub_event_type] = (tally[e.sub_event_type] || 0) + 1;
    if (!(e.event_date === null || DATE.test(e.event_date))) bad(w, "bad event_date");
    if (![1, 2, 3].includes(e.time_precision)) bad(w, "bad time_precision");
    if (typeof e.date_text !== "string" || !a.text.includes(e.date_text)) bad(w, "date_text not in text");
    if (e.event_date && e.event_date > a.published) bad(w, "event after publication");
    const c = countries.find((x) => x.name === e.country);
    if (!c) bad(w, `unknown country ${e.country}`);
    else if (c.iso !== e.iso) bad(w, `iso ${e.iso} != ${c.iso}`);
    for (const k of ["actor1", "actor2"]) {
      if (e[k] === null || e[k] === undefined) { if (k === "actor1") bad(w, "no actor1"); continue; }
      if (!actorOk(e[k], e.country)) bad(w, `${k} not in catalogue: ${e[k]}`);
    }
    if (!CERT.has(e.actor1_certainty)) bad(w, "bad actor1_certainty");
    if (e.actor1_certainty === "suspected") {
      if (!e.actor1_suspected) bad(w, "suspected without actor1_suspected");
      else if (!actorOk(e.actor1_suspected, e.country)) bad(w, `actor1_suspected not in catalogue: ${e.actor1_suspected}`);
    } else if ("actor1_suspected" in e) bad(w, "actor1_suspected without suspected certainty");
    if (e.event_type === "Violence against civilians" && !/^Civilians \(/.test(e.actor2)) bad(w, "VAC actor2 is not civilians");
    // place
    if (!admin1Names.has(`${e.country}|${e.admin1}`)) bad(w, `admin1 not in gazetteer: ${e.admin1}`);
    const cand = places.filter((p) => p.name === e.location && p.country === e.country &&
      (p.kind === "admin1" ? p.name : p.admin1) === e.admin1);
    if (cand.length === 0) bad(w, `location not in gazetteer: ${e.location} (${e.admin1})`);
    else if (!cand.some((p) => km(p.lat, p.lon, e.latitude, e.longitude) <= 1)) bad(w, `coordinates > 1 km from gazetteer for ${e.location}`);
    if (cand.some((p) => p.kind === "admin1") && !cand.some((p) => p.kind !== "admin1") && e.geo_precision !== 3)
      bad(w, "admin1-level location should have geo_precision 3");
    if (![1, 2, 3].includes(e.geo_precision)) bad(w, "bad geo_precision");
    if (!(e.fatalities === null || Number.isInteger(e.fatalities))) bad(w, "bad fatalities");
    if ("injuries" in e && !(e.injuries === null || Number.isInteger(e.injuries))) bad(w, "bad injuries");
    for (const m of e.means || []) if (!means.has(m)) bad(w, `unknown means ${m}`);
    if (typeof e.background !== "boolean") bad(w, "background not boolean");
    for (const r of e.related || []) {
      if (!Number.isInteger(r.event_index) || r.event_index < 0 || r.event_index >= a.events.length || r.event_index === i)
        bad(w, `related index out of range: ${r.event_index}`);
      if (!r.relation) bad(w, "related without relation");
    }
    checkSpans(a.text, e.evidence, w);
  });
  a.claims.forEach((c, i) => {
    const w = `${W} claim ${i}`;
    if (!["responsibility", "statistic", "statement"].includes(c.kind)) bad(w, "bad kind");
    if (!c.speaker) bad(w, "no speaker");
    if (c.kind === "statistic" && typeof c.value !== "number") bad(w, "statistic without value");
    if (c.kind === "statement" && !(c.date === null || DATE.test(c.date))) bad(w, "bad statement date");
    checkSpans(a.text, c.evidence, w);
  });
});

console.log(`${lines.length} articles, ${nEvents} events`);
console.log(Object.entries(tally).sort((x, y) => y[1] - x[1]).map(([k, v]) => `  ${v}  ${k}`).join("\n"));
if (problems.length) { console.log(problems.join("\n")); process.exit(1); }
console.log("OK");
