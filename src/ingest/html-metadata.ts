import { parseHTML } from 'linkedom';

/** What an article page says about itself in its markup, before any reading of its text. */
export interface HtmlMetadata {
  readonly title: string | null;
  /** YYYY-MM-DD, from the page's own publication metadata. */
  readonly published: string | null;
  readonly outlet: string | null;
  readonly lang: string | null;
}

// In order of trust: explicit article metadata first, generic dates last.
const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];
const OUTLET_META = ['meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]'];

/** The calendar day of an ISO timestamp as the page wrote it (its own offset, not ours). */
export function dayOf(value: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value?.trim() ?? '');
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3] ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function jsonLdField(document: ReturnType<typeof parseHTML>["document"], field: 'datePublished' | 'publisherName'): string | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const node of (Array.isArray(data) ? data : [data]) as Record<string, unknown>[]) {
      const graph = (node?.['@graph'] as Record<string, unknown>[] | undefined) ?? [node];
      for (const item of graph) {
        if (field === 'datePublished' && typeof item?.datePublished === 'string') return item.datePublished;
        const publisher = item?.publisher as { name?: unknown } | undefined;
        if (field === 'publisherName' && typeof publisher?.name === 'string') return publisher.name;
      }
    }
  }
  return null;
}

export function readHtmlMetadata(html: string): HtmlMetadata {
  const { document } = parseHTML(html);
  const content = (selectors: string[]) => {
    for (const s of selectors) {
      const value = document.querySelector(s)?.getAttribute('content');
      if (value?.trim()) return value.trim();
    }
    return null;
  };
  const published =
    dayOf(content(DATE_META)) ?? dayOf(jsonLdField(document, 'datePublished')) ?? dayOf(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  const title = content(['meta[property="og:title"]']) ?? document.querySelector('title')?.textContent?.trim() ?? null;
  return {
    title: title || null,
    published,
    outlet: content(OUTLET_META) ?? jsonLdField(document, 'publisherName'),
    lang: document.documentElement?.getAttribute('lang') ?? null,
  };
}
