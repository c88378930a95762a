import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventRecord } from '../contracts/record.ts';
import { getLexicon } from '../lexicon/index.ts';
import { clusterReports, combineReports, loadMergeRules, type Report } from './index.ts';

const rules = loadMergeRules(getLexicon().data.actors);

// Places in Idlib governorate: Idlib city, Sarmin (~8 km east), Ariha (~14 km south), Maarrat al-Numan (~35 km south).
const PLACES = {
  idlib: { location: 'Idlib', latitude: 35.9306, longitude: 36.6339, geo_precision: 1 },
  sarmin: { location: 'Sarmin', latitude: 35.9036, longitude: 36.7258, geo_precision: 1 },
  maarra: { location: 'Maarrat al-Numan', latitude: 35.6433, longitude: 36.6717, geo_precision: 1 },
  governorate: { location: 'Idlib', latitude: 35.83, longitude: 36.63, geo_precision: 3 },
} as const;

function report(id: string, article: string, fields: Partial<EventRecord> & { place?: keyof typeof PLACES; published?: string; outlet?: string }): Report {
  const { place = 'idlib', published = '2024-03-05', outlet = 'Outlet', ...rest } = fields;
  const record: EventRecord = {
    event_id: id,
    event_date: '2024-03-04',
    year: 2024,
    time_precision: 1,
    date_text: null,
    disorder_type: 'Political violence',
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    actor1: 'Military Forces of Russia',
    assoc_actor_1: '',
    inter1: 8,
    actor2: 'Civilians (Syria)',
    assoc_actor_2: '',
    inter2: 7,
    interaction: 78,
    civilian_targeting: 'Civilian targeting',
    actor1_certainty: 'stated',
    actor1_suspected: null,
    country: 'Syria',
    iso: 760,
    region: 'Middle East',
    admin1: 'Idlib',
    admin2: null,
    admin3: null,
    ...PLACES[place],
    fatalities: 3,
    injuries: null,
    means: ['aircraft'],
    source: outlet,
    source_scale: 'National',
    notes: '',
    tags: '',
    background: false,
    related: [],
    evidence: [],
    confidence: 0.8,
    article_ids: [article],
    provenance: {},
    ...rest,
  } as EventRecord;
  return { id, articleId: article, published, outlet, record };
}

const ids = (groups: Report[][]) => groups.map((g) => g.map((r) => r.id));

describe('clustering reports into events', () => {
  it('joins reports of one strike from a town and a village 8 km away; keeps a town 35 km away apart', () => {
    const groups = clusterReports([report('a1', 'A', {}), report('b1', 'B', { place: 'sarmin' }), report('c1', 'C', { place: 'maarra' })], rules);
    assert.deepEqual(ids(groups), [['a1', 'b1'], ['c1']]);
  });

  it('keeps the same town on consecutive days apart, and different families apart', () => {
    const groups = clusterReports(
      [report('a1', 'A', {}), report('b1', 'B', { event_date: '2024-03-05' }), report('c1', 'C', { event_type: 'Battles', sub_event_type: 'Armed clash' })],
      rules,
    );
    assert.equal(groups.length, 3);
  });

  it('treats shelling and an air strike as one family, a faction and its umbrella as one actor', () => {
    const groups = clusterReports(
      [
        report('a1', 'A', { sub_event_type: 'Shelling/artillery/missile attack', actor1: 'Military Forces of Syria' }),
        report('b1', 'B', { actor1: 'Military Forces of Syria', actor2: '' }),
      ],
      rules,
    );
    assert.equal(groups.length, 1);
  });

  it('keeps reports that blame different named actors apart', () => {
    const groups = clusterReports([report('a1', 'A', {}), report('b1', 'B', { actor1: 'Military Forces of Turkey' })], rules);
    assert.equal(groups.length, 2);
  });

  it('never joins two events of one article directly', () => {
    assert.equal(clusterReports([report('a1', 'A', {}), report('a2', 'A', { place: 'sarmin' })], rules).length, 2);
  });

  it('attaches a governorate-level report to the one event it can be, and to neither of two', () => {
    const vague = report('v1', 'V', { place: 'governorate' });
    assert.deepEqual(ids(clusterReports([report('a1', 'A', {}), vague], rules)), [['a1', 'v1']]);
    const two = clusterReports([report('a1', 'A', {}), report('c1', 'C', { place: 'maarra' }), vague], rules);
    assert.deepEqual(ids(two), [['a1'], ['c1'], ['v1']]);
  });

  it('gives the same groups whatever the order of the reports', () => {
    const reports = [
      report('a1', 'A', {}),
      report('b1', 'B', { place: 'sarmin' }),
      report('c1', 'C', { place: 'maarra' }),
      report('d1', 'D', { place: 'governorate' }),
      report('e1', 'E', { place: 'maarra', fatalities: 5 }),
      report('f1', 'F', { event_date: '2024-03-06' }),
    ];
    const expected = JSON.stringify(clusterReports(reports, rules));
    for (let seed = 1; seed <= 20; seed++) {
      const shuffled = [...reports].sort((x, y) => Math.sin(seed * (x.id.charCodeAt(0) + 1)) - Math.sin(seed * (y.id.charCodeAt(0) + 1)));
      assert.equal(JSON.stringify(clusterReports(shuffled, rules)), expected);
    }
  });
});

describe('combining the reports of one event', () => {
  it('takes the place of the most precise report, the outlets of all, and the toll of the latest day with its range', () => {
    const merged = combineReports(
      [
        report('b1', 'B', { place: 'governorate', fatalities: 5, published: '2024-03-05', outlet: 'Wire B', source: 'Wire B' }),
        report('a1', 'A', { fatalities: 3, published: '2024-03-04', outlet: 'Network A', source: 'Network A; local sources' }),
        report('c1', 'C', { fatalities: 4, published: '2024-03-05', outlet: 'Paper C', source: 'Paper C' }),
      ],
      rules,
    );
    assert.equal(merged.record.event_id, 'a1');
    assert.equal(merged.record.location, 'Idlib');
    assert.equal(merged.record.geo_precision, 1);
    assert.equal(merged.record.fatalities, 4);
    assert.equal(merged.record.fatalities_low, 3);
    assert.equal(merged.record.fatalities_high, 5);
    assert.deepEqual(merged.record.article_ids, ['A', 'B', 'C']);
    assert.deepEqual(merged.record.source.split('; ').sort(), ['Network A', 'Paper C', 'Wire B', 'local sources']);
  });

  it('prefers a stated, named attacker over a suspected one', () => {
    const merged = combineReports(
      [
        report('a1', 'A', { actor1: 'Unidentified Armed Group (Syria)', actor1_certainty: 'suspected', actor1_suspected: 'Military Forces of Russia' }),
        report('b1', 'B', { actor1_certainty: 'stated', place: 'sarmin' }),
      ],
      rules,
    );
    assert.equal(merged.record.actor1, 'Military Forces of Russia');
    assert.equal(merged.record.actor1_certainty, 'stated');
  });
});
