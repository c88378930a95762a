/**
 * Short wire items of the project's own, many per event, for the scale tests and the worker benchmark:
 * each made-up event (an air strike, a clash, a roadside bomb, shelling in a real town on a given day) is
 * reported by several fictional outlets, in Arabic and English, in different words, some a day later.
 * The events are fictional. Deterministic for a seed.
 *
 *   node --import tsx scripts/corpus/wire-articles.ts 2000 > wire.jsonl
 */
import type { ArticleDraft } from '../../src/ingest/articles.ts';

interface Town {
  readonly ar: string;
  readonly en: string;
  readonly country: 'Syria' | 'Iraq' | 'Yemen' | 'Libya' | 'Somalia' | 'Lebanon';
}

const TOWNS: readonly Town[] = [
  { ar: 'سراقب', en: 'Saraqib', country: 'Syria' },
  { ar: 'معرة النعمان', en: "Ma'arrat al-Nu'man", country: 'Syria' },
  { ar: 'الباب', en: 'al-Bab', country: 'Syria' },
  { ar: 'جسر الشغور', en: 'Jisr al-Shughur', country: 'Syria' },
  { ar: 'بنش', en: 'Binnish', country: 'Syria' },
  { ar: 'الميادين', en: 'al-Mayadin', country: 'Syria' },
  { ar: 'الرمادي', en: 'Ramadi', country: 'Iraq' },
  { ar: 'الطارمية', en: 'Tarmiyah', country: 'Iraq' },
  { ar: 'تكريت', en: 'Tikrit', country: 'Iraq' },
  { ar: 'جلولاء', en: 'Jalawla', country: 'Iraq' },
  { ar: 'سامراء', en: 'Samarra', country: 'Iraq' },
  { ar: 'تعز', en: 'Taiz', country: 'Yemen' },
  { ar: 'مأرب', en: 'Marib', country: 'Yemen' },
  { ar: 'الضالع', en: 'Dhale', country: 'Yemen' },
  { ar: 'سرت', en: 'Sirte', country: 'Libya' },
  { ar: 'درنة', en: 'Derna', country: 'Libya' },
  { ar: 'بيدوا', en: 'Baidoa', country: 'Somalia' },
  { ar: 'الخيام', en: 'Khiam', country: 'Lebanon' },
];

/** Who strikes where, by country, in each language. */
const FORCES: Record<Town['country'], { ar: string; en: string; rivalAr: string; rivalEn: string }> = {
  Syria: { ar: 'الطائرات الحربية الروسية', en: 'Russian warplanes', rivalAr: 'قوات النظام السوري', rivalEn: 'Syrian government forces' },
  Iraq: { ar: 'طيران التحالف الدولي', en: 'Coalition aircraft', rivalAr: 'القوات الأمنية العراقية', rivalEn: 'Iraqi security forces' },
  Yemen: { ar: 'طيران التحالف بقيادة السعودية', en: 'Saudi-led coalition jets', rivalAr: 'قوات الحكومة اليمنية', rivalEn: 'Yemeni government forces' },
  Libya: { ar: 'طائرة مسيّرة مجهولة', en: 'An unidentified drone', rivalAr: 'قوات الجيش الوطني الليبي', rivalEn: 'Libyan National Army forces' },
  Somalia: { ar: 'طائرة مسيّرة أمريكية', en: 'A US drone', rivalAr: 'قوات الجيش الصومالي', rivalEn: 'Somali army forces' },
  Lebanon: { ar: 'الطيران الحربي الإسرائيلي', en: 'Israeli warplanes', rivalAr: 'الجيش اللبناني', rivalEn: 'the Lebanese army' },
};

const INSURGENTS: Record<Town['country'], { ar: string; en: string }> = {
  Syria: { ar: 'هيئة تحرير الشام', en: 'Hayat Tahrir al-Sham' },
  Iraq: { ar: 'تنظيم داعش', en: 'Islamic State' },
  Yemen: { ar: 'جماعة الحوثي', en: 'the Houthis' },
  Libya: { ar: 'مجموعة مسلحة', en: 'an armed group' },
  Somalia: { ar: 'حركة الشباب', en: 'al-Shabaab' },
  Lebanon: { ar: 'حزب الله', en: 'Hezbollah' },
};

const OUTLETS_AR = ['وكالة السهل للأنباء', 'شبكة الوادي الإخبارية', 'صحيفة المرصد اليومي', 'موقع الجبهة نت', 'إذاعة صوت الأطراف'];
const OUTLETS_EN = ['Crescent Wire', 'Frontline Monitor', 'Desert Ledger'];

const MONTHS_AR = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NUMBERS_AR = ['', 'شخص واحد', 'شخصان', 'ثلاثة أشخاص', 'أربعة أشخاص', 'خمسة أشخاص', 'ستة أشخاص'];

type Kind = 'air' | 'clash' | 'ied' | 'shelling';
const KINDS: readonly Kind[] = ['air', 'clash', 'ied', 'shelling'];

interface WireEvent {
  readonly kind: Kind;
  readonly town: Town;
  readonly day: string;
  readonly killed: number;
}

interface Telling {
  readonly event: WireEvent;
  readonly lang: 'ar' | 'en';
  readonly outlet: string;
  /** Days after the event the item was published (0 or 1). */
  readonly lag: 0 | 1;
  readonly variant: number;
}

function arabicTelling({ event, outlet, lag, variant }: Telling): string {
  const { town, killed } = event;
  const date = new Date(`${event.day}T00:00:00Z`);
  const when = lag === 0 ? 'اليوم' : 'أمس';
  const absolute = `${date.getUTCDate()} ${MONTHS_AR[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  const dead = NUMBERS_AR[killed];
  const force = FORCES[town.country];
  const insurgent = INSURGENTS[town.country];
  const lead = `${town.ar} - ${outlet}:`;
  const texts: Record<Kind, string[]> = {
    air: [
      `${lead} قُتل ${dead} ${when} جراء غارة جوية شنّتها ${force.ar} على مدينة ${town.ar}، بحسب ما أفادت مصادر محلية.`,
      `${lead} شنّت ${force.ar} غارة على أطراف مدينة ${town.ar} في ${absolute}، ما أسفر عن مقتل ${dead} وإصابة آخرين.`,
    ],
    clash: [
      `${lead} اندلعت اشتباكات عنيفة ${when} بين ${force.rivalAr} و${insurgent.ar} في مدينة ${town.ar}، أسفرت عن مقتل ${dead}.`,
      `${lead} قُتل ${dead} في اشتباكات مسلحة دارت في ${absolute} بين ${insurgent.ar} و${force.rivalAr} في مدينة ${town.ar}.`,
    ],
    ied: [
      `${lead} انفجرت عبوة ناسفة ${when} بدورية تابعة لـ${force.rivalAr} في مدينة ${town.ar}، ما أدى إلى مقتل ${dead}.`,
      `${lead} قُتل ${dead} بانفجار عبوة ناسفة زُرعت على جانب الطريق في مدينة ${town.ar} في ${absolute}.`,
    ],
    shelling: [
      `${lead} قصفت ${force.rivalAr} بالمدفعية ${when} أحياء مدينة ${town.ar}، ما أسفر عن مقتل ${dead} من المدنيين.`,
      `${lead} قُتل ${dead} جراء قصف مدفعي استهدف مدينة ${town.ar} في ${absolute}.`,
    ],
  };
  const options = texts[event.kind];
  return options[variant % options.length];
}

function englishTelling({ event, outlet, variant }: Telling): string {
  const { town, killed } = event;
  const date = new Date(`${event.day}T00:00:00Z`);
  const absolute = `on ${MONTHS_EN[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
  const force = FORCES[town.country];
  const insurgent = INSURGENTS[town.country];
  const people = killed === 1 ? 'one person was' : `${['', 'one', 'two', 'three', 'four', 'five', 'six'][killed]} people were`;
  const lead = `${town.en.toUpperCase()} (${outlet}) -`;
  const texts: Record<Kind, string[]> = {
    air: [`${lead} ${force.en} struck the town of ${town.en} ${absolute}, and ${people} killed, local sources said.`],
    clash: [`${lead} Heavy clashes broke out ${absolute} between ${force.rivalEn} and ${insurgent.en} in the town of ${town.en}; ${people} killed.`],
    ied: [`${lead} A roadside bomb exploded ${absolute} near a patrol of ${force.rivalEn} in the town of ${town.en}, and ${people} killed.`],
    shelling: [`${lead} Artillery shelling by ${force.rivalEn} hit residential areas of ${town.en} ${absolute}; ${people} killed.`],
  };
  const options = texts[event.kind];
  return options[variant % options.length];
}

/** A small deterministic generator (LCG): the same seed, the same articles. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `count` distinct articles, about five per event. Events of one town and kind lie at least three
 * weeks apart, so that which reports are one event is a matter of the reports, not of chance.
 */
export function wireArticles(count: number, seed = 1): ArticleDraft[] {
  const next = random(seed);
  const articles: ArticleDraft[] = [];
  const texts = new Set<string>();
  const lastDay = new Map<string, number>();
  for (let e = 0; articles.length < count; e++) {
    const town = TOWNS[e % TOWNS.length];
    const kind = KINDS[Math.floor(e / TOWNS.length) % KINDS.length];
    const key = `${town.en}/${kind}`;
    const dayIndex = (lastDay.get(key) ?? -21) + 21 + Math.floor(next() * 10);
    lastDay.set(key, dayIndex);
    const event: WireEvent = { kind, town, day: addDays('2023-01-03', dayIndex), killed: 1 + Math.floor(next() * 6) };
    const reports = 3 + Math.floor(next() * 5);
    for (let r = 0; r < reports && articles.length < count; r++) {
      const lang = r % 3 === 2 ? 'en' : 'ar';
      const outlets = lang === 'ar' ? OUTLETS_AR : OUTLETS_EN;
      const lag: 0 | 1 = next() < 0.3 ? 1 : 0;
      const telling: Telling = { event, lang, outlet: outlets[(e + r) % outlets.length], lag, variant: Math.floor(next() * 2) };
      const text = lang === 'ar' ? arabicTelling(telling) : englishTelling(telling);
      if (texts.has(text)) continue;
      texts.add(text);
      articles.push({ text, outlet: telling.outlet, published: addDays(event.day, lag), lang, origin: `wire:${e}.${r}`, url: `https://wire.example/${e}/${r}` });
    }
  }
  return articles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 2000);
  for (const article of wireArticles(count)) process.stdout.write(`${JSON.stringify(article)}\n`);
}
