import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importResumes, ingestJobs } from '../../src/pipelines/index.js';
import { RateLimitError, ValidationError, createTalent, type TalentClient } from '../../src/sdk/index.js';
import { FakeEmbedder } from '../../src/sdk/testing.js';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const open: TalentClient[] = [];
async function client(embedder = new FakeEmbedder()) {
  const t = await createTalent({ dataDir: tmp('talent-pipe-data-') }, { readConfigFiles: false, env: {}, providers: { embedder } });
  open.push(t);
  return { t, embedder };
}
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const resume = (name: string, skill: string) =>
  `${name}\n${name.toLowerCase().replace(' ', '.')}@example.com\n\nSKILLS\n${skill}, SQL\n\nEXPERIENCE\nEngineer, Acme Inc — Jan 2018 – Dec 2021\n- Built things with ${skill}\n`;

describe('importResumes', () => {
  it('embeds in batches, journals outcomes and skips done files on a re-run', async () => {
    const dir = tmp('talent-pipe-');
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `r${i}.txt`), resume(`Person Number${i}`, i % 2 ? 'Python' : 'Go'));
    const { t, embedder } = await client();
    const report = await importResumes(t, dir, { batchSize: 2, concurrency: 2 });
    expect(report.counts).toMatchObject({ imported: 5, failed: 0, skipped: 0, total: 5 });
    // Five resumes in batches of at most two: three embedding calls, none of them one-by-one for all.
    expect(embedder.calls.map((c) => c.length).sort()).toEqual([1, 2, 2]);
    expect(await t.candidates.count()).toBe(5);
    const rerun = await importResumes(t, dir);
    expect(rerun.counts).toMatchObject({ imported: 0, skipped: 5 });
  });

  it('reports identical files under different names as duplicates, imported once', async () => {
    const dir = tmp('talent-pipe-dup-');
    writeFileSync(join(dir, 'a.txt'), resume('Ann Example', 'Go'));
    writeFileSync(join(dir, 'b.txt'), resume('Ann Example', 'Go'));
    const { t } = await client();
    const report = await importResumes(t, dir);
    expect(report.counts).toMatchObject({ imported: 1, duplicate: 1 });
    // Both files are read concurrently: either may be the one imported first.
    const dup = report.duplicates[0]!;
    expect(dup.status).toBe('duplicate');
    expect([dup.file, dup.duplicateOf].map((f) => f?.slice(-5)).sort()).toEqual(['a.txt', 'b.txt']);
    expect(await t.candidates.count()).toBe(1);
  });

  it('fails one bad file alone and retries it on the next run once fixed', async () => {
    const dir = tmp('talent-pipe-bad-');
    writeFileSync(join(dir, 'good.txt'), resume('Good Person', 'Go'));
    writeFileSync(join(dir, 'bad.pdf'), '%PDF-1.7\nnot really a pdf');
    const { t } = await client();
    const report = await importResumes(t, dir);
    expect(report.counts).toMatchObject({ imported: 1, failed: 1 });
    expect(report.failures[0]).toMatchObject({ status: 'failed', error: { code: 'E_EXTRACT_CORRUPT_PDF', hint: expect.any(String) } });
    writeFileSync(join(dir, 'bad.pdf'), resume('Fixed Person', 'Python'));
    const rerun = await importResumes(t, dir);
    expect(rerun.counts).toMatchObject({ imported: 1, skipped: 1, failed: 0 });
  });

  it('writes nothing on a dry run', async () => {
    const dir = tmp('talent-pipe-dry-');
    writeFileSync(join(dir, 'a.txt'), resume('Dry Run', 'Go'));
    const { t, embedder } = await client();
    const report = await importResumes(t, dir, { dryRun: true });
    expect(report.counts.imported).toBe(1);
    expect(await t.candidates.count()).toBe(0);
    expect(embedder.calls).toHaveLength(0);
  });

  it('retries a transient embedding failure with backoff and imports everything', async () => {
    const dir = tmp('talent-pipe-retry-');
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `r${i}.txt`), resume(`Retry Person${i}`, 'Go'));
    const embedder = new FlakyEmbedder(2, () => new RateLimitError('throttled'));
    const { t } = await client(embedder);
    const events: string[] = [];
    const report = await importResumes(t, dir, { batchSize: 4, retryDelayMs: () => 1, onEvent: (e) => e.type === 'retry' && events.push(`${e.attempt}:${e.code}`) });
    expect(report.counts).toMatchObject({ imported: 4, failed: 0 });
    expect(events).toEqual(['1:E_RATE_LIMITED', '2:E_RATE_LIMITED']);
  });

  it('does not retry a permanent failure: each file of the batch fails alone with the code', async () => {
    const dir = tmp('talent-pipe-perm-');
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `r${i}.txt`), resume(`Perm Person${i}`, 'Go'));
    const embedder = new FlakyEmbedder(Infinity, () => new ValidationError('model says no', { code: 'E_TEST_PERMANENT', hint: 'do something' }));
    const { t } = await client(embedder);
    let retries = 0;
    const report = await importResumes(t, dir, { retryDelayMs: () => 1, onEvent: (e) => void (e.type === 'retry' && retries++) });
    expect(retries).toBe(0);
    expect(report.counts).toMatchObject({ imported: 0, failed: 3 });
    expect(report.failures.map((f) => f.error?.code)).toEqual(['E_TEST_PERMANENT', 'E_TEST_PERMANENT', 'E_TEST_PERMANENT']);
    // The next run retries what failed.
    embedder.failures = 0;
    expect((await importResumes(t, dir)).counts).toMatchObject({ imported: 3, failed: 0 });
  });

  it('re-imports with force, but still imports identical content once per run', async () => {
    const dir = tmp('talent-pipe-force-');
    writeFileSync(join(dir, 'a.txt'), resume('Force Person', 'Go'));
    writeFileSync(join(dir, 'b.txt'), resume('Force Person', 'Go'));
    const { t } = await client();
    await importResumes(t, dir);
    const forced = await importResumes(t, dir, { force: true, concurrency: 1 });
    expect(forced.counts).toMatchObject({ imported: 1, duplicate: 1, skipped: 0 });
    expect(await t.candidates.count()).toBe(1);
  });

  it('filters by include/exclude globs and emits a total for progress', async () => {
    const dir = tmp('talent-pipe-glob-');
    writeFileSync(join(dir, 'keep.txt'), resume('Keep Person', 'Go'));
    writeFileSync(join(dir, 'skip.md'), resume('Skip Person', 'Go'));
    const { t } = await client();
    let total = -1;
    const report = await importResumes(t, dir, { include: ['*.txt'], countTotal: true, onEvent: (e) => e.type === 'total' && (total = e.files) });
    expect(report.counts).toMatchObject({ imported: 1, total: 1 });
    expect(total).toBe(1);
  });

  it('on abort, writes what is prepared, stops, and a re-run finishes the rest', async () => {
    const dir = tmp('talent-pipe-abort-');
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.txt`), resume(`Abort Person${i}`, 'Go'));
    const { t } = await client();
    const ac = new AbortController();
    let imported = 0;
    const run = importResumes(t, dir, { batchSize: 2, concurrency: 2, signal: ac.signal, onEvent: (e) => e.type === 'file' && e.outcome.status === 'imported' && ++imported === 4 && ac.abort() });
    await expect(run).rejects.toMatchObject({ code: 'E_ABORTED' });
    const stored = await t.candidates.count();
    expect(stored).toBeGreaterThanOrEqual(4);
    expect(stored).toBeLessThan(20);
    expect(stored).toBe(imported);
    const rest = await importResumes(t, dir);
    expect(rest.counts).toMatchObject({ imported: 20 - stored, skipped: stored, failed: 0 });
  });

  it('fails with a clear error for a missing folder', async () => {
    const { t } = await client();
    await expect(importResumes(t, '/no/such/folder')).rejects.toMatchObject({ code: 'E_PATH_NOT_FOUND' });
  });
});

/** Fails its first `failures` calls with `make()`, then embeds like FakeEmbedder. */
class FlakyEmbedder extends FakeEmbedder {
  constructor(public failures: number, private readonly make: () => Error) {
    super();
  }
  override async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    if (this.failures > 0) {
      this.failures--;
      throw this.make();
    }
    return super.embedDocuments(texts);
  }
}

describe('ingestJobs', () => {
  it('streams a large JSONL file in batches, reporting bad lines by number', async () => {
    const dir = tmp('talent-jobs-big-');
    const file = join(dir, 'jobs.jsonl');
    const lines: string[] = [];
    for (let i = 1; i <= 1000; i++) {
      if (i % 250 === 0) lines.push('{"id": "broken"');
      else if (i % 300 === 0) lines.push(JSON.stringify({ id: `J-${i}`, title: 'No skills', minYears: -1 }));
      else lines.push(JSON.stringify({ id: `J-${i % 900}`, title: `Engineer ${i}`, requiredSkills: ['Go'] }));
    }
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const { t, embedder } = await client();
    const progress: number[] = [];
    const report = await ingestJobs(t, file, { batchSize: 100, onProgress: (p) => progress.push(p.lines) });
    expect(report.errors.map((e) => [e.line, e.code])).toEqual([
      [250, 'E_JOB_BAD_JSON'],
      [300, 'E_JOB_INVALID'],
      [500, 'E_JOB_BAD_JSON'],
      [600, 'E_JOB_INVALID'],
      [750, 'E_JOB_BAD_JSON'],
      [900, 'E_JOB_INVALID'],
      [1000, 'E_JOB_BAD_JSON'],
    ]);
    // Ids repeat after 900 lines (J-1 … J-99 again): upserted, counted once.
    expect(report.ingested).toBe(1000 - 7 - 99);
    expect(Math.max(...embedder.calls.map((c) => c.length))).toBeLessThanOrEqual(100);
    expect(progress.length).toBeGreaterThan(5);
    expect((await t.jobs.get('J-1')).title).toBe('Engineer 901');
  });

  it('ingests JSONL, reports bad lines by number, and normalises skills', async () => {
    const dir = tmp('talent-jobs-');
    const file = join(dir, 'jobs.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'J-1', title: 'Backend', requiredSkills: ['golang', 'k8s'], minYears: 3 }),
        '{ broken',
        JSON.stringify({ id: 'J-2', requiredSkills: [] }),
        '',
        JSON.stringify({ id: 'J-3', title: 'Nurse', requiredSkills: 'BLS; ACLS', minYears: 'lots' }),
        JSON.stringify({ id: 'J-4', title: 'Frontend', requiredSkills: 'ReactJS, JS' }),
      ].join('\n'),
    );
    const { t } = await client();
    const report = await ingestJobs(t, file);
    expect(report.ingested).toBe(2);
    expect(report.errors.map((e) => [e.line, e.code, e.field])).toEqual([
      [2, 'E_JOB_BAD_JSON', undefined],
      [3, 'E_JOB_INVALID', 'title'],
      [5, 'E_JOB_INVALID', 'minYears'],
    ]);
    expect((await t.jobs.get('J-1')).requiredSkills).toEqual(['Go', 'Kubernetes']);
    expect((await t.jobs.get('J-4')).requiredSkills).toEqual(['React', 'JavaScript']);
  });

  it('ingests CSV with list columns and upserts by id', async () => {
    const dir = tmp('talent-jobs-csv-');
    const file = join(dir, 'jobs.csv');
    writeFileSync(file, 'id,title,description,requiredSkills,niceToHaveSkills,minYears,location\nJ-9,"Data Scientist","Models, at scale","Python;SQL",pandas,2,Remote\n');
    const { t } = await client();
    expect((await ingestJobs(t, file)).ingested).toBe(1);
    expect(await t.jobs.get('J-9')).toMatchObject({ title: 'Data Scientist', description: 'Models, at scale', requiredSkills: ['Python', 'SQL'], niceToHaveSkills: ['pandas'], minYears: 2, location: 'Remote' });
    writeFileSync(file, 'id,title,minYears\nJ-9,Senior Data Scientist,5\n');
    await ingestJobs(t, file);
    expect(await t.jobs.get('J-9')).toMatchObject({ title: 'Senior Data Scientist', minYears: 5 });
    expect((await t.jobs.list()).items).toHaveLength(1);
  });
});
