/**
 * Bad input (issue 3): how long and how much memory each bad file takes, as
 * `talent parse` in a fresh process (wall time and peak RSS of the whole
 * process, start-up included) and through a warm extractor (the per-file cost
 * inside an import). Two good resumes are the yardstick; two large DOCX files
 * show the time and heap limits stopping a decoder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalTextExtractor } from '../src/sdk/local/extract.js';
import { bigDocx } from '../test/helpers/big-docx.js';
import { load, percentile, ROOT, runTalent } from './lib.js';

export interface BadInputRow {
  input: string;
  file: string;
  /** Config for this row, when not the defaults. */
  config?: Record<string, number>;
  code: string;
  exit: number | null;
  coldMs: number;
  peakRssMiB: number;
  warmMs: number;
}

export interface BadInputStats {
  rows: BadInputRow[];
  runs: number;
  load: string;
  /** When this section was measured (it can be measured alone, with --bad-input-only). */
  date: string;
}

const BAD = join(ROOT, 'test', 'fixtures', 'bad');
const SAMPLES = join(ROOT, 'samples', 'resumes');

export async function measureBadInput(work: string, log: (s: string) => void, runs = 3): Promise<BadInputStats> {
  const dir = join(work, 'bad-input');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'huge.docx'), bigDocx(40_000));
  writeFileSync(join(dir, 'slow.docx'), bigDocx(300_000));
  const cases: Array<Omit<BadInputRow, 'code' | 'exit' | 'coldMs' | 'peakRssMiB' | 'warmMs'> & { path: string }> = [
    { input: 'encrypted PDF', file: 'encrypted.pdf', path: join(BAD, 'encrypted.pdf') },
    { input: 'truncated PDF', file: 'truncated.pdf', path: join(BAD, 'truncated.pdf') },
    { input: 'zip bomb saved as DOCX (64 MiB of zeros)', file: 'zip-bomb.docx', path: join(BAD, 'zip-bomb.docx') },
    { input: '0-byte file', file: 'empty.pdf', path: join(BAD, 'empty.pdf') },
    { input: 'random bytes named .pdf', file: 'binary.pdf', path: join(BAD, 'binary.pdf') },
    { input: 'image with no text (OCR)', file: 'logo.png', path: join(BAD, 'logo.png') },
    { input: 'DOCX of 40,000 paragraphs, heap limit 64 MiB', file: 'huge.docx', path: join(dir, 'huge.docx'), config: { extractMemoryMb: 64 } },
    { input: 'DOCX of 300,000 paragraphs, time limit 1 s', file: 'slow.docx', path: join(dir, 'slow.docx'), config: { extractTimeoutMs: 1000, extractMemoryMb: 4096 } },
    { input: 'good resume, PDF (yardstick)', file: 'marcus-chen.pdf', path: join(SAMPLES, 'marcus-chen.pdf') },
    { input: 'good resume, DOCX (yardstick)', file: 'priya-raman.docx', path: join(SAMPLES, 'priya-raman.docx') },
  ];
  const rows: BadInputRow[] = [];
  for (const c of cases) {
    log(`bad input: ${c.file}…`);
    const args = ['parse', c.path, '--json'];
    if (c.config) {
      const cfg = join(dir, `${c.file}.config.json`);
      writeFileSync(cfg, JSON.stringify({ parsing: c.config }));
      args.push('--config', cfg);
    }
    const walls: number[] = [];
    let peak = 0;
    let exit: number | null = null;
    let code = '';
    for (let i = 0; i < runs; i++) {
      const r = await runTalent(args, {}, { sampleMs: 50 });
      walls.push(r.wallMs);
      peak = Math.max(peak, r.peakRssMiB);
      exit = r.code;
      code = r.code === 0 ? 'ok' : ((JSON.parse(r.stdout) as { error?: { code: string } }).error?.code ?? '?');
    }
    rows.push({ input: c.input, file: c.file, ...(c.config ? { config: c.config } : {}), code, exit, coldMs: percentile(walls, 50), peakRssMiB: peak, warmMs: await warm(c.path, c.file, c.config, runs) });
  }
  return { rows, runs, load: load(), date: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
}

/**
 * Median time of `extract` on a warm extractor: before each timed call the thread reads a good file of
 * the same kind (so its decoder is loaded), and a file that stopped the thread last time is not
 * charged for starting the next one.
 */
async function warm(path: string, file: string, config: Record<string, number> | undefined, runs: number): Promise<number> {
  const bytes = new Uint8Array(readFileSync(path));
  const kind = file.endsWith('.pdf') ? 'marcus-chen.pdf' : file.endsWith('.docx') ? 'priya-raman.docx' : undefined;
  const good = kind
    ? { bytes: new Uint8Array(readFileSync(join(SAMPLES, kind))), fileName: kind }
    : { bytes: new TextEncoder().encode('Jane Example\nSoftware engineer with ten years of Go and SQL.'), fileName: 'warm-up.txt' };
  const ex = new LocalTextExtractor({ timeoutMs: config?.extractTimeoutMs, memoryMb: config?.extractMemoryMb });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await ex.extract(good);
      const t0 = performance.now();
      await ex.extract({ bytes, fileName: file }).catch(() => undefined);
      times.push(performance.now() - t0);
    }
    return percentile(times, 50);
  } finally {
    await ex.close();
  }
}

/** The "Bad input" section of docs/benchmarks.md. */
export function renderBadInput(s: BadInputStats): string[] {
  const L = ['## Bad input', ''];
  L.push(
    `Each of issue 3's bad inputs (test/fixtures/bad, from \`npm run fixtures\`), two large but well-formed DOCX files that only the extraction limits stop (test/helpers/big-docx.ts), and two good resumes as the yardstick. **Cold**: \`talent parse <file> --json\` in a fresh process, median wall time of ${s.runs} runs and the highest peak RSS (whole process, all threads, GNU time), start-up included, measured ${s.date ?? '?'}. **Warm**: median time of \`LocalTextExtractor.extract\` (run from src under tsx) on an extractor whose thread has just read a good file of the same kind (PDF, DOCX, else text), i.e. the cost of the file inside an import; a file that stops the thread also costs the next file a thread start (55–120 ms from the build at a load of 11 here, more under tsx). Load at the end: ${s.load}.`,
    '',
  );
  L.push('| input | file | config | result | exit | cold wall | cold peak RSS | warm |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of s.rows) {
    const cfg = r.config ? Object.entries(r.config).map(([k, v]) => `${k}: ${v}`).join(', ') : '(defaults)';
    L.push(`| ${r.input} | ${r.file} | ${cfg} | \`${r.code}\` | ${r.exit} | ${r.coldMs.toFixed(0)} ms | ${r.peakRssMiB} MiB | ${r.warmMs.toFixed(0)} ms |`);
  }
  L.push(
    '',
    'Empty and unrecognised files are refused before the extraction thread starts. The others are decoded in the thread, under `parsing.extractTimeoutMs` (the thread is terminated when it runs out, OCR\'s worker with it) and `parsing.extractMemoryMb` (V8 stops the thread at that heap size); the thread is then started again for the next file.',
    '',
  );
  return L;
}
