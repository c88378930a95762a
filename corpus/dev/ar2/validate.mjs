// Checks this folder's gold.jsonl against its texts and data/: node corpus/dev/ar2/validate.mjs
// The checker is shared by every gold folder: scripts/corpus/validate-gold.mjs.
process.argv.splice(2, Infinity, new URL('.', import.meta.url).pathname);
process.argv.push('--langs=ar');
await import('../../../scripts/corpus/validate-gold.mjs');
