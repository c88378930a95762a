import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { recordJsonSchemas } from '../contracts/record.ts';
import { DataError } from '../lexicon/index.ts';
import { explainCommand } from './explain.ts';
import { evalCommand } from './evaluate.ts';
import { datesCommand } from './dates.ts';
import { geocodeCommand } from './geocode.ts';
import { extractCommand } from './extract.ts';
import { startCommand } from './start.ts';
import { ingestCommand } from './ingest.ts';
import { statsCommand } from './stats.ts';
import { feedsAddCommand, feedsListCommand, watchCommand } from './feeds.ts';
import { serveCommand } from './serve.ts';
import { exportCommand } from './export.ts';
import { migrateCommand, queueCommand, workerCommand } from './queue.ts';
import { InputError } from '../ingest/input.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('marsad')
  .description('Marsad: conflict events from Arabic and English news, coded in ACLED\'s taxonomy')
  .version(pkg.version)
  .showHelpAfterError();

const published = new Option('--published <YYYY-MM-DD>', 'publication date, to resolve "yesterday", "last June"...');

program
  .command('extract')
  .description('extract events and claims from one article (a file or - for standard input), or a JSONL batch with --jsonl')
  .argument('[file]', 'article text file, JSONL batch with --jsonl, or - for standard input', '-')
  .addOption(published)
  .addOption(new Option('--lang <lang>', 'language of the article').choices(['ar', 'en', 'auto']).default('auto'))
  .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('json'))
  .option('--outlet <name>', 'the outlet that published the article')
  .option('--jsonl', 'batch mode: one JSON object a line in, one result a line out, in order')
  .action(extractCommand);

program
  .command('explain')
  .description('show, per event and field, the evidence and the lexicon entries and rules that produced it')
  .argument('<file>', 'article text file, or - for standard input')
  .addOption(published)
  .action(explainCommand);

program
  .command('eval')
  .description('score extraction against a gold JSONL file (the spec\'s metrics)')
  .requiredOption('--gold <file>', 'gold JSONL: input objects with an "events" array')
  .option('--json', 'print the scores as JSON')
  .option('--verbose', 'list missed and spurious events per article')
  .action(evalCommand);

program
  .command('dates')
  .description('print every date expression in a text with its resolution, or score a test set with --gold')
  .argument('[text]', 'the text (Arabic or English)')
  .addOption(published)
  .option('--gold <file>', 'JSONL of expressions in sentences with gold resolutions (test/fixtures/time/expressions.jsonl)')
  .option('--json', 'with --gold: print the scores as JSON')
  .option('--verbose', 'with --gold: list every miss')
  .action(datesCommand);

program
  .command('geocode')
  .description('print the places a text names, their candidates and the place an event in it gets; or score a test set with --gold')
  .argument('[text]', 'the text (Arabic or English)')
  .option('--gold <file>', 'JSONL of place mentions with gold coordinates and admin1 (test/fixtures/places/mentions.jsonl)')
  .option('--verbose', 'with --gold: list every miss')
  .action(geocodeCommand);

program.command('schema').description('print the JSON Schema of the record, claims and batch input').action(() => {
  process.stdout.write(`${JSON.stringify(recordJsonSchemas(), null, 2)}\n`);
});

const db = new Option('--db <file|url>', 'the store: a SQLite file or a postgres:// URL (default: $MARSAD_DB, else ./data/marsad.db)');

program
  .command('ingest')
  .description('read articles (.txt, .html, .jsonl, and folders of them), extract their events and store them merged; idempotent')
  .argument('<paths...>', 'files and folders')
  .option('--queue', 'PostgreSQL store: only read the articles and queue them for `marsad worker` processes')
  .addOption(db)
  .action(ingestCommand);

program
  .command('stats')
  .description('counts of stored events by country, type and month')
  .addOption(db)
  .option('--json', 'print the counts as JSON')
  .action(statsCommand);

const feeds = program.command('feeds').description('the RSS/Atom feeds that `marsad watch` polls');
feeds
  .command('add')
  .description('watch a feed')
  .argument('<url>', 'RSS or Atom feed URL')
  .option('--outlet <name>', 'the outlet, when the feed\'s own title does not say it')
  .addOption(db)
  .action(feedsAddCommand);
feeds.command('list').description('the watched feeds and their state').addOption(db).option('--json', 'as JSON').action(feedsListCommand);

program
  .command('watch')
  .description('poll the watched feeds on an interval (conditional GET, retries, backoff), ingesting new items')
  .option('--interval <seconds>', 'seconds between polls of a feed', '300')
  .option('--timeout <seconds>', 'seconds to wait for a server', '20')
  .option('--once', 'poll every feed once and exit (for cron)')
  .addOption(db)
  .action(watchCommand);

program
  .command('serve')
  .description('the HTTP API (and its docs at /docs); writes need MARSAD_TOKEN')
  .option('--port <port>', 'port', '8080')
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--read-only', 'serve reads only, opening no queue (for an instance on a PostgreSQL read replica)')
  .addOption(db)
  .action(serveCommand);

program
  .command('export')
  .description('stored events as a file: ACLED CSV (31 columns), HXL CSV, GeoJSON or JSONL; filters as in the API')
  .addOption(new Option('--format <format>', 'output format').choices(['acled-csv', 'hxl-csv', 'geojson', 'jsonl', 'extras-csv']).default('acled-csv'))
  .option('--out <file>', 'write here instead of standard output')
  .option('--extras <file>', 'with a CSV format: Marsad\'s fields beyond ACLED\'s (certainty, means, related, articles...) into this second file')
  .option('--country <names>', 'country, several separated by |')
  .option('--admin1 <names>', 'admin1 region(s)')
  .option('--event-type <types>', 'ACLED event type(s)')
  .option('--sub-event-type <types>', 'ACLED sub-event type(s)')
  .option('--actor <names>', 'actor1, actor2 or associated actor; a trailing * matches a prefix')
  .option('--event-date <dates>', 'YYYY-MM-DD, or YYYY-MM-DD|YYYY-MM-DD with --event-date-where BETWEEN')
  .option('--event-date-where <op>', '=, BETWEEN, >, <, >=, <=')
  .option('--bbox <west,south,east,north>', 'a box in degrees')
  .option('--geo-precision <n>', '1, 2 or 3; several separated by |')
  .option('--time-precision <n>', '1, 2 or 3; several separated by |')
  .option('--min-sources <n>', 'at least this many reporting articles')
  .option('--q <text>', 'full text over the evidence (Arabic folded)')
  .option('--background <which>', 'include, exclude or only')
  .option('--fields <names>', 'columns, separated by |')
  .addOption(db)
  .action(exportCommand);

program
  .command('worker')
  .description('PostgreSQL deployments: take queued articles, extract, merge and store them; run one per core, on any number of machines')
  .option('--concurrency <n>', 'job loops in this process', '2')
  .option('--batch <n>', 'jobs a loop takes at once and stores in one transaction', '4')
  .addOption(db)
  .action(workerCommand);

program
  .command('queue')
  .description('PostgreSQL deployments: depth, rate and failures of the article queue')
  .option('--json', 'as JSON')
  .addOption(db)
  .action(queueCommand);

program
  .command('migrate')
  .description('bring the store\'s schema (and the queue\'s, on PostgreSQL) to the current version')
  .addOption(db)
  .action(migrateCommand);

program
  .command('start')
  .description('the main job: ingest the demo corpus into the store (once), print the merged events, serve them')
  .option('--no-serve', 'ingest and print, then exit')
  .option('--port <port>', 'port', '8080')
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .addOption(db)
  .action(startCommand);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof InputError || error instanceof DataError) {
    process.stderr.write(`marsad: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
