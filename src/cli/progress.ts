import { SingleBar } from 'cli-progress';
import type { IngestCounts, IngestProgress } from '../ingest/run.ts';

/** A bar with counts, rate and ETA on a terminal; a plain line every few seconds in a log. */
export function ingestProgress(stream: NodeJS.WriteStream = process.stderr): IngestProgress {
  const startedAt = Date.now();
  const rate = (c: IngestCounts) => (c.added + c.duplicates) / Math.max(0.001, (Date.now() - startedAt) / 1000);
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        format: 'ingest {bar} {value}/{total} files | {added} added, {duplicates} duplicates, {rejected} rejected | {rate} articles/s | ETA {eta_formatted}',
        stream,
        hideCursor: true,
        etaBuffer: 50,
      },
    );
    return {
      start: (total) => bar.start(total, 0, { added: 0, duplicates: 0, rejected: 0, rate: '0' }),
      update: (c) => bar.update(c.files, { added: c.added, duplicates: c.duplicates, rejected: c.rejected, rate: rate(c).toFixed(0) }),
      problem: (message) => {
        // Above the bar, so the bar stays the last line.
        stream.write(`\r\x1b[K${message}\n`);
      },
      stop: () => bar.stop(),
    };
  }
  let total = 0;
  let lastLine = Date.now();
  return {
    start: (files) => {
      total = files;
    },
    update: (c) => {
      if (Date.now() - lastLine < 5000) return;
      lastLine = Date.now();
      stream.write(`ingest: ${c.files}/${total} files, ${c.added} added, ${c.duplicates} duplicates, ${c.rejected} rejected, ${rate(c).toFixed(0)} articles/s\n`);
    },
    problem: (message) => stream.write(`${message}\n`),
    stop: () => {},
  };
}
