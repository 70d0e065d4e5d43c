import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importResumes, ingestJobs } from '../../src/pipelines/index.js';
import { createTalent, type TalentClient } from '../../src/sdk/index.js';
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

  it('fails with a clear error for a missing folder', async () => {
    const { t } = await client();
    await expect(importResumes(t, '/no/such/folder')).rejects.toMatchObject({ code: 'E_PATH_NOT_FOUND' });
  });
});

describe('ingestJobs', () => {
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
