import { readFileSync } from 'node:fs';
import { dataPath } from '../contracts/paths.ts';
import { foldKey } from './normalize.ts';

interface ProcliticData {
  conjunctions: string[];
  prepositions: string[];
  article: string;
  minStem: number;
}

const NOUN_SUFFIXES = ['ا', 'ين', 'ان', 'ون'];
const FEMININE_SUFFIXES = ['تين', 'تان', 'ات'];
// ة as the match key writes it (see foldTaMarbuta).
const TA_MARBUTA_KEY = 'ه';

const data = JSON.parse(readFileSync(dataPath('lexicon/arabic-proclitics.json'), 'utf8')) as ProcliticData;
const ARTICLE = foldKey(data.article);

/** Every stacking of conjunction, preposition and article, longest first (ل + ال is written لل). */
const PREFIXES: string[] = (() => {
  const out = new Set<string>();
  for (const conj of ['', ...data.conjunctions]) {
    for (const prep of ['', ...data.prepositions]) {
      for (const article of ['', ARTICLE]) {
        let prefix = conj + prep + article;
        if (prep === 'ل' && article) prefix = `${conj}ل${article.slice(1)}`;
        if (prefix) out.add(foldKey(prefix));
      }
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
})();
const PREFIX_INITIALS = new Set(PREFIXES.map((p) => p[0]));

/** The word and each stem left after removing a stack of proclitics: والقوات → والقوات، القوات، قوات. */
export function cliticStems(word: string): string[] {
  const stems = [word];
  if (PREFIX_INITIALS.has(word[0])) for (const prefix of PREFIXES) {
    if (word.length - prefix.length >= data.minStem && word.startsWith(prefix)) {
      const stem = word.slice(prefix.length);
      if (!stems.includes(stem)) stems.push(stem);
    }
  }
  // The alef that carries an accusative tanween ("صاروخاً", "هجوماً", "قتيلاً") is not part of the
  // stem, nor is a dual or plural ending ("صاروخين", "مسلحين"): a stem is only ever an extra candidate.
  for (const stem of [...stems]) {
    // A feminine noun's dual and plural drop its ة: "عبوتين ناسفتين", "عبوات" are forms of "عبوة ناسفة".
    for (const suffix of FEMININE_SUFFIXES) {
      if (stem.length - suffix.length >= 2 && stem.endsWith(suffix)) {
        const singular = `${stem.slice(0, -suffix.length)}${TA_MARBUTA_KEY}`;
        if (!stems.includes(singular)) stems.push(singular);
      }
    }
    for (const suffix of NOUN_SUFFIXES) {
      if (stem.length - suffix.length >= 3 && stem.endsWith(suffix)) {
        const bare = stem.slice(0, -suffix.length);
        if (!stems.includes(bare)) stems.push(bare);
      }
    }
  }
  return stems;
}

/** A lexicon word in its matching shape: the article is optional in text, so entries drop it. */
export function entryStem(word: string): string {
  if (word.startsWith(ARTICLE) && word.length - ARTICLE.length >= data.minStem + 1) return word.slice(ARTICLE.length);
  return word;
}
