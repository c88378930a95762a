import { readFileSync } from 'node:fs';
import { dataPath } from '../contracts/paths.ts';
import { entryStem, foldKey, type Token } from '../text/index.ts';

/**
 * One compiled multi-word matcher over normalized tokens for every lexicon kind. Forms are
 * compiled into a trie of word keys; a word ending in `*` is a prefix key, indexed by its first
 * three letters so that wildcards cost a map lookup, not a scan.
 */

export interface Matchable {
  readonly kind: string;
  readonly id: string;
}

export interface Match<T extends Matchable = Matchable> {
  readonly item: T;
  readonly form: string;
  /** Token range [first, end). */
  readonly first: number;
  readonly end: number;
}

// Maps are created on first use: most trie nodes are leaves, and a compiled gazetteer has tens of thousands.
interface Node {
  exact?: Map<string, Node>;
  prefixes?: Map<string, { prefix: string; node: Node }[]>;
  items: { item: Matchable; form: string }[];
  /** After a gap marker (…) in a form: the rest of the form, reached after skipping up to GAP_WIDTH words. */
  gap?: Node;
}

/** "ألقت … القبض" also reads "ألقت الأجهزة الأمنية القبض": verb-first Arabic puts the subject inside the phrase. */
export const GAP_MARKER = '…';
const GAP_WIDTH = 3;

const PREFIX_INDEX = 3;
const WORD_SPLIT = /(?:[a-z]\.){2,}|[\p{L}\p{M}]+|\d+(?:[.,:/]\d+)*|[^\s\p{L}\p{M}\p{N}'\-*]/gu;

function newNode(): Node {
  return { items: [] };
}

interface SpellingVariants {
  pairs: [string, string][];
}
const spelling = JSON.parse(readFileSync(dataPath('lexicon/spelling-variants.json'), 'utf8')) as SpellingVariants;

/** A form's keys: words folded as text is, Arabic article dropped, `*` kept as a prefix marker. */
export function formKeys(form: string): { key: string; prefix: boolean; gap?: boolean }[] {
  const keys: { key: string; prefix: boolean; gap?: boolean }[] = [];
  for (const word of form.trim().split(/\s+/)) {
    if (word === GAP_MARKER || word === '...') {
      if (keys.length > 0) keys.push({ key: '', prefix: false, gap: true });
      continue;
    }
    const prefix = word.endsWith('*');
    // "=اليوم": the article is part of the meaning (today), so it is not made optional.
    const keepArticle = word.startsWith('=');
    const bare = keepArticle ? word.slice(1) : word;
    const folded = foldKey(prefix ? bare.slice(0, -1) : bare);
    const parts = [...folded.matchAll(WORD_SPLIT)].map((m) => (m[0].includes('.') && /[a-z]/.test(m[0]) ? m[0].replaceAll('.', '') : m[0]));
    parts.forEach((part, i) => {
      const isArabic = /[\u0600-\u06FF]/.test(part);
      keys.push({ key: isArabic && !keepArticle ? entryStem(part) : part, prefix: prefix && i === parts.length - 1 });
    });
  }
  return keys;
}

function spellingVariants(form: string): string[] {
  const key = foldKey(form);
  // Most forms hold neither spelling: one fold and two substring checks settle them.
  if (!spelling.pairs.some(([a, b]) => key.includes(a) || key.includes(b))) return [form];
  const out = new Set([form]);
  for (const [a, b] of spelling.pairs) {
    for (const f of [...out]) {
      const k = foldKey(f);
      if (k.includes(a)) out.add(k.replaceAll(a, b));
      if (k.includes(b)) out.add(k.replaceAll(b, a));
    }
  }
  return [...out];
}

function addOnce(out: Node[], from: number, n: number, node: Node): number {
  for (let k = from; k < n; k++) if (out[k] === node) return n;
  out[n] = node;
  return n + 1;
}

export class Matcher<T extends Matchable = Matchable> {
  private readonly root = newNode();
  private formCount = 0;

  add(item: T, forms: readonly string[]): void {
    for (const form of forms) {
      for (const variant of spellingVariants(form)) this.addForm(item, form, variant);
    }
  }

  get size(): number {
    return this.formCount;
  }

  private addForm(item: T, form: string, variant: string): void {
    const keys = formKeys(variant);
    if (keys.length === 0) return;
    let node = this.root;
    for (const { key, prefix, gap } of keys) {
      if (gap) {
        node.gap ??= newNode();
        node = node.gap;
      } else if (prefix) {
        const bucket = key.slice(0, PREFIX_INDEX);
        node.prefixes ??= new Map();
        let list = node.prefixes.get(bucket);
        if (!list) {
          list = [];
          node.prefixes.set(bucket, list);
        }
        let found = list.find((p) => p.prefix === key);
        if (!found) {
          found = { prefix: key, node: newNode() };
          list.push(found);
        }
        node = found.node;
      } else {
        node.exact ??= new Map();
        let next = node.exact.get(key);
        if (!next) {
          next = newNode();
          node.exact.set(key, next);
        }
        node = next;
      }
    }
    if (!node.items.some((x) => x.item === item)) {
      node.items.push({ item, form });
      this.formCount++;
    }
  }

  /** Appends to `out` (from `count`) the nodes reached from `node` by the token; returns the new count. */
  private step(node: Node, stems: readonly string[], heads: readonly string[], out: Node[], count: number): number {
    let n = count;
    for (let k = 0; k < stems.length; k++) {
      const stem = stems[k];
      const exact = node.exact?.get(stem);
      if (exact) n = addOnce(out, count, n, exact);
      if (node.prefixes && heads[k].length === PREFIX_INDEX) {
        const list = node.prefixes.get(heads[k]);
        if (list) for (const p of list) if (stem.startsWith(p.prefix)) n = addOnce(out, count, n, p.node);
      }
    }
    return n;
  }

  /** Every match of every form, within sentences; overlapping matches are all returned. */
  matchAll(tokens: readonly Token[]): Match<T>[] {
    const matches: Match<T>[] = [];
    let frontier: Node[] = [];
    let next: Node[] = [];
    let gaps: { node: Node; left: number }[] = [];
    // The first letters of every stem, computed once per token rather than once per trie node.
    const heads = tokens.map((t) => t.stems.map((stem) => stem.slice(0, PREFIX_INDEX)));
    for (let i = 0; i < tokens.length; i++) {
      let size = this.step(this.root, tokens[i].stems, heads[i], frontier, 0);
      gaps.length = 0;
      for (let j = i; size > 0 || gaps.length > 0; ) {
        for (let k = 0; k < size; k++) {
          const node = frontier[k];
          for (const { item, form } of node.items) matches.push({ item: item as T, form, first: i, end: j + 1 });
          if (node.gap) gaps.push({ node: node.gap, left: GAP_WIDTH });
        }
        j++;
        if (j >= tokens.length || tokens[j].sentence !== tokens[i].sentence) break;
        let nextSize = 0;
        for (let k = 0; k < size; k++) nextSize = this.step(frontier[k], tokens[j].stems, heads[j], next, nextSize);
        // A gap may close on this word or swallow it and wait for the next.
        const open: { node: Node; left: number }[] = [];
        for (const g of gaps) {
          nextSize = this.step(g.node, tokens[j].stems, heads[j], next, nextSize);
          if (g.left > 0 && tokens[j].script !== 'punct') open.push({ node: g.node, left: g.left - 1 });
        }
        gaps = open;
        [frontier, next] = [next, frontier];
        size = nextSize;
      }
    }
    return matches;
  }
}

/** Keeps, per kind, the longest match where two of the same kind overlap (leftmost first on ties). */
export function longestPerKind<T extends Matchable>(matches: Match<T>[], groupOf: (item: T) => string = (item) => item.kind): Match<T>[] {
  const byKind = new Map<string, Match<T>[]>();
  for (const m of matches) {
    const group = groupOf(m.item);
    const list = byKind.get(group);
    if (list) list.push(m);
    else byKind.set(group, [m]);
  }
  const kept: Match<T>[] = [];
  // Longest first; a match is kept when its tokens are free, or held only by a match of the same span.
  // Token occupancy keeps this linear in the matches' length, whatever the text's size.
  const width = matches.reduce((w, m) => Math.max(w, m.end), 0);
  for (const list of byKind.values()) {
    list.sort((a, b) => b.end - b.first - (a.end - a.first) || a.first - b.first);
    const holder = new Int32Array(width).fill(-1);
    const spans: [number, number][] = [];
    for (const m of list) {
      let free = true;
      for (let t = m.first; t < m.end && free; t++) {
        const h = holder[t];
        if (h >= 0 && !(spans[h][0] === m.first && spans[h][1] === m.end)) free = false;
      }
      if (!free) continue;
      spans.push([m.first, m.end]);
      for (let t = m.first; t < m.end; t++) if (holder[t] < 0) holder[t] = spans.length - 1;
      kept.push(m);
    }
  }
  return kept.sort((a, b) => a.first - b.first || b.end - a.end);
}
