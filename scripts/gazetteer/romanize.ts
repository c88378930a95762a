/**
 * Romanization skeletons: a coarse consonant outline of a place name that an Arabic spelling and
 * its Latin transliterations share, so that "الميادين" meets "Al Mayadin" and "Mayadeen".
 *
 * Both sides drop the article, drop vowels (a word-initial vowel, alef or ain becomes "a"), fold
 * letters into consonant classes and collapse doubled letters. A letter whose transliteration varies
 * (ج j/g, ق q/k/g, و w/vowel, ي y/vowel...) gives several skeletons; two names meet when their sets
 * share a skeleton of at least MIN_SKELETON letters. The skeleton is for finding an Arabic spelling
 * that the data already holds; it never writes one.
 */

export const MIN_SKELETON = 2;
const MAX_VARIANTS = 256;

/** Arabic letter -> the Latin classes it may be written with ('' = written as a vowel or not at all). */
const ARABIC: Record<string, readonly string[]> = {
  'ب': ['b'], 'پ': ['b'],
  'ت': ['t'], 'ط': ['t'], 'ث': ['t', 's'],
  'ج': ['j', 'g'], 'چ': ['j', 's'],
  'ح': ['h'], 'ه': ['h'], 'ة': ['h'],
  'خ': ['k'],
  'د': ['d'], 'ض': ['d', 'z'],
  'ذ': ['z', 'd', 't'], 'ز': ['z'], 'ظ': ['z', 'd'], 'ژ': ['z'],
  'ر': ['r'],
  'س': ['s'], 'ص': ['s'], 'ش': ['s'],
  'غ': ['G', 'g'],
  'ف': ['f'],
  'ق': ['k', 'g'], 'ك': ['k'], 'ک': ['k'], 'گ': ['g'],
  'ل': ['l'], 'م': ['m'], 'ن': ['n'],
  'و': ['w', ''], 'ؤ': ['w', ''],
  'ي': ['y', ''], 'ی': ['y', ''], 'ئ': ['y', ''],
  'ا': [''], 'أ': [''], 'إ': [''], 'آ': [''], 'ٱ': [''], 'ى': [''], 'ع': [''], 'ء': [''],
};
/** Letters that open a word with a vowel sound. */
const ARABIC_VOWEL_START = new Set(['ا', 'أ', 'إ', 'آ', 'ٱ', 'ع', 'ء']);
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Latin article tokens ("Al Mayadin", "ar-Raqqa", "Deir ez-Zor"), dropped when a word follows. */
const LATIN_ARTICLES = new Set(['al', 'el', 'il', 'ul', 'ad', 'ar', 'as', 'ash', 'at', 'ath', 'az', 'an', 'adh', 'ed', 'er', 'es', 'esh', 'et', 'ez', 'en', 'ech']);

/** Latin digraphs and letters -> classes, longest first. */
const LATIN: [string, readonly string[]][] = [
  ['kh', ['k']], ['gh', ['G']], ['sh', ['s']], ['ch', ['s', 'j']], ['th', ['t']], ['dh', ['z']], ['zh', ['z']],
  ['ph', ['f']], ['ck', ['k']], ['ts', ['s']],
  ['b', ['b']], ['p', ['b']], ['t', ['t']], ['d', ['d']], ['z', ['z']], ['s', ['s']], ['c', ['k']],
  ['k', ['k']], ['q', ['k']], ['g', ['g']], ['j', ['j']], ['h', ['h']], ['f', ['f']], ['v', ['w', 'f']],
  ['w', ['w']], ['y', ['y']], ['x', ['ks']], ['l', ['l']], ['m', ['m']], ['n', ['n']], ['r', ['r']],
];
const LATIN_VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Latin text as plain lower-case ASCII letters: diacritics, ‘ain and hamza marks and apostrophes dropped. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ıİ]/g, 'i')
    .replace(/[ʿʾʻʼ‘’`'´]/g, '')
    .toLowerCase();
}

function expand(words: (readonly string[])[][]): string[] {
  // Each word is a list of slots, each slot a list of alternatives; words are joined.
  let out = [''];
  for (const word of words) {
    for (const slot of word) {
      const next: string[] = [];
      for (const prefix of out) for (const alt of slot) if (next.length < MAX_VARIANTS) next.push(prefix + alt);
      out = next;
    }
  }
  return out;
}

function finish(variants: string[]): string[] {
  const out = new Set<string>();
  for (const v of variants) out.add(v.replace(/(.)\1+/g, '$1'));
  return [...out].sort();
}

/** Skeletons of an Arabic name ("دير الزور" -> ["drzr", "dryzr", ...]). */
export function arabicSkeletons(name: string): string[] {
  const clean = name.replace(ARABIC_MARKS, '');
  const words: (readonly string[])[][] = [];
  for (let word of clean.split(/[\s\-–]+/)) {
    if (!word) continue;
    if (word.startsWith('ال') && word.length > 3) word = word.slice(2);
    const slots: (readonly string[])[] = [];
    const letters = [...word];
    letters.forEach((ch, i) => {
      const last = i === letters.length - 1;
      if (i === 0 && ARABIC_VOWEL_START.has(ch)) slots.push(['a']);
      // A word-initial و/ي, or one before a medial alef (ميادين, ديالى), is a consonant; before a
      // final alef it may be written as a vowel (بيت لاهيا, Beit Lahia).
      else if ((ch === 'و' || ch === 'ي') && (i === 0 || (letters[i + 1] === 'ا' && i + 2 < letters.length))) slots.push([ch === 'و' ? 'w' : 'y']);
      // ة is silent or -a/-ah/-eh at the end, -at before a following word (معرة النعمان, Ma'arrat).
      else if (last && ch === 'ة') slots.push(['', 't']);
      else if (last && ch === 'ه') slots.push(['h', '']);
      else {
        const classes = ARABIC[ch];
        if (classes) slots.push(classes);
      }
    });
    if (slots.length) words.push(slots);
  }
  return finish(expand(words));
}

/** Skeletons of a Latin-script name ("Deir ez-Zor" -> ["drzr"]). */
export function latinSkeletons(name: string): string[] {
  const tokens = asciiFold(name)
    .split(/[^a-z]+/)
    .filter(Boolean);
  const kept = tokens.filter((t, i) => !(LATIN_ARTICLES.has(t) && i < tokens.length - 1));
  const words: (readonly string[])[][] = [];
  for (const word of kept) {
    const slots: (readonly string[])[] = [];
    let i = 0;
    while (i < word.length) {
      const ch = word[i];
      if (LATIN_VOWELS.has(ch)) {
        if (i === 0) slots.push(['a']);
        i++;
        continue;
      }
      // A final h after a vowel ("Raqqah", "Jableh") writes ة: it may be missing on the other side.
      if (ch === 'h' && i === word.length - 1 && i > 0 && LATIN_VOWELS.has(word[i - 1])) {
        slots.push(['h', '']);
        i++;
        continue;
      }
      const rule = LATIN.find(([letters]) => word.startsWith(letters, i));
      if (rule) {
        slots.push(rule[1]);
        i += rule[0].length;
      } else i++;
    }
    if (slots.length) words.push(slots);
  }
  return finish(expand(words));
}

/** The skeletons two names share (long enough to count). */
export function sharedSkeletons(a: string[], b: string[]): string[] {
  const set = new Set(a);
  return b.filter((s) => s.length >= MIN_SKELETON && set.has(s));
}

/**
 * Letter-by-letter check after the skeletons meet: each Arabic letter must be written by one of its
 * usual Latin renderings (ب b/p, ق q/k/g, ي y/i/ee/e..., ا a/e, final ة a/ah/e/eh or nothing), and
 * the Latin side may only add short vowels between letters (which Arabic does not write), never at
 * the end. So "Busra" aligns with بصرى but "Basir" does not, and "Ghasam" does not align with جاسم.
 */
const RENDER: Record<string, readonly string[]> = {
  'ب': ['b', 'p'], 'پ': ['p', 'b'],
  'ت': ['t'], 'ط': ['t'], 'ث': ['th', 't', 's'],
  'ج': ['j', 'g', 'dj', 'dzh', 'zh', 'c', 'ch'], 'چ': ['ch', 'c', 'j'],
  'ح': ['h', 'kh'], 'خ': ['kh', 'h', 'x', 'ch'],
  'د': ['d'], 'ذ': ['dh', 'z', 'd', 'th', 't'], 'ر': ['r'], 'ز': ['z'], 'ژ': ['zh', 'j', 'z'],
  'س': ['s'], 'ش': ['sh', 'ch', 'sch', 's'], 'ص': ['s'], 'ض': ['d', 'dh', 'z'], 'ظ': ['z', 'dh', 'd', 'th'],
  'ع': [''], 'غ': ['gh', 'g', 'r'],
  'ف': ['f', 'ph'], 'ق': ['q', 'k', 'g', 'c'], 'ك': ['k', 'c', 'ck', 'q'], 'ک': ['k', 'c'], 'گ': ['g'],
  'ل': ['l'], 'م': ['m'], 'ن': ['n'],
  'ه': ['h'],
  'و': ['w', 'v', 'u', 'o', 'ou', 'ow', 'aw', 'ew'],
  'ي': ['y', 'i', 'e', 'ee', 'ie', 'iy', 'ey', 'ei', 'ay', 'ai', 'iyy'], 'ی': ['y', 'i', 'e', 'ey', 'ei', 'ay'],
  'ا': ['a', 'e', 'aa'], 'آ': ['a', 'aa', ''],
  'أ': [''], 'إ': [''], 'ء': [''], 'ئ': ['', 'y', 'i', 'e'], 'ؤ': ['', 'u', 'o', 'w'],
  'ى': ['a', 'i', 'e', 'y', 'ah'],
};
/** A name-final ة or ه has its own renderings; a ة before another word is read -at (معرة النعمان). */
const FINAL_TA = ['', 'a', 'ah', 'e', 'eh', 'h', 'i'];
const CONSTRUCT_TA = ['at', 'et', 'it', 'a', 'ah', 'e', 'eh', ''];
const FINAL_HA = ['h', '', 'a', 'ah', 'e', 'eh'];
const LATIN_SHORT = /[aeiou]/;

function arabicUnits(name: string): (readonly string[])[] {
  const units: (readonly string[])[] = [];
  const words = name.replace(ARABIC_MARKS, '').split(/[\s\-–]+/).filter(Boolean);
  words.forEach((whole, w) => {
    const word = whole.startsWith('ال') && whole.length > 3 ? whole.slice(2) : whole;
    const letters = [...word];
    const lastWord = w === words.length - 1;
    letters.forEach((ch, i) => {
      const last = i === letters.length - 1;
      if (i === 0 && ARABIC_VOWEL_START.has(ch)) units.push(['']);
      else if (ch === 'ة') units.push(last && lastWord ? FINAL_TA : CONSTRUCT_TA);
      else if (ch === 'ه' && last && lastWord) units.push(FINAL_HA);
      else if (RENDER[ch]) units.push(RENDER[ch]);
    });
  });
  return units;
}

function latinLetters(name: string): string {
  const tokens = asciiFold(name)
    .split(/[^a-z]+/)
    .filter(Boolean);
  return tokens
    .filter((t, i) => !(LATIN_ARTICLES.has(t) && i < tokens.length - 1))
    .join('')
    .replace(/(.)\1+/g, '$1');
}

export function aligns(arabic: string, latin: string): boolean {
  const units = arabicUnits(arabic);
  const text = latinLetters(latin);
  if (!units.length || !text) return false;
  const memo = new Map<number, boolean>();
  const width = text.length + 1;
  const go = (i: number, j: number): boolean => {
    if (i === units.length) return j === text.length;
    const id = i * width + j;
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, false);
    let ok = false;
    for (const render of units[i]) {
      // Doubled letters were collapsed on the Latin side; collapse the rendering to match.
      const r = render.replace(/(.)\1+/g, '$1');
      if (text.startsWith(r, j) && go(i + 1, j + r.length)) {
        ok = true;
        break;
      }
      // A rendering that ends as the text's next letter begins (ss + s) was collapsed too.
      if (r && text[j + r.length - 1] === r[r.length - 1] && text.startsWith(r.slice(0, -1), j) && r.length > 1 && go(i + 1, j + r.length - 1)) {
        ok = true;
        break;
      }
    }
    // A short vowel that the Arabic does not write, anywhere but after the last letter.
    if (!ok && j < text.length && LATIN_SHORT.test(text[j])) ok = go(i, j + 1);
    memo.set(id, ok);
    return ok;
  };
  return go(0, 0);
}

export function meets(arabic: string, latin: string): boolean {
  return sharedSkeletons(arabicSkeletons(arabic), latinSkeletons(latin)).length > 0 && aligns(arabic, latin);
}

/** Pairs checked at the end of every build: [Arabic, Latin, should they meet]. */
export const EXAMPLES: readonly [string, string, boolean][] = [
  ['الميادين', 'Al Mayadin', true],
  ['الميادين', 'Mayadeen', true],
  ['دير الزور', 'Deir ez-Zor', true],
  ['دير الزور', 'Dayr az Zawr', true],
  ['الرقة', 'Ar Raqqa', true],
  ['الرقة', 'Ar-Raqqah', true],
  ['إدلب', 'Idlib', true],
  ['إدلب', 'Idleb', true],
  ['حمص', 'Homs', true],
  ['القامشلي', 'Qamishli', true],
  ['أعزاز', "A'zaz", true],
  ['عين العرب', 'Ayn al Arab', true],
  ['جرابلس', 'Jarabulus', true],
  ['منبج', 'Menbij', true],
  ['السويداء', 'As-Sweida', true],
  ['درعا', 'Daraa', true],
  ['طرطوس', 'Tartous', true],
  ['اللاذقية', 'Latakia', true],
  ['اللاذقية', 'Lattakia', true],
  ['جبلة', 'Jableh', true],
  ['الضالع', 'Ad Dali', true],
  ['الضالع', 'Al Dhale', true],
  ['ذمار', 'Dhamar', true],
  ['الفلوجة', 'Fallujah', true],
  ['كربلاء', 'Karbala', true],
  ['الجيزة', 'Giza', true],
  ['القنيطرة', 'Quneitra', true],
  ['الأبيض', 'El Obeid', true],
  ['الدامر', 'Ed Damer', true],
  ['شمسطار', 'Chmistar', true],
  ['عنتاب', 'Antep', true],
  ['خان يونس', 'Khan Yunis', true],
  ['بيت لاهيا', 'Beit Lahia', true],
  ['حماة', 'Homs', false],
  ['حلب', 'Aleppo', false],
  ['الرقة', 'Ar Rastan', false],
  ['منبج', 'Mambij', false],
  ['الميادين', 'Al Midan', false],
  ['بصرى', 'Busra', true],
  ['بصرى', 'Basir', false],
  ['جاسم', 'Ghasam', false],
  ['جاسم', 'Jasim', true],
  ['النقب', 'Negba', false],
  ['الخضر', 'Qedar', false],
  ['برقين', 'Barqan', false],
  ['الكمانه', 'Kammon', false],
  ['عناتا', 'Anatot', false],
  ['بتير', 'Battir', true],
  ['طمرة', 'Timrat', false],
  ['طمرة', 'Tamra', true],
  ['شوفة', "Shu'fat", false],
  ['الشوبك', 'Ash-Shubak', true],
  ['جوانرود', 'Javanrud', true],
  ['معرة النعمان', "Ma'arrat an Nu'man", true],
  ['كفرنبل', 'Kafr Nabl', true],
  ['تل أبيض', 'Tall Abyad', true],
  ['رأس العين', 'Ras al-Ain', true],
  ['قلعة المضيق', "Qal'at al Madiq", true],
  ['ميدان', 'Midan', true],
  ['صالح', 'Salih', true],
  ['ديالى', 'Diyala', true],
  ['بعقوبة', 'Baqubah', true],
];

/** The examples that disagree with the romanizer, as printable lines. */
export function checkExamples(): string[] {
  const failures: string[] = [];
  for (const [arabic, latin, expected] of EXAMPLES) {
    if (meets(arabic, latin) !== expected) {
      failures.push(
        `${arabic} ~ ${latin}: expected ${expected ? 'a match' : 'no match'} (${arabicSkeletons(arabic).slice(0, 6).join('/')} vs ${latinSkeletons(latin).join('/')})`,
      );
    }
  }
  return failures;
}
