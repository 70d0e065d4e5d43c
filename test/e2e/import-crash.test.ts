import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

/**
 * Runs `talent import --ndjson` and SIGKILLs it once `killAfter` files have
 * been reported imported (each report follows its batch's commit), or when it
 * ends by itself. Returns how many imported events were seen.
 */
function importAndKill(dir: string, dataDir: string, killAfter: number, extra: string[] = []): Promise<{ imported: number; killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1', TALENT_DATA_DIR: dataDir };
    const child = spawn(process.execPath, [BIN, 'import', dir, '--ndjson', '--batch-size', '4', ...extra], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let imported = 0;
    let killed = false;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const event = JSON.parse(line) as { type: string; outcome?: { status: string } };
        if (event.type === 'file' && event.outcome?.status === 'imported') imported++;
        if (!killed && imported >= killAfter) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ imported, killed, stderr });
    });
  });
}

/** The store's own view of what landed: candidates, index rows, journal entries. */
function inspect(dataDir: string) {
  const db = new Database(join(dataDir, 'talent.db'), { readonly: true });
  sqliteVec.load(db);
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      candidates: n('SELECT count(*) AS n FROM candidates'),
      distinctHashes: n('SELECT count(DISTINCT content_hash) AS n FROM candidates'),
      indexDocs: n("SELECT count(*) AS n FROM index_docs WHERE kind = 'candidate'"),
      vectors: n('SELECT count(*) AS n FROM candidate_vec'),
      journalDone: n("SELECT count(*) AS n FROM import_journal WHERE status = 'done'"),
      // Done entries without their candidate, and candidates without a done entry: both must be zero.
      orphanJournal: n("SELECT count(*) AS n FROM import_journal j WHERE j.status = 'done' AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.id = j.candidate_id)"),
      unjournalled: n("SELECT count(*) AS n FROM candidates c WHERE NOT EXISTS (SELECT 1 FROM import_journal j WHERE j.content_hash = c.content_hash AND j.status = 'done')"),
    };
  } finally {
    db.close();
  }
}

describe('import survives kill -9 at any point', () => {
  const corpus = tmp('talent-crash-corpus-');
  let files: string[] = [];
  let distinct = 0;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error(`Build first (npm run build): ${BIN} needs dist/`);
    const seeded = await runCli(['seed', '--resumes', '48', '--jobs', '0', '--seed', 'crash', '--formats', 'pdf,docx,txt', '--out', join(corpus, 'seed')]);
    expect(seeded.code, seeded.stderr).toBe(0);
    // Two identical files under other names: imported once, reported as duplicates.
    const resumes = join(corpus, 'seed', 'resumes');
    const first = readdirSync(resumes).sort()[0]!;
    mkdirSync(join(resumes, 'copies'));
    copyFileSync(join(resumes, first), join(resumes, 'copies', `copy-of-${first}`));
    copyFileSync(join(resumes, first), join(resumes, `zz-${first}`));
    files = readdirSync(resumes, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
    distinct = new Set(files.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'))).size;
  });

  it('kill -9 twice mid-import, re-run: every file imported exactly once, store and journal consistent', async () => {
    const dataDir = tmp('talent-crash-data-');
    const dir = join(corpus, 'seed', 'resumes');

    const first = await importAndKill(dir, dataDir, 6, ['--workers', '2']);
    expect(first.killed, first.stderr).toBe(true);
    const afterFirst = inspect(dataDir);
    // Whole batches only: what was reported imported is there, and nothing is half-written.
    expect(afterFirst.candidates).toBeGreaterThanOrEqual(6);
    expect(afterFirst.candidates).toBeLessThan(distinct);
    expect(afterFirst).toMatchObject({ indexDocs: afterFirst.candidates, vectors: afterFirst.candidates, journalDone: afterFirst.candidates, orphanJournal: 0, unjournalled: 0 });

    const second = await importAndKill(dir, dataDir, 8, ['--workers', '1']);
    expect(second.killed, second.stderr).toBe(true);
    expect(inspect(dataDir).candidates).toBeGreaterThanOrEqual(afterFirst.candidates + 8);

    const rerun = await runCli(['import', dir, '--json'], { env: { TALENT_DATA_DIR: dataDir } });
    expect(rerun.code, rerun.stderr).toBe(0);
    const report = JSON.parse(rerun.stdout);
    expect(report.counts.total).toBe(files.length);
    expect(report.counts.failed).toBe(0);
    expect(report.counts.imported + report.counts.skipped).toBe(distinct);
    expect(report.counts.duplicate).toBe(files.length - distinct);

    const final = inspect(dataDir);
    expect(final).toEqual({ candidates: distinct, distinctHashes: distinct, indexDocs: distinct, vectors: distinct, journalDone: distinct, orphanJournal: 0, unjournalled: 0 });

    const again = JSON.parse((await runCli(['import', dir, '--json'], { env: { TALENT_DATA_DIR: dataDir } })).stdout);
    expect(again.counts).toMatchObject({ imported: 0, skipped: distinct, duplicate: files.length - distinct, failed: 0 });
  });

  it('imports identical files under different names once and names the duplicates', async () => {
    const dir = tmp('talent-dups-');
    const dataDir = tmp('talent-dups-data-');
    const src = join(ROOT, 'samples', 'resumes', 'marcus-chen.pdf');
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    copyFileSync(src, join(dir, '1-marcus.pdf'));
    copyFileSync(src, join(dir, 'a', '2-marcus-again.pdf'));
    copyFileSync(src, join(dir, 'a', 'b', '3-marcus.pdf'));
    copyFileSync(join(ROOT, 'samples', 'resumes', 'priya-raman.docx'), join(dir, '4-priya.docx'));
    const r = await runCli(['import', dir, '--json', '--workers', '0'], { env: { TALENT_DATA_DIR: dataDir } });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.counts).toMatchObject({ imported: 2, duplicate: 2, failed: 0, total: 4 });
    expect(report.duplicates.map((d: { file: string; duplicateOf: string }) => [d.file.split('/').pop(), d.duplicateOf.split('/').pop()])).toEqual([
      ['2-marcus-again.pdf', '1-marcus.pdf'],
      ['3-marcus.pdf', '1-marcus.pdf'],
    ]);
    expect(inspect(dataDir).candidates).toBe(2);
    // A new copy later is still a duplicate of the one imported.
    copyFileSync(src, join(dir, '5-marcus-new.pdf'));
    const again = JSON.parse((await runCli(['import', dir, '--json'], { env: { TALENT_DATA_DIR: dataDir } })).stdout);
    expect(again.counts).toMatchObject({ imported: 0, skipped: 2, duplicate: 3 });
  });

  it('exits 1 when every file fails and 3 when some do, naming each failure with a code and a fix', async () => {
    const dir = tmp('talent-allbad-');
    const dataDir = tmp('talent-allbad-data-');
    writeFileSync(join(dir, 'empty.pdf'), '');
    writeFileSync(join(dir, 'noise.docx'), Buffer.from('PK\u0003\u0004 not really a zip'));
    const all = await runCli(['import', dir, '--json'], { env: { TALENT_DATA_DIR: dataDir } });
    expect(all.code, all.stderr).toBe(1);
    expect(JSON.parse(all.stdout).counts).toMatchObject({ imported: 0, failed: 2 });
    copyFileSync(join(ROOT, 'samples', 'resumes', 'grace-mitchell.pdf'), join(dir, 'grace.pdf'));
    const some = await runCli(['import', dir], { env: { TALENT_DATA_DIR: dataDir } });
    expect(some.code, some.stderr).toBe(3);
    expect(some.stdout).toMatch(/imported 1, .*failed 2/);
    expect(some.stdout).toMatch(/failed .*empty\.pdf: .*\[E_EMPTY_FILE\]/);
    expect(some.stdout).toContain('fix:');
  });
});

describe('talent seed', () => {
  it('writes the same files for the same seed and imports them with --import', async () => {
    const out = tmp('talent-seed-e2e-');
    const dataDir = tmp('talent-seed-data-');
    const a = await runCli(['seed', '--resumes', '6', '--jobs', '3', '--seed', 'e2e', '--formats', 'pdf,docx,txt', '--out', join(out, 'a'), '--json']);
    const b = await runCli(['seed', '--resumes', '6', '--jobs', '3', '--seed', 'e2e', '--formats', 'pdf,docx,txt', '--out', join(out, 'b'), '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).digest).toBe(JSON.parse(b.stdout).digest);
    const seeded = await runCli(['seed', '--resumes', '6', '--jobs', '3', '--seed', 'e2e', '--out', join(out, 'c'), '--import', '--json'], { env: { TALENT_DATA_DIR: dataDir, TALENT_EMBEDDER: 'fake' } });
    expect(seeded.code, seeded.stderr).toBe(0);
    const r = JSON.parse(seeded.stdout);
    expect(r.import.counts).toMatchObject({ imported: 6, failed: 0 });
    expect(r.jobs).toMatchObject({ ingested: 3, failed: 0 });
    const match = await runCli(['match', '--job', 'SJ-00001', '--json'], { env: { TALENT_DATA_DIR: dataDir, TALENT_EMBEDDER: 'fake' } });
    expect(match.code, match.stderr).toBe(0);
    expect(JSON.parse(match.stdout).matches.length).toBeGreaterThan(0);
  });

  it('rejects a bad count as a usage error', async () => {
    const r = await runCli(['seed', '--resumes', 'many', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('E_USAGE');
  });
});
