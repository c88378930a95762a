import { detect } from 'tinyld';

/** Arabic or English by script first; the statistical guess only for text with neither script. */
export function detectLanguage(text: string): 'ar' | 'en' {
  const arabic = (text.slice(0, 4000).match(/[\u0600-\u06FF]/g) ?? []).length;
  const latin = (text.slice(0, 4000).match(/[A-Za-z]/g) ?? []).length;
  if (arabic || latin) return arabic >= latin ? 'ar' : 'en';
  return detect(text) === 'ar' ? 'ar' : 'en';
}
