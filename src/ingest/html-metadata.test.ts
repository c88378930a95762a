import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readHtmlMetadata } from './html-metadata.ts';

const page = (head: string, body = '<p>نص الخبر</p>') => `<!doctype html><html lang="ar" dir="rtl"><head>${head}</head><body>${body}</body></html>`;

describe('publication date, outlet and title from a page\'s metadata', () => {
  it('reads article:published_time and og:site_name', () => {
    const m = readHtmlMetadata(page('<title>غارات على ريف إدلب</title><meta property="article:published_time" content="2024-03-12T06:40:00+03:00"><meta property="og:site_name" content="شبكة الشمال">'));
    assert.deepEqual(m, { title: 'غارات على ريف إدلب', published: '2024-03-12', outlet: 'شبكة الشمال', lang: 'ar' });
  });
  it('falls back to JSON-LD datePublished and publisher', () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2023-08-17T09:00:00Z', publisher: { '@type': 'Organization', name: 'Sahel News' } });
    const m = readHtmlMetadata(page(`<script type="application/ld+json">${ld}</script>`));
    assert.equal(m.published, '2023-08-17');
    assert.equal(m.outlet, 'Sahel News');
  });
  it('falls back to a <time datetime> in the body', () => {
    assert.equal(readHtmlMetadata(page('', '<time datetime="2022-01-10">10 كانون الثاني 2022</time>')).published, '2022-01-10');
  });
  it('gives null rather than a wrong date for malformed metadata', () => {
    assert.equal(readHtmlMetadata(page('<meta property="article:published_time" content="2022-02-31T10:00">')).published, null);
    assert.equal(readHtmlMetadata(page('<script type="application/ld+json">{not json</script>')).published, null);
  });
});
