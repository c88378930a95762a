import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/** A test set of one JSON object a line, each checked against its schema; a bad line names the file, the line and the field. */
export function readCases<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      let value: unknown;
      try {
        value = JSON.parse(l);
      } catch {
        throw new Error(`${path}: line ${i + 1} is not valid JSON`);
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(`${path}: line ${i + 1}: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
      return parsed.data;
    });
}
