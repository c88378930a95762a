import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../pipeline.ts';

describe('datelines', () => {
  it('an Arabic wire dateline gives the outlet, and with a year the publication date', () => {
    const { events } = extractArticle({ id: 'd', text: 'دمشق - 9 كانون الثاني 2022 (الأناضول) - قُتل ثلاثة مدنيين أمس بقصف مدفعي على بلدة في ريف إدلب.' });
    assert.equal(events[0].event_date, '2022-01-08');
    assert.match(events[0].source, /^Anadolu Agency/);
  });
  it('an English dateline is neither the event\'s date nor its place', () => {
    const { events } = extractArticle({
      id: 'e',
      published: '2024-03-03',
      outlet: null,
      text: 'BAGHDAD, March 3 (Tigris News) - A roadside bomb struck an army patrol near Tarmiyah late on Saturday, killing two soldiers.',
    });
    assert.equal(events[0].event_date, '2024-03-02');
    assert.equal(events[0].admin1, 'Baghdad');
    assert.notEqual(events[0].location, 'Baghdad');
    assert.match(events[0].source, /^Tigris News/);
  });
});
