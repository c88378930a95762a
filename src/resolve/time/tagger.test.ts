import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findNumbers } from '../../assemble/numbers.ts';
import { getLexicon } from '../../lexicon/index.ts';
import { tokenize } from '../../text/index.ts';
import { parseDay } from './calendar.ts';
import { tagTimeExpressions } from './tagger.ts';

function datesIn(text: string, published: string | null) {
  const t = tokenize(text);
  const matches = getLexicon().match(t);
  return tagTimeExpressions(t, matches, findNumbers(t.tokens, matches), published ? parseDay(published) : null);
}

// [sentence, published, expression as written, date, precision]
const CASES: [string, string, string, string | null, 1 | 2 | 3 | null][] = [
  ['استهدف قصف صاروخي الليلة الماضية حقلاً نفطياً', '2022-01-10', 'الليلة الماضية', '2022-01-09', 1],
  ['قُتل شخصان أمس في قصف مدفعي', '2023-03-05', 'أمس', '2023-03-04', 1],
  ['قُتل شخصان أمس الثلاثاء', '2023-03-08', 'أمس الثلاثاء', '2023-03-07', 1],
  ['شنت الطائرات غارات فجر اليوم على البلدة', '2024-06-02', 'فجر اليوم', '2024-06-02', 1],
  ['اندلعت اشتباكات مساء الأحد', '2024-06-04', 'مساء الأحد', '2024-06-02', 1],
  ['وقالت في مؤتمر صحفي في 6 من الشهر الجاري', '2022-01-10', '6 من الشهر الجاري', '2022-01-06', 1],
  ['استهداف القاعدة في حزيران الماضي', '2022-01-10', 'حزيران الماضي', '2021-06-15', 3],
  ['لهجوم صاروخي أواخر العام الماضي', '2022-01-10', 'أواخر العام الماضي', '2021-12-15', 3],
  ['شن التحالف غارات قبل أسابيع', '2022-01-10', 'قبل أسابيع', '2021-12-20', 3],
  ['قُتل في ديسمبر الماضي', '2024-01-03', 'ديسمبر الماضي', '2023-12-15', 3],
  ['في كانون الأول الماضي', '2024-01-03', 'كانون الأول الماضي', '2023-12-15', 3],
  ['في 6 يناير 2022', '2022-02-01', '6 يناير 2022', '2022-01-06', 1],
  ['بتاريخ 6/1/2022 وقع الانفجار', '2022-02-01', '6/1/2022', '2022-01-06', 1],
  ['on 2022-01-06 a blast', '2022-02-01', '2022-01-06', '2022-01-06', 1],
  ['قبل يومين', '2022-02-10', 'قبل يومين', '2022-02-08', 1],
  ['قبل ثلاثة أيام', '2022-02-10', 'قبل ثلاثة أيام', '2022-02-07', 1],
  ['في جانفي الماضي', '2022-03-10', 'جانفي الماضي', '2022-01-15', 3],
  ['منتصف آب الماضي', '2022-03-10', 'منتصف آب الماضي', '2021-08-15', 3],
  ['Gunmen attacked the convoy last Thursday', '2022-01-10', 'last Thursday', '2022-01-06', 1],
  ['A roadside bomb struck on Tuesday', '2022-01-13', 'Tuesday', '2022-01-11', 1],
  ['He was killed yesterday', '2022-01-10', 'yesterday', '2022-01-09', 1],
  ['Rockets hit the base late last night', '2022-01-10', 'late last night', '2022-01-09', 1],
  ['The attack on 3 January', '2022-01-10', '3 January', '2022-01-03', 1],
  ['The attack on January 3, 2021', '2022-01-10', 'January 3, 2021', '2021-01-03', 1],
  ['two weeks ago', '2022-01-10', 'two weeks ago', '2021-12-27', 2],
  ['earlier this month', '2022-01-20', 'earlier this month', '2022-01-10', 3],
  ['late last year', '2022-01-10', 'late last year', '2021-12-15', 3],
  ['last month', '2022-01-10', 'last month', '2021-12-15', 3],
  // The middle of the previous calendar week: Monday to Sunday in English, Sunday to Saturday in Arabic.
  ['Last week, settlers set fire to olive groves', '2024-06-22', 'Last week', '2024-06-13', 2],
  ['اعتصم المحاضرون الأسبوع الماضي', '2024-11-11', 'الأسبوع الماضي', '2024-11-06', 2],
];

describe('date expressions resolve against the publication date', () => {
  for (const [sentence, published, text, date, precision] of CASES) {
    it(`${sentence} (${published})`, () => {
      const found = datesIn(sentence, published);
      const expression = found.find((e) => e.kind === 'point');
      assert.ok(expression, `no date found in "${sentence}"`);
      assert.equal(expression.text, text);
      assert.equal(expression.date, date);
      assert.equal(expression.precision, precision);
    });
  }
});

describe('since and unresolvable dates', () => {
  it('منذ أيار عام 2017 opens a span since 2017-05', () => {
    const [e] = datesIn('نحو 15 هجوماً منذ أيار عام 2017', '2022-01-10');
    assert.equal(e.kind, 'since');
    assert.equal(e.since, '2017-05');
  });
  it('31 شباط is nonsense: null date, text kept, no exception', () => {
    const [e] = datesIn('في 31 شباط الماضي', '2022-05-01');
    assert.equal(e.text, '31 شباط الماضي');
    assert.equal(e.date, null);
    assert.equal(e.precision, null);
  });
  it('yesterday without a publication date stays unresolved', () => {
    const [e] = datesIn('He was killed yesterday', null);
    assert.equal(e.text, 'yesterday');
    assert.equal(e.date, null);
  });
  it('آب alone is "father", not August', () => assert.deepEqual(datesIn('قال الأب إن ابنه قتل', '2022-01-10'), []));
  it('"may" the verb is not May', () => assert.deepEqual(datesIn('the talks may resume', '2022-01-10'), []));
  it('a whole year is vaguer than a month: null date', () => {
    const [e] = datesIn('في عام 2017', '2022-01-10');
    assert.equal(e.date, null);
  });
});
