/** Renders the benchmark results as docs/benchmarks.md. Every number comes from the run it describes. */
import { renderBadInput, type BadInputStats } from './bad-input.js';
import type { MatchStats } from './match.js';
import type { machine } from './lib.js';

export interface ImportStats {
  resumes: number;
  /** Extra CLI flags, e.g. `--workers 1`. */
  flags: string;
  imported: number;
  failed: number;
  workers: number;
  seconds: number;
  /** The import report's own figure (imported / its duration, after the client opened). */
  throughput: number;
  /** imported / wall time of the whole CLI process, start-up and model loading included. */
  endToEnd: number;
  peakRssMiB: number;
  cpuSeconds?: number;
  rssTimeline: Array<[number, number]>;
  loadBefore: string;
  loadAfter: string;
  dataDir: string;
}

export interface Results {
  quick: boolean;
  machine: ReturnType<typeof machine>;
  loadAtStart: string;
  loadAtEnd?: string;
  sizes: { small: number; large: number; copies: number; rounds: number; jobs: number };
  imports: ImportStats[];
  importProfile?: { files: number; seconds: number; hotspots: Array<{ fn: string; ms: number; pct: number }>; load: string };
  match: Array<MatchStats & { load: string }>;
  coldHelp?: { p50: number; p95: number; runs: number; load: string };
  coldMatch?: { p50: number; p95: number; runs: number; load: string };
  badInput?: BadInputStats;
  totalMinutes?: number;
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '?');
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '?');

function verdict(ok: boolean, miss: string): string {
  return ok ? 'met' : `**missed** (${miss})`;
}

export function renderReport(r: Results): string {
  const [small, large, oneWorker] = r.imports;
  const [m10, m100] = r.match;
  const L: string[] = [];
  const m = r.machine;
  L.push('# Benchmarks', '');
  L.push(`Written by \`npm run bench${r.quick ? ' -- --quick' : ''}\` (bench/run.ts) on ${m.date}. Re-run it to refresh this page; it takes about ${f0(r.totalMinutes ?? NaN)} minutes here.`);
  if (r.quick) L.push('', '**Quick mode: small sizes, for checking that the benchmark runs. Not the numbers to quote.**');
  L.push('', `Machine: ${m.cores} cores (${m.cpu}), ${m.memory} memory, ${m.kernel}, Node ${m.node}.`);
  L.push(`Load average (1, 5, 15 min) at the start: ${r.loadAtStart}; at the end: ${r.loadAtEnd ?? '?'}. A load above the core count means other work shared the CPUs and every figure below is pessimistic.`, '');

  const helpOk = (r.coldHelp?.p50 ?? Infinity) < 150;
  const importOk = (large?.endToEnd ?? 0) >= 20;
  const rssOk = (large?.peakRssMiB ?? Infinity) < 400;
  const matchOk = (m100?.p95 ?? Infinity) < 50;
  L.push('## Targets', '');
  L.push('| target | measured | verdict |', '| --- | --- | --- |');
  if (large) {
    L.push(`| import ≥ 20 resumes/s end to end (${large.resumes} resumes) | ${f1(large.endToEnd)} resumes/s | ${verdict(importOk, `by ${f0(100 - (100 * large.endToEnd) / 20)} %`)} |`);
    L.push(`| peak RSS < 400 MiB for ${large.resumes} resumes, flat in the count | ${large.peakRssMiB} MiB (${small?.peakRssMiB ?? '?'} MiB for ${small?.resumes ?? '?'}) | ${verdict(rssOk, `by ${large.peakRssMiB - 400} MiB`)} |`);
  }
  if (m100) L.push(`| match p95 < 50 ms, top 20 of ${m100.candidates.toLocaleString('en')} | p95 ${f1(m100.p95)} ms | ${verdict(matchOk, `by ${f0(m100.p95 - 50)} ms`)} |`);
  if (r.coldHelp) L.push(`| \`talent --help\` < 150 ms | p50 ${f0(r.coldHelp.p50)} ms, p95 ${f0(r.coldHelp.p95)} ms | ${verdict(helpOk, `by ${f0(r.coldHelp.p50 - 150)} ms`)} |`);
  L.push('');

  L.push('## Import', '');
  L.push('Seeded resumes (`talent seed --seed bench --formats pdf,docx`, about half PDF, half DOCX, ten professions) imported by the built CLI into an empty local store: `talent import <folder> --json`, default settings (one worker thread per core, batches of 16 written in one transaction each). Peak RSS is the whole process (all threads), from GNU time.', '');
  L.push('| resumes | flags | imported | failed | workers | wall time | end to end | report throughput | CPU time | peak RSS | load before → after |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const i of r.imports) {
    L.push(`| ${i.resumes} | ${i.flags || '(defaults)'} | ${i.imported} | ${i.failed} | ${i.workers} | ${f1(i.seconds)} s | ${f1(i.endToEnd)}/s | ${f1(i.throughput)}/s | ${i.cpuSeconds ? `${f0(i.cpuSeconds)} s` : '?'} | ${i.peakRssMiB} MiB | ${i.loadBefore} → ${i.loadAfter} |`);
  }
  if (large?.rssTimeline.length) {
    const tl = large.rssTimeline;
    const picks = [0.1, 0.25, 0.5, 0.75, 0.95].map((q) => tl[Math.min(tl.length - 1, Math.floor(q * tl.length))]!);
    const later = tl.slice(Math.floor(tl.length * 0.1)).map(([, mb]) => mb);
    L.push(
      '',
      `RSS during the ${large.resumes}-resume import (seconds → MiB): ${picks.map(([t, mb]) => `${f0(t)} s → ${mb}`).join(', ')}. From the first tenth of the run on it stays between ${Math.min(...later)} and ${Math.max(...later)} MiB: it does not grow with the number of files.`,
    );
  }
  if (large?.cpuSeconds) {
    L.push('', `CPU per resume: ${f0((1000 * large.cpuSeconds) / Math.max(1, large.imported))} ms over all threads, so ${m.cores} fully used cores bound the import at about ${f1((Number(m.cores) * large.imported) / large.cpuSeconds)} resumes/s on this machine.`);
  }
  if (r.importProfile) {
    L.push('', `### Where an import's CPU time goes`, '');
    L.push(`A one-thread import (\`--workers 0\`) of ${r.importProfile.files} of the same resumes under \`node --cpu-prof\` (${f1(r.importProfile.seconds)} s, load ${r.importProfile.load}); self time by function:`, '');
    L.push('| function | self time | share |', '| --- | --- | --- |');
    for (const h of r.importProfile.hotspots) L.push(`| \`${h.fn}\` | ${h.ms} ms | ${h.pct} % |`);
    L.push('', 'The `wasm-function[…]` entries are TensorFlow.js\'s WebAssembly kernels running the Universal Sentence Encoder: embedding dominates. Extraction (pdf.js, mammoth) and parsing follow; SQLite writes are a small share.');
  }

  L.push('', '## Match latency', '');
  L.push(`\`talent.match.candidatesForJob(job, { top: 20 })\` on a warm client (model loaded, after one warm-up pass), ${r.sizes.jobs} seeded jobs × ${r.sizes.rounds} rounds; retrieval depth 200 per retriever (the default).`);
  L.push(`The ${m10?.candidates.toLocaleString('en') ?? '?'}-candidate store is the one the import above built. The ${m100?.candidates.toLocaleString('en') ?? '?'}-candidate store holds ${r.sizes.copies} copies of it written straight into the store (\`candidates.save\` with the vectors given, then \`candidates.compactIndex\` as an import does): each copy keeps the parsed profile and text and gets a new id and its vector moved by Gaussian noise (σ = 0.01 per component, renormalised). So the 100k store has real profiles and real embedding geometry but only ${m10?.candidates.toLocaleString('en') ?? '?'} distinct texts.`, '');
  L.push('| candidates | queries | p50 | p95 | max | load |', '| --- | --- | --- | --- | --- | --- |');
  for (const s of r.match) L.push(`| ${s.candidates.toLocaleString('en')} | ${s.queries} | ${f1(s.p50)} ms | ${f1(s.p95)} ms | ${f1(s.max)} ms | ${s.load} |`);
  for (const s of r.match) {
    L.push('', `Mean time per query by step, ${s.candidates.toLocaleString('en')} candidates (ports timed through proxies):`, '');
    L.push('| step | ms |', '| --- | --- |');
    for (const b of s.breakdown) L.push(`| ${b.step} | ${f1(b.ms)} |`);
    L.push('', 'CPU profile of the timed queries, self time:', '');
    L.push('| function | self time | share |', '| --- | --- | --- |');
    for (const h of s.hotspots) L.push(`| \`${h.fn}\` | ${h.ms} ms | ${h.pct} % |`);
  }

  L.push('', '## CLI cold start', '');
  L.push('Wall time of a fresh `node bin/talent.js …` process, spawned from Node.', '');
  L.push('| command | runs | p50 | p95 | load |', '| --- | --- | --- | --- | --- |');
  if (r.coldHelp) L.push(`| \`talent --help\` | ${r.coldHelp.runs} | ${f0(r.coldHelp.p50)} ms | ${f0(r.coldHelp.p95)} ms | ${r.coldHelp.load} |`);
  if (r.coldMatch) L.push(`| \`talent match --job SJ-00001 --top 20 --json\` on the ${large?.imported ?? '?'}-candidate store | ${r.coldMatch.runs} | ${f0(r.coldMatch.p50)} ms | ${f0(r.coldMatch.p95)} ms | ${r.coldMatch.load} |`);
  L.push('', 'A cold `talent match` includes loading the embedding model (TensorFlow.js WebAssembly and 27 MB of weights) to embed the job text.');
  if (r.badInput) L.push('', ...renderBadInput(r.badInput));
  L.push('', ...analysis(r, large, oneWorker, m100));
  return `${L.join('\n')}\n`;
}

/** What bounds each number, with the figures of this run. */
function analysis(r: Results, large: ImportStats | undefined, oneWorker: ImportStats | undefined, m100: (MatchStats & { load: string }) | undefined): string[] {
  const step = (name: string) => m100?.breakdown.find((b) => b.step === name)?.ms ?? NaN;
  const cores = Number(r.machine.cores);
  const L = ['## What bounds each number', ''];
  if (large?.cpuSeconds) {
    const perResume = (1000 * large.cpuSeconds) / Math.max(1, large.imported);
    L.push(
      `- **Import throughput** is bound by CPU: ${f0(perResume)} ms of CPU per resume over all threads in the ${large.resumes}-resume run, most of it the Universal Sentence Encoder on TensorFlow.js WebAssembly (see the profile), whose cost per text is nearly flat in text length and batch size. \`talent import\` runs one worker thread per core, each loading the model once and embedding in batches of 4; the main thread reads, hashes, journals and writes (one SQLite transaction per batch of 16: records, vector and FTS rows and journal entries). With ${cores} cores fully available that is about ${f1((cores * 1000) / perResume)} resumes/s; a load average of ${r.loadAtStart.split(',')[0]} at the start means other work took part of the cores during this run.`,
    );
  }
  if (large && oneWorker) {
    L.push(
      `- **Peak RSS** is dominated by the per-thread model: each worker holds TensorFlow.js, its WebAssembly memory (the weights, plus activations that grow with the batch and never shrink) and pdf.js. With one worker the ${oneWorker.resumes}-resume import peaked at ${oneWorker.peakRssMiB} MiB and ran at ${f1(oneWorker.endToEnd)} resumes/s; with ${large.workers} workers at ${large.peakRssMiB} MiB and ${f1(large.endToEnd)} resumes/s. Worker heaps are capped (96 MiB old generation, 4 MiB young), which keeps garbage from piling up; nothing is kept per file beyond the hashes in flight and the failure/duplicate lists, so RSS does not grow with the number of files. \`--workers 1\` trades speed for memory.`,
    );
  }
  if (m100) {
    const rest = step('fusion, scoring, explanations (the rest)');
    const top = m100.hotspots[0];
    const embed = step('embedder.embedQuery');
    const redaction = m100.hotspots.slice(0, 3).some((h) => /redact|findMentions/.test(h.fn));
    L.push(
      `- **Match latency** at ${m100.candidates.toLocaleString('en')} candidates, per query: sqlite-vec's exact KNN for the 200 nearest vectors ${f1(step('index.vectorSearch'))} ms (a linear scan over every vector, read through a memory map: it grows with the store); ` +
        `FTS5's BM25 over the job's skill terms ${f1(step('index.keywordSearch'))} ms (the keyword index is merged into one segment after a bulk load, see \`candidates.compactIndex\`); ` +
        `the ranking code itself (fusion, then scoring and explaining the fused candidates whose score bound can still reach the top 20) ${f1(rest)} ms, reading each candidate's redacted text and skill mentions from the match data stored at import instead of redacting and scanning up to 400 resumes per query; ` +
        `cosine similarities for the keyword-only hits ${f1(step('index.similarities'))} ms (batched reads from a plain copy of the vectors, not point lookups into vec0); loading those candidates' records ${f1(step('records.getCandidates'))} ms; ` +
        `the job's vector ${f1(step('index.storedVector'))} ms, read from the index where ingest stored it` +
        (Number.isFinite(embed) ? `, with ${f1(embed)} ms of embedding for jobs whose stored vector did not match their text` : ' (the job text is not embedded again)') +
        `. The hottest function in the profile is \`${top?.fn ?? '?'}\` (${top?.pct ?? '?'} % of the samples).` +
        (redaction ? ' Redaction or skill scanning is among the top three: the store holds candidates without current match data (they are upgraded as they are ranked).' : '') +
        ' What is left is mostly the two retrievers, which run one after the other on one synchronous SQLite connection. Exact KNN is bound by scanning every vector; an approximate index (HNSW, or a binary-quantised prefilter with exact re-scoring) would cut it but can change which candidates are retrieved, so it is not used. Running keyword search on a second connection in a worker thread would overlap the two.',
    );
  }
  L.push('- **`talent --help`** loads commander and the command table only; every command module, the SDK and the heavy dependencies are imported lazily.', '');
  return L;
}

/**
 * The page `existing` with its match figures replaced by those of `fresh` (a
 * page rendered from a --match-only run that timed no import): the Targets row,
 * the Match latency section, the cold `talent match` row and the match bullet
 * of the analysis, plus a note saying when they were measured.
 */
export function spliceMatchSections(existing: string, fresh: string, r: Results): string {
  const lines = (page: string) => page.split('\n');
  const freshLines = lines(fresh);
  const pick = (prefix: string) => freshLines.find((l) => l.startsWith(prefix));
  const section = (ls: string[]) => {
    const from = ls.findIndex((l) => l === '## Match latency');
    const to = ls.findIndex((l, i) => i > from && l.startsWith('## '));
    return { from, to };
  };
  let out = lines(existing);
  for (const prefix of ['| match p95 < 50 ms', '| `talent match --job', '- **Match latency**']) {
    const line = pick(prefix);
    const at = out.findIndex((l) => l.startsWith(prefix));
    if (line && at >= 0) out[at] = line;
  }
  const a = section(out);
  const b = section(freshLines);
  if (a.from < 0 || b.from < 0) throw new Error('no "## Match latency" section to replace');
  // The store measured is not the one the import figures above come from.
  const store = `The ${r.imports[1]?.imported.toLocaleString('en') ?? '?'}-candidate store was imported again from the same seeded resumes with \`talent import\` (with the match data stored at import), its keyword index merged into one segment as an import now does at the end.`;
  const matchSection = freshLines.slice(b.from, b.to).map((l) => l.replace(/^The [\d,]+-candidate store is the one the import above built\./, store));
  out = [...out.slice(0, a.from), ...matchSection, ...out.slice(a.to)];
  const note = `The match figures (the match target, Match latency, the cold \`talent match\` row and its analysis) were measured again by \`npm run bench -- --match-only\` on ${r.machine.date} (same machine; load at the start ${r.loadAtStart}, at the end ${r.loadAtEnd ?? '?'}); the import figures are from the run above.`;
  const noteAt = out.findIndex((l) => l.startsWith('The match figures (the match target'));
  if (noteAt >= 0) out[noteAt] = note;
  else {
    const machineAt = out.findIndex((l) => l.startsWith('Machine: '));
    out.splice(machineAt, 0, note, '');
  }
  return out.join('\n');
}
