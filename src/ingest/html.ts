import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readHtmlMetadata } from './html-metadata.ts';

export interface HtmlArticle {
  readonly text: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly lang: string | null;
  readonly url: string | null;
}

const MIN_ARTICLE_CHARS = 60;
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, figcaption';

/**
 * The article's own text from a news page: navigation, share bars and related links dropped by
 * Readability, paragraphs kept as lines (the extractor reads datelines and sentence ends from them).
 * Null when the page has no readable article.
 */
export function readHtmlArticle(html: string, pageUrl: string | null = null): HtmlArticle | null {
  const metadata = readHtmlMetadata(html);
  const { document } = parseHTML(html);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? document.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null;
  type Content = typeof document.body;
  const reader = new Readability<Content>(document as unknown as ConstructorParameters<typeof Readability>[0], { serializer: (node) => node as unknown as Content, charThreshold: 100 });
  const parsed = reader.parse();
  let text = '';
  if (parsed?.content) {
    const blocks = [...parsed.content.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
    text = (blocks.length ? blocks.map((el) => el.textContent ?? '') : [parsed.textContent ?? '']).map(tidy).filter(Boolean).join('\n');
  }
  // A page whose readable text is a menu or a caption ("Home", "Photo: AFP") is not an article.
  if (text.replace(/\s+/g, '').length < MIN_ARTICLE_CHARS) return null;
  return {
    text,
    title: metadata.title ?? parsed?.title ?? null,
    published: metadata.published,
    outlet: metadata.outlet,
    lang: metadata.lang?.slice(0, 2).toLowerCase() ?? null,
    url: absolute(canonical, pageUrl) ?? pageUrl,
  };
}

function tidy(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

/** The charset a page declares in its markup, for bytes that are not UTF-8 (Arabic sites still serve windows-1256). */
export function declaredCharset(head: string): string | null {
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null;
}
