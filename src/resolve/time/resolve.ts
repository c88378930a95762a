import { addDays, addMonths, compareDays, type Day, daysInMonth, formatDay, fromHijri, isValidDay, toHijri, weekday } from './calendar.ts';

export type TimeUnit = 'day' | 'week' | 'month' | 'year';

/** What a date expression says, before it meets the publication date. */
export interface TimeSpec {
  fullDate?: Day;
  year?: number;
  month?: number;
  dayOfMonth?: number;
  weekday?: number;
  dayOffset?: number;
  unit?: TimeUnit;
  count?: number;
  direction?: -1 | 0 | 1;
  part?: 'early' | 'mid' | 'late';
  since?: boolean;
  ago?: boolean;
  earlier?: boolean;
  few?: boolean;
  future?: boolean;
  monthCue?: boolean;
  hijriMonth?: number;
  hijriYear?: number;
  /** The weekday a calendar week starts on (0 Sunday, 1 Monday): "last week" is the previous one. */
  weekStart?: 0 | 1;
}

export interface Resolution {
  kind: 'point' | 'since';
  date: string | null;
  precision: 1 | 2 | 3 | null;
  since: string | null;
}

const PART_DAY = { early: 5, mid: 15, late: 25 } as const;
const PART_MONTH = { early: 1, mid: 7, late: 12 } as const;

const point = (day: Day | null, precision: 1 | 2 | 3 | null): Resolution => ({
  kind: 'point',
  date: day && isValidDay(day) ? formatDay(day) : null,
  precision: day && isValidDay(day) ? precision : null,
  since: null,
});
const unresolved: Resolution = { kind: 'point', date: null, precision: null, since: null };

/** The year in which a month (and day) falls last on or before the publication day (or after it, looking forward). */
function yearFor(month: number, day: number, published: Day, direction: -1 | 0 | 1 | undefined): number {
  const sameYear = { year: published.year, month, day: Math.min(day, daysInMonth(published.year, month)) };
  const cmp = compareDays(sameYear, published);
  if (direction === 1) return cmp > 0 ? published.year : published.year + 1;
  if (direction === -1) return month < published.month ? published.year : published.year - 1;
  if (direction === 0) return published.year;
  return cmp <= 0 ? published.year : published.year - 1;
}

/** Returns null when the chunk is not a date at all, a Resolution with a null date when it is one we cannot place. */
export function resolveSpec(spec: TimeSpec, published: Day | null): Resolution | null {
  if (spec.since) {
    const at = resolveSpec({ ...spec, since: false }, published);
    if (!at) return null;
    const since = spec.month !== undefined && spec.year !== undefined
      ? `${spec.year}-${String(spec.month).padStart(2, '0')}`
      : spec.year !== undefined && spec.month === undefined ? String(spec.year) : at.date?.slice(0, at.precision === 1 ? 10 : 7) ?? null;
    return { kind: 'since', date: at.date, precision: at.precision, since };
  }
  if (spec.fullDate) return point(isValidDay(spec.fullDate) ? spec.fullDate : null, 1);
  // رجب and رمضان are also names, صفر is also "zero": a Hijri month alone is not a date.
  if (spec.hijriMonth !== undefined) return spec.dayOfMonth === undefined && spec.hijriYear === undefined ? null : resolveHijri(spec, published);

  const hasAnything =
    spec.year !== undefined || spec.month !== undefined || spec.weekday !== undefined || spec.dayOffset !== undefined || spec.unit !== undefined;
  if (!hasAnything) return null;

  // An explicit month: "6 يناير 2022", "حزيران الماضي", "أواخر آذار", "on 3 January".
  if (spec.month !== undefined) {
    if (spec.year === undefined && !published) return unresolved;
    if (spec.dayOfMonth !== undefined) {
      const year = spec.year ?? yearFor(spec.month, spec.dayOfMonth, published!, spec.direction);
      const day = { year, month: spec.month, day: spec.dayOfMonth };
      return isValidDay(day) ? point(day, 1) : unresolved;
    }
    const year = spec.year ?? yearFor(spec.month, 1, published!, spec.direction);
    return point({ year, month: spec.month, day: spec.part ? PART_DAY[spec.part] : 15 }, 3);
  }

  if (spec.dayOffset !== undefined) {
    if (!published) return unresolved;
    return point(addDays(published, spec.dayOffset), 1);
  }

  if (spec.weekday !== undefined) {
    if (!published) return unresolved;
    let back = (weekday(published) - spec.weekday + 7) % 7;
    if (spec.direction === -1 && back === 0) back = 7;
    if (spec.direction === 1) return point(addDays(published, (spec.weekday - weekday(published) + 7) % 7 || 7), 1);
    return point(addDays(published, -back), 1);
  }

  // "في 6 من الشهر الجاري": a day of a month named relative to publication.
  if (spec.unit === 'month' && spec.dayOfMonth !== undefined && spec.direction !== undefined) {
    if (!published) return unresolved;
    const month = addMonths({ ...published, day: 1 }, spec.direction);
    const day = { ...month, day: spec.dayOfMonth };
    return isValidDay(day) ? point(day, 1) : unresolved;
  }

  if (spec.ago && spec.unit) return resolveAgo(spec.unit, spec.count, published);

  if (spec.unit && spec.direction !== undefined) return resolveRelativePeriod(spec, published);

  if (spec.unit === 'year' && spec.year === undefined) return null;
  if (spec.year !== undefined) {
    // A year alone, or with a part: "أواخر 2021", "in 2017".
    if (spec.part) return point({ year: spec.year, month: PART_MONTH[spec.part], day: 15 }, 3);
    return unresolved;
  }
  return null;
}

function resolveAgo(unit: TimeUnit, count: number | undefined, published: Day | null): Resolution {
  if (!published) return unresolved;
  switch (unit) {
    case 'day':
      // "قبل أيام" (some days ago) is a few days: a week's precision.
      return count === undefined ? point(addDays(published, -3), 2) : point(addDays(published, -count), 1);
    case 'week':
      // "weeks ago" is ACLED's month precision; "two weeks ago" is a week.
      return count === undefined ? point(addDays(published, -21), 3) : point(addDays(published, -7 * count), 2);
    case 'month':
      return count === undefined ? unresolved : point({ ...addMonths(published, -count), day: 15 }, 3);
    default:
      return unresolved;
  }
}

function resolveRelativePeriod(spec: TimeSpec, published: Day | null): Resolution {
  if (!published) return unresolved;
  const direction = spec.direction ?? 0;
  switch (spec.unit) {
    case 'day':
      return point(addDays(published, direction), 1);
    case 'week':
      if (direction === 0) return point(addDays(published, -Math.min(3, weekday(published))), 2);
      {
        // "last week", «الأسبوع الماضي»: the middle day of the previous calendar week, as ACLED codes a week.
        const start = spec.weekStart ?? 0;
        const thisWeek = addDays(published, -((weekday(published) - start + 7) % 7));
        return point(addDays(thisWeek, 7 * direction + 3), 2);
      }
    case 'month': {
      const month = addMonths({ ...published, day: 1 }, direction);
      if (direction === 0) {
        // "earlier this month": the middle of the days already gone; "مطلع الشهر الجاري": its 5th.
        const day = spec.part ? PART_DAY[spec.part] : spec.earlier ? Math.max(1, Math.round(published.day / 2)) : Math.min(15, published.day);
        return point({ ...month, day }, 3);
      }
      return point({ ...month, day: spec.part ? PART_DAY[spec.part] : 15 }, 3);
    }
    case 'year': {
      // "أواخر العام الماضي" is a month; a whole year is vaguer than ACLED codes.
      if (!spec.part) return unresolved;
      return point({ year: published.year + direction, month: PART_MONTH[spec.part], day: 15 }, 3);
    }
    default:
      return unresolved;
  }
}

/** "15 رمضان 1443", "العاشر من محرم": an Umm al-Qura date; without a year, its latest occurrence up to publication. */
function resolveHijri(spec: TimeSpec, published: Day | null): Resolution {
  const month = spec.hijriMonth!;
  if (spec.dayOfMonth === undefined) {
    if (spec.hijriYear === undefined) return unresolved;
    const start = fromHijri({ year: spec.hijriYear, month, day: 1 });
    return point(start ? addDays(start, 14) : null, 3);
  }
  if (spec.hijriYear !== undefined) return point(fromHijri({ year: spec.hijriYear, month, day: spec.dayOfMonth }), 1);
  if (!published) return unresolved;
  const year = toHijri(published).year;
  for (const y of [year, year - 1]) {
    const day = fromHijri({ year: y, month, day: spec.dayOfMonth });
    if (day && compareDays(day, published) <= 0) return point(day, 1);
  }
  return unresolved;
}
