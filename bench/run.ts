/**
 * `npm run bench`: import throughput and peak RSS, match latency at 10k and
 * 100k candidates, CLI cold start; writes docs/benchmarks.md. Idempotent:
 * seeded corpora and the large store are cached under .bench/ and reused when
 * their inputs are unchanged. `--quick` runs small sizes for a fast check;
 * `--match-only` keeps the last run's import results and stores and measures
 * matching and start-up again; `--render-only` rewrites the page from the last results;
 * `--bad-input-only` measures the bad-input section alone and puts it into the page.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSeedManifest, seedData, SEED_GENERATOR_VERSION } from '../src/pipelines/index.js';
import { load, machine, percentile, ROOT, runTalent, summariseProfileFile, type RunStats } from './lib.js';
import { measureBadInput, renderBadInput } from './bad-input.js';
import { buildReplicatedStore, measureMatch, type MatchStats } from './match.js';
import { renderReport, spliceMatchSections, type ImportStats, type Results } from './report.js';

const quick = process.argv.includes('--quick');
const WORK = join(ROOT, '.bench');
const SIZES = quick ? { small: 100, large: 300, copies: 10, rounds: 2, jobs: 10 } : { small: 1000, large: 10_000, copies: 10, rounds: 5, jobs: 20 };
const SEED = 'bench';
const log = (s: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)} load ${load()}] ${s}\n`);

async function seeded(n: number): Promise<string> {
  const out = join(WORK, `seed-${n}`);
  const m = await readSeedManifest(out);
  if (m && m.generator === SEED_GENERATOR_VERSION && m.seed === SEED && m.resumes === n && m.jobs === SIZES.jobs && m.formats.join() === 'pdf,docx') {
    log(`reusing ${n} seeded resumes in ${out}`);
    return out;
  }
  log(`seeding ${n} resumes (pdf, docx)…`);
  const r = await seedData({ resumes: n, jobs: SIZES.jobs, seed: SEED, formats: ['pdf', 'docx'], out });
  log(`seeded in ${(r.durationMs / 1000).toFixed(0)} s (${JSON.stringify(r.byFormat)})`);
  return out;
}

async function importRun(corpus: string, n: number, extra: string[] = []): Promise<ImportStats> {
  const dataDir = join(WORK, `store-${n}${extra.join('').replace(/[^a-z0-9]/gi, '')}`);
  rmSync(dataDir, { recursive: true, force: true });
  const loadBefore = load();
  log(`importing ${n} resumes with the CLI…`);
  const r: RunStats = await runTalent(['import', join(corpus, 'resumes'), '--json', ...extra], { TALENT_DATA_DIR: dataDir }, { sampleMs: 2000 });
  if (r.code !== 0) throw new Error(`import failed (${r.code}): ${r.stderr.slice(-2000)}`);
  const report = JSON.parse(r.stdout) as { counts: { imported: number; failed: number }; throughput: number; durationMs: number; workers: number };
  const s: ImportStats = {
    resumes: n,
    flags: extra.join(' '),
    imported: report.counts.imported,
    failed: report.counts.failed,
    workers: report.workers,
    seconds: r.wallMs / 1000,
    throughput: report.throughput,
    endToEnd: report.counts.imported / (r.wallMs / 1000),
    peakRssMiB: r.peakRssMiB,
    cpuSeconds: r.cpuSeconds,
    rssTimeline: r.rssTimeline,
    loadBefore,
    loadAfter: load(),
    dataDir,
  };
  log(`imported ${s.imported} in ${s.seconds.toFixed(0)} s: ${s.endToEnd.toFixed(1)} resumes/s end to end, peak RSS ${s.peakRssMiB} MiB`);
  return s;
}

/** The facts of an imported store that the match measurements need (no import was timed in this run). */
async function storeStats(dataDir: string): Promise<ImportStats> {
  if (!existsSync(join(dataDir, 'talent.db'))) throw new Error(`--match-only needs ${dataDir}: run the full benchmark once, or import .bench/seed-${SIZES.large}/resumes there with the CLI`);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(dataDir, 'talent.db'), { readonly: true });
  const imported = (db.prepare('SELECT count(*) AS n FROM candidates').get() as { n: number }).n;
  db.close();
  return { resumes: SIZES.large, flags: '', imported, failed: 0, workers: 0, seconds: NaN, throughput: NaN, endToEnd: NaN, peakRssMiB: NaN, rssTimeline: [], loadBefore: '', loadAfter: '', dataDir };
}

async function coldStart(args: string[], env: NodeJS.ProcessEnv, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runTalent(args, env, { sampleMs: 10_000 });
    if (r.code !== 0) throw new Error(`talent ${args.join(' ')} failed: ${r.stderr}`);
    times.push(r.wallMs);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs, load: load() };
}

/** One-thread import under --cpu-prof: where the CPU time of an import goes. */
async function importProfile(corpus: string, files: number) {
  const sub = join(WORK, 'profile-corpus');
  rmSync(sub, { recursive: true, force: true });
  mkdirSync(sub, { recursive: true });
  const names = readdirSync(join(corpus, 'resumes')).sort().slice(0, files);
  const { copyFileSync } = await import('node:fs');
  for (const n of names) copyFileSync(join(corpus, 'resumes', n), join(sub, n));
  const profDir = join(WORK, 'profile');
  rmSync(profDir, { recursive: true, force: true });
  const dataDir = join(WORK, 'store-profile');
  rmSync(dataDir, { recursive: true, force: true });
  log(`profiling a one-thread import of ${files} resumes…`);
  const r = await runTalent(['import', sub, '--json', '--workers', '0'], { TALENT_DATA_DIR: dataDir }, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] });
  if (r.code !== 0) throw new Error(`profiled import failed: ${r.stderr}`);
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!;
  return { files, seconds: r.wallMs / 1000, hotspots: summariseProfileFile(join(profDir, file), 12), load: load() };
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  if (process.argv.includes('--render-only')) {
    // Re-renders the page from the last run's results (e.g. after editing bench/report.ts).
    const saved = JSON.parse(readFileSync(join(WORK, quick ? 'results-quick.json' : 'results.json'), 'utf8')) as Results;
    writeFileSync(join(ROOT, 'docs', quick ? 'benchmarks-quick.md' : 'benchmarks.md'), renderReport(saved));
    return;
  }
  if (process.argv.includes('--bad-input-only')) {
    await badInputOnly();
    return;
  }
  const started = performance.now();
  log(`start${quick ? ' (--quick)' : ''}`);
  const results: Results = { quick, machine: machine(), loadAtStart: load(), sizes: SIZES, imports: [], match: [] };

  const small = await seeded(SIZES.small);
  const large = await seeded(SIZES.large);
  let big: ImportStats;
  // --match-only without the results of an earlier full run (e.g. the stores came from another machine's
  // run, or were imported by hand with the CLI): measure the store in .bench/store-<large> and rewrite only
  // the match figures of the page, keeping the rest.
  const savedFile = join(WORK, quick ? 'results-quick.json' : 'results.json');
  const spliceOnly = process.argv.includes('--match-only') && !existsSync(savedFile);
  if (spliceOnly) {
    big = await storeStats(join(WORK, `store-${SIZES.large}`));
    // renderReport reads the large store from imports[1]; the import sections of that render are not used.
    results.imports.push(big, big);
  } else if (process.argv.includes('--match-only')) {
    // Keeps the import results and stores of the last run; measures matching and start-up again.
    const saved = JSON.parse(readFileSync(savedFile, 'utf8')) as Results;
    Object.assign(results, { machine: saved.machine, loadAtStart: saved.loadAtStart, imports: saved.imports, importProfile: saved.importProfile });
    big = saved.imports[1]!;
  } else {
    results.imports.push(await importRun(small, SIZES.small));
    big = await importRun(large, SIZES.large);
    results.imports.push(big);
    // The memory/speed trade-off: one worker thread instead of one per core.
    results.imports.push(await importRun(small, SIZES.small, ['--workers', '1']));
    results.importProfile = await importProfile(large, quick ? 40 : 150);
  }

  log(`match latency on ${big.imported} candidates…`);
  const jobsFile = join(large, 'jobs.jsonl');
  results.match.push({ ...(await measureMatch(big.dataDir, jobsFile, SIZES.rounds)), load: load() } as MatchStats & { load: string });
  const replicated = join(WORK, `store-x${SIZES.copies}`);
  await buildReplicatedStore(big.dataDir, replicated, SIZES.copies, log);
  log(`match latency on the replicated store…`);
  results.match.push({ ...(await measureMatch(replicated, jobsFile, SIZES.rounds)), load: load() } as MatchStats & { load: string });

  results.badInput = await measureBadInput(WORK, log, quick ? 1 : 3);

  log('CLI cold start…');
  results.coldHelp = await coldStart(['--help'], {}, quick ? 5 : 15);
  results.coldMatch = await coldStart(['match', '--job', 'SJ-00001', '--top', '20', '--json'], { TALENT_DATA_DIR: big.dataDir }, quick ? 3 : 8);

  results.totalMinutes = (performance.now() - started) / 60_000;
  results.loadAtEnd = load();
  const out = join(ROOT, 'docs', quick ? 'benchmarks-quick.md' : 'benchmarks.md');
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  if (spliceOnly) {
    writeFileSync(out, spliceMatchSections(readFileSync(out, 'utf8'), renderReport(results), results));
    writeFileSync(join(WORK, quick ? 'results-match-quick.json' : 'results-match.json'), JSON.stringify(results, null, 2));
  } else {
    writeFileSync(out, renderReport(results));
    writeFileSync(savedFile, JSON.stringify(results, null, 2));
  }
  log(`wrote ${out} in ${results.totalMinutes.toFixed(1)} min`);
}

/**
 * Measures the bad-input section only. With the last run's results saved, the page is rendered
 * again from them; otherwise the section is replaced (or added) in the page as it stands.
 */
async function badInputOnly() {
  const { existsSync, readFileSync } = await import('node:fs');
  const stats = await measureBadInput(WORK, log, quick ? 1 : 3);
  const out = join(ROOT, 'docs', quick ? 'benchmarks-quick.md' : 'benchmarks.md');
  const saved = join(WORK, quick ? 'results-quick.json' : 'results.json');
  if (existsSync(saved)) {
    const results = JSON.parse(readFileSync(saved, 'utf8')) as Results;
    results.badInput = stats;
    writeFileSync(saved, JSON.stringify(results, null, 2));
    writeFileSync(out, renderReport(results));
  } else {
    const page = existsSync(out) ? readFileSync(out, 'utf8') : '# Benchmarks\n';
    const section = renderBadInput(stats).join('\n');
    const at = page.indexOf('## Bad input');
    const next = at < 0 ? -1 : page.indexOf('\n## ', at + 1);
    const anchor = page.indexOf('## What bounds each number');
    const updated =
      at >= 0 ? page.slice(0, at) + section + (next >= 0 ? '\n' + page.slice(next + 1) : '') : anchor >= 0 ? page.slice(0, anchor) + section + '\n' + page.slice(anchor) : `${page.trimEnd()}\n\n${section}`;
    writeFileSync(out, updated);
  }
  log(`wrote the bad-input section of ${out}`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : err}\n`);
  process.exitCode = 1;
});
