import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so the CLI works from any working directory. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function dataPath(relative: string): string {
  return join(ROOT, 'data', relative);
}
