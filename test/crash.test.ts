import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

describe('ingest killed with SIGKILL halfway', () => {
  it('loses nothing and duplicates nothing when run again (scripts/store/crash-ingest.ts)', () => {
    const script = join(import.meta.dirname, '..', 'scripts', 'store', 'crash-ingest.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--articles', '1200'], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
    assert.match(run.stdout, /killed with \d+ stored \(integrity ok\).*identical/);
  });
});
