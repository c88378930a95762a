/** Plain calendar arithmetic on UTC days; an event date is a day, never an instant. */

export interface Day {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
}

export function parseDay(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const day = { year: +m[1], month: +m[2], day: +m[3] };
  return isValidDay(day) ? day : null;
}

export function isValidDay({ year, month, day }: Day): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatDay({ year, month, day }: Day): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(d: Day, days: number): Day {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addMonths(d: Day, months: number): Day {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** 0 = Sunday, as in data/time/days.json. */
export function weekday(d: Day): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function midMonth(year: number, month: number): Day {
  return { year, month, day: 15 };
}

const umalqura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });

/** The Umm al-Qura (Hijri) date of a Gregorian day. */
export function toHijri(d: Day): Day {
  const parts = umalqura.formatToParts(new Date(Date.UTC(d.year, d.month - 1, d.day)));
  const get = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '0', 10);
  return { year: get('year'), month: get('month'), day: get('day') };
}

// The Hijri epoch (1 Muharram 1 AH) as a Gregorian day number; a mean year is 354.367 days.
const HIJRI_EPOCH_DAYS = Date.UTC(622, 6, 19) / 86_400_000;

/** The Gregorian day of a Hijri date by the Umm al-Qura calendar, or null when the Hijri date does not exist. */
export function fromHijri(h: Day): Day | null {
  if (h.month < 1 || h.month > 12 || h.day < 1 || h.day > 30) return null;
  const estimate = HIJRI_EPOCH_DAYS + Math.floor((h.year - 1) * 354.367 + (h.month - 1) * 29.5306 + h.day - 1);
  // The arithmetic estimate is within a few days; the calendar itself decides.
  for (let delta = 0; delta <= 6; delta++) {
    for (const sign of delta === 0 ? [0] : [-1, 1]) {
      const date = new Date((estimate + sign * delta) * 86_400_000);
      const day = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      const back = toHijri(day);
      if (back.year === h.year && back.month === h.month && back.day === h.day) return day;
    }
  }
  return null;
}
