#!/usr/bin/env node
// The PouchDB peer of rounds-bench: serves an in-memory PouchDB over HTTP on 127.0.0.1 (express-pouchdb,
// the CouchDB replication protocol), loads the records of a `rounds-server export` file into it, then
// replicates them into a fresh in-memory PouchDB client and times that replication only, the same
// span `rounds-bench sync` times for Rounds (a first full sync into an empty client).
//
//   node peer.js --records FILE.jsonl [--batch-size N] [--batches-limit N] [--json]
//
// Each line of FILE.jsonl is {"entity": "...", "record": {...}} (rounds-server export); a record becomes
// one document with _id "<entity>:<id>". The last line with --json is one JSON object.
'use strict';

const fs = require('fs');
const readline = require('readline');
const express = require('express');
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'));

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const recordsFile = arg('--records');
const batchSize = Number(arg('--batch-size', '500'));
const batchesLimit = Number(arg('--batches-limit', '10'));
const json = process.argv.includes('--json');
if (!recordsFile) {
  console.error('usage: node peer.js --records FILE.jsonl [--batch-size N] [--batches-limit N] [--json]');
  process.exit(2);
}

async function load(db) {
  const input = readline.createInterface({ input: fs.createReadStream(recordsFile), crlfDelay: Infinity });
  let batch = [];
  let count = 0;
  for await (const line of input) {
    if (!line.trim()) continue;
    const { entity, record } = JSON.parse(line);
    batch.push(Object.assign({ _id: `${entity}:${record.id}`, entity }, record));
    if (batch.length === 5000) {
      await db.bulkDocs(batch);
      count += batch.length;
      batch = [];
    }
  }
  if (batch.length) {
    await db.bulkDocs(batch);
    count += batch.length;
  }
  return count;
}

async function main() {
  const ServerDB = PouchDB.defaults({ adapter: 'memory' });
  const app = express();
  app.use('/', require('express-pouchdb')(ServerDB, { mode: 'minimumForPouchDB', logPath: '/dev/null' }));
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${server.address().port}/rounds`;

  const source = new ServerDB('rounds');
  const loadStart = process.hrtime.bigint();
  const loaded = await load(source);
  const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;

  const remote = new PouchDB(url);
  const local = new PouchDB('client', { adapter: 'memory' });
  const start = process.hrtime.bigint();
  const result = await local.replicate.from(remote, { batch_size: batchSize, batches_limit: batchesLimit });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const info = await local.info();
  const rssMb = process.resourceUsage().maxRSS / 1024;
  server.close();

  if (result.ok === false || info.doc_count !== loaded) {
    console.error(`replication incomplete: ${info.doc_count} of ${loaded} documents`);
    process.exit(1);
  }
  const rate = loaded / seconds;
  console.log(`== PouchDB ${require('pouchdb-core/package.json').version}: replicate ${loaded} documents ` +
    `from express-pouchdb (memory) on 127.0.0.1 into a fresh memory PouchDB ==`);
  console.log(`  load into the server (not timed): ${loadSeconds.toFixed(2)} s`);
  console.log(`  replication (batch_size ${batchSize}, batches_limit ${batchesLimit}): ` +
    `${seconds.toFixed(2)} s, ${rate.toFixed(0)} records/s`);
  console.log(`  peak RSS (server and client in one node process): ${rssMb.toFixed(1)} MB`);
  if (json) {
    console.log(JSON.stringify({ records: loaded, seconds, records_per_s: rate, batch_size: batchSize,
      batches_limit: batchesLimit, peak_rss_mb: rssMb }));
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
