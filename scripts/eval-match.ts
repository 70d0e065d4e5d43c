/**
 * `npm run eval:match`: ranking quality of talent's matcher against a BM25-only
 * and an embedding-only baseline, all three through the same local index.
 *
 * For each labelled data set (resumes-categorized.csv: 103 resumes, 25
 * categories; livecareer-pdfs: 240 PDFs, 24 categories) it imports the resumes
 * into a temporary data folder, ingests one job per category
 * (test/fixtures/eval-jobs*.jsonl), ranks every candidate for every job, and
 * reports P@5, P@10, nDCG@10 and MRR, where a resume is relevant to a job of
 * its own category. The data sets are not in the repository (no licence): the
 * script looks for them in $TALENT_EVAL_DATA, ../shared/data, ../../shared/data.
 *
 *   npm run eval:match                       # both data sets, default weights
 *   npm run eval:match -- --dataset csv      # one data set
 *   npm run eval:match -- --tune             # also a grid search over weights (see tune.ts)
 *   npm run eval:match -- --json             # machine-readable
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { importResumes } from '../src/pipelines/index.js';
import { resolveConfig } from '../src/sdk/config.js';
import { createProviders } from '../src/sdk/factory.js';
import { TalentClient } from '../src/sdk/client.js';
import { loadTaxonomy } from '../src/sdk/matching/taxonomy.js';
import { jobEmbeddingText, jobKeywordTerms } from '../src/sdk/matching/rank.js';
import type { Job } from '../src/sdk/model/index.js';
import { mean, metricsFor, type Metrics } from './eval/metrics.js';
import { collectFeatures, formatGrid, rankWith, tune, type JobFeatures } from './eval/tune.js';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: { dataset: { type: 'string', default: 'all' }, tune: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
});
const log = (s: string) => process.stderr.write(`${s}\n`);

function findDataDir(): string {
  const candidates = [process.env.TALENT_EVAL_DATA, join(ROOT, '..', 'shared', 'data'), join(ROOT, '..', '..', 'shared', 'data'), '/work/shared/data'].filter((d): d is string => Boolean(d));
  const found = candidates.find((d) => existsSync(join(d, 'resumes-categorized.csv')) || existsSync(join(d, 'livecareer-pdfs')));
  if (!found) {
    log(`eval:match: no evaluation data found (looked in ${candidates.join(', ')}).`);
    log('Set TALENT_EVAL_DATA to the folder holding resumes-categorized.csv and livecareer-pdfs/.');
    process.exit(2);
  }
  return found;
}

interface Dataset {
  name: string;
  jobsFile: string;
  /** Imports the resumes; returns candidate source path → category. */
  load: (talent: TalentClient, work: string) => Promise<(source: string) => string | undefined>;
}

const csvDataset = (dataDir: string): Dataset => ({
  name: 'resumes-categorized.csv',
  jobsFile: join(ROOT, 'test', 'fixtures', 'eval-jobs.jsonl'),
  load: async (talent, work) => {
    const rows = parseCsv(readFileSync(join(dataDir, 'resumes-categorized.csv')), { columns: true }) as Array<{ id: string; category: string; resume: string }>;
    const folder = join(work, 'resumes');
    mkdirSync(folder, { recursive: true });
    for (const r of rows) writeFileSync(join(folder, `${r.id}.txt`), r.resume);
    const report = await importResumes(talent, folder);
    log(`  imported ${report.counts.imported}, failed ${report.counts.failed}, duplicates ${report.counts.duplicate} in ${(report.durationMs / 1000).toFixed(1)} s`);
    const byId = new Map(rows.map((r) => [r.id, r.category]));
    return (source) => byId.get(basename(source).replace(/\.txt$/, ''));
  },
});

const livecareerDataset = (dataDir: string): Dataset => ({
  name: 'livecareer-pdfs',
  jobsFile: join(ROOT, 'test', 'fixtures', 'eval-jobs-livecareer.jsonl'),
  load: async (talent) => {
    const root = join(dataDir, 'livecareer-pdfs');
    const labels = parseCsv(readFileSync(join(root, 'labels.csv')), { columns: true }) as Array<{ file: string; category: string }>;
    const byFile = new Map(labels.map((l) => [l.file, l.category]));
    let imported = 0;
    let failed = 0;
    const started = performance.now();
    // One import per category folder, so labels.csv itself is not imported as a resume.
    for (const category of [...new Set(labels.map((l) => l.category))]) {
      const report = await importResumes(talent, join(root, category));
      imported += report.counts.imported;
      failed += report.counts.failed;
    }
    log(`  imported ${imported}, failed ${failed} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return (source) => byFile.get(relative(root, resolve(source)));
  },
});

interface RankerResult {
  ranker: string;
  metrics: Metrics;
}

async function evaluate(dataset: Dataset): Promise<{ dataset: string; candidates: number; jobs: number; results: RankerResult[]; features: JobFeatures[] }> {
  log(`${dataset.name}:`);
  const work = mkdtempSync(join(tmpdir(), 'talent-eval-'));
  try {
    const { config } = await resolveConfig({ overrides: { dataDir: join(work, 'data'), embedder: 'use' }, noFiles: true, env: {} });
    const taxonomy = loadTaxonomy(config.parsing.extraSkills);
    const providers = await createProviders(config, taxonomy);
    const talent = new TalentClient(config, providers, taxonomy);
    try {
      const categoryOf = await dataset.load(talent, work);
      const jobLines = readFileSync(dataset.jobsFile, 'utf8').split('\n').filter((l) => l.trim());
      const rawJobs = jobLines.map((l) => JSON.parse(l) as { id: string; category: string });
      const jobs = await talent.jobs.upsert(rawJobs);
      const categoryOfJob = new Map(rawJobs.map((j) => [j.id, j.category]));

      const candidates = (await talent.candidates.list({ limit: 10_000 })).items;
      const catOfCandidate = new Map(candidates.map((c) => [c.id, categoryOf(c.source)]));
      const unlabelled = candidates.filter((c) => !catOfCandidate.get(c.id));
      if (unlabelled.length) log(`  warning: ${unlabelled.length} candidates without a label (e.g. ${unlabelled[0]!.source})`);
      const n = candidates.length;
      const relevantFor = (job: Job) => new Set(candidates.filter((c) => catOfCandidate.get(c.id) === categoryOfJob.get(job.id)).map((c) => c.id));

      const per: Record<string, Metrics[]> = { ours: [], bm25: [], embedding: [], rrf: [] };
      const features: JobFeatures[] = [];
      for (const job of jobs) {
        const relevant = relevantFor(job);
        const ours = await talent.match.candidatesForJob(job.id, { top: n, save: false });
        per.ours!.push(metricsFor(ours.matches.map((m) => m.candidateId), relevant));
        const keyword = await providers.index.keywordSearch('candidate', jobKeywordTerms(job, taxonomy), n);
        per.bm25!.push(metricsFor(keyword.map((h) => h.id), relevant));
        const query = await providers.embedder.embedQuery(jobEmbeddingText(job));
        const vector = await providers.index.vectorSearch('candidate', query, n);
        per.embedding!.push(metricsFor(vector.map((h) => h.id), relevant));
        const jf = await collectFeatures(job, relevant, { embedder: providers.embedder, index: providers.index, records: providers.records, taxonomy }, n);
        per.rrf!.push(metricsFor(jf.fusedOrder, relevant));
        if (args.verbose) {
          const f = (m: Metrics) => `${m.p10.toFixed(1)}/${m.ndcg10.toFixed(2)}`;
          const cats = ours.matches.slice(0, 10).map((m) => catOfCandidate.get(m.candidateId)?.slice(0, 12)).join(', ');
          log(`  ${job.id.padEnd(24)} n=${relevant.size} ours ${f(per.ours!.at(-1)!)} bm25 ${f(per.bm25!.at(-1)!)} emb ${f(per.embedding!.at(-1)!)} | ${cats}`);
        }
        // The tuning path must rank exactly as the product does.
        const check = rankWith(jf, config.matching.weights).slice(0, 10);
        const product = ours.matches.slice(0, 10).map((m) => m.candidateId);
        if (check.join() !== product.join()) log(`  warning: tuning path disagrees with the product for ${job.id}`);
        features.push(jf);
      }
      const results: RankerResult[] = [
        { ranker: 'talent (hybrid retrieval + re-ranking)', metrics: mean(per.ours!) },
        { ranker: 'BM25 only (FTS5)', metrics: mean(per.bm25!) },
        { ranker: 'embedding only (USE, sqlite-vec)', metrics: mean(per.embedding!) },
        { ranker: 'RRF fusion only, no re-ranking', metrics: mean(per.rrf!) },
      ];
      return { dataset: dataset.name, candidates: n, jobs: jobs.length, results, features };
    } finally {
      await talent.close();
    }
  } finally {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
  }
}

const fmt = (x: number) => x.toFixed(3);
function table(results: RankerResult[]): string {
  const lines = ['| ranker | P@5 | P@10 | nDCG@10 | MRR |', '| --- | --- | --- | --- | --- |'];
  for (const r of results) lines.push(`| ${r.ranker} | ${fmt(r.metrics.p5)} | ${fmt(r.metrics.p10)} | ${fmt(r.metrics.ndcg10)} | ${fmt(r.metrics.mrr)} |`);
  return lines.join('\n');
}

const dataDir = findDataDir();
const wanted = args.dataset === 'all' ? ['csv', 'livecareer'] : [args.dataset!];
const datasets = wanted
  .map((w) => (w === 'csv' ? (existsSync(join(dataDir, 'resumes-categorized.csv')) ? csvDataset(dataDir) : undefined) : w === 'livecareer' ? (existsSync(join(dataDir, 'livecareer-pdfs')) ? livecareerDataset(dataDir) : undefined) : undefined))
  .filter((d): d is Dataset => Boolean(d));
if (datasets.length === 0) {
  log(`eval:match: unknown or missing data set "${args.dataset}" (use csv, livecareer or all)`);
  process.exit(2);
}

const outputs = [];
for (const d of datasets) outputs.push(await evaluate(d));
const date = new Date().toISOString().slice(0, 10);
if (args.json) {
  process.stdout.write(`${JSON.stringify({ date, outputs: outputs.map(({ features: _f, ...o }) => o) }, null, 2)}\n`);
} else {
  for (const o of outputs) {
    process.stdout.write(`\n${o.dataset}: ${o.candidates} resumes, ${o.jobs} jobs (one per category), ${date}\n\n${table(o.results)}\n`);
    const [ours, bm25, emb] = o.results;
    const beats = (k: 'p10' | 'ndcg10') => ours!.metrics[k] > bm25!.metrics[k] && ours!.metrics[k] > emb!.metrics[k];
    process.stdout.write(`\nours beats both baselines on P@10: ${beats('p10') ? 'yes' : 'NO'}; on nDCG@10: ${beats('ndcg10') ? 'yes' : 'NO'}\n`);
  }
}
if (args.tune) {
  const [train, ...check] = outputs;
  process.stdout.write(`\n${formatGrid(tune(train!.features, check.map((c) => c.features)), train!.dataset, check.map((c) => c.dataset))}\n`);
}
