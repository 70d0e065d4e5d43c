import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

const SAMPLES = join(ROOT, 'samples');
const expectedTop = JSON.parse(readFileSync(join(SAMPLES, 'expected-top.json'), 'utf8')) as Record<string, string>;

describe('the built CLI, end to end on the local backend', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'talent-e2e-'));
  const env = { TALENT_DATA_DIR: dataDir };

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error(`Build first (npm run build): ${BIN} needs dist/`);
  });

  it('imports the sample resumes and reports each one', async () => {
    const r = await runCli(['import', join(SAMPLES, 'resumes'), '--json'], { env });
    expect(r.stderr).toContain('local backend');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.counts).toMatchObject({ imported: 12, failed: 0, total: 12 });
  });

  it('ingests the sample jobs', async () => {
    const r = await runCli(['jobs', 'ingest', join(SAMPLES, 'jobs.jsonl'), '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ingested: Object.keys(expectedTop).length, failed: 0 });
  });

  it.each(Object.entries(expectedTop))('ranks the expected candidate first for %s', async (jobId, file) => {
    const r = await runCli(['match', '--job', jobId, '--top', '5', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.job.id).toBe(jobId);
    expect(out.matches.length).toBeGreaterThan(1);
    const first = out.matches[0];
    expect(basename(first.source).replace(/\.(pdf|docx)$/, ''), JSON.stringify(out.matches.map((m: { source: string; score: number }) => [basename(m.source), m.score]))).toBe(file);
    expect(first).toMatchObject({ rank: 1, candidateId: expect.stringMatching(/^c_[0-9a-f]{16}$/) });
    expect(first.score).toBeGreaterThan(0);
    expect(first.score).toBeLessThanOrEqual(1);
    expect(first.explanation.components.length).toBeGreaterThan(1);
    expect(Array.isArray(first.explanation.matchedRequiredSkills)).toBe(true);
    expect(typeof first.explanation.semanticSimilarity).toBe('number');
    for (let i = 1; i < out.matches.length; i++) expect(out.matches[i].score).toBeLessThanOrEqual(out.matches[i - 1].score);
  });

  it('re-running the import skips what is done', async () => {
    const r = await runCli(['import', join(SAMPLES, 'resumes'), '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ imported: 0, skipped: 12 });
  });

  it('lists and shows candidates and jobs', async () => {
    const list = JSON.parse((await runCli(['candidates', 'list', '--json'], { env })).stdout);
    expect(list.candidates).toHaveLength(12);
    const show = await runCli(['candidates', 'show', list.candidates[0].id, '--json'], { env });
    expect(JSON.parse(show.stdout).profile.emails.length).toBeGreaterThan(0);
    const jobs = JSON.parse((await runCli(['jobs', 'list', '--json'], { env })).stdout);
    expect(jobs.jobs.map((j: { id: string }) => j.id)).toContain('J-101');
    const job = await runCli(['jobs', 'show', 'J-101'], { env });
    expect(job.stdout).toContain('required:');
  });

  it('prints a readable table without --json', async () => {
    const r = await runCli(['match', '--job', 'J-105', '--top', '3'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rank\s+score\s+candidate/);
    expect(r.stdout.trim().split('\n')).toHaveLength(5);
  });

  it('reports an unknown job as a JSON error with a hint, exit 1', async () => {
    const r = await runCli(['match', '--job', 'J-404', '--json'], { env });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'E_NOT_FOUND', message: 'No job "J-404"', hint: expect.stringContaining('talent jobs list') } });
  });
});

describe('a folder with bad files', () => {
  it('imports the good ones, names each bad one with a reason, exits 3, and retries only failures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talent-bad-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'talent-bad-data-'));
    copyFileSync(join(SAMPLES, 'resumes', 'marcus-chen.pdf'), join(dir, 'marcus.pdf'));
    copyFileSync(join(SAMPLES, 'resumes', 'priya-raman.docx'), join(dir, 'priya.docx'));
    const pdf = readFileSync(join(SAMPLES, 'resumes', 'grace-mitchell.pdf'));
    writeFileSync(join(dir, 'truncated.pdf'), pdf.subarray(0, 400));
    writeFileSync(join(dir, 'empty.pdf'), '');
    writeFileSync(join(dir, 'random.pdf'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)));
    mkdirSync(join(dir, 'nested'));
    copyFileSync(join(SAMPLES, 'resumes', 'marcus-chen.pdf'), join(dir, 'nested', 'marcus-copy.pdf'));

    const r = await runCli(['import', dir, '--json'], { env: { TALENT_DATA_DIR: dataDir } });
    expect(r.code, r.stderr).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.counts).toMatchObject({ imported: 2, failed: 3, duplicate: 1, total: 6 });
    const byFile = Object.fromEntries(report.failures.map((f: { file: string; error: { code: string } }) => [basename(f.file), f.error.code]));
    expect(byFile).toEqual({ 'empty.pdf': 'E_EMPTY_FILE', 'random.pdf': 'E_UNSUPPORTED_FORMAT', 'truncated.pdf': expect.stringMatching(/^E_(EXTRACT_CORRUPT_PDF|NO_TEXT)$/) });
    for (const f of report.failures) expect(f.error.hint).toBeTruthy();

    const human = await runCli(['import', dir], { env: { TALENT_DATA_DIR: dataDir } });
    expect(human.code).toBe(3);
    expect(human.stdout).toMatch(/failed .*empty\.pdf: .*empty/);
    expect(human.stdout).toContain('fix:');
    const again = JSON.parse((await runCli(['import', dir, '--json'], { env: { TALENT_DATA_DIR: dataDir } })).stdout);
    expect(again.counts).toMatchObject({ imported: 0, skipped: 2, failed: 3 });
  });
});

describe('CLI conventions', () => {
  it('--help lists the commands on stdout and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['init', 'import', 'jobs', 'candidates', 'match', 'parse']) expect(r.stdout).toContain(c);
  });

  it('a usage error prints the usage hint and exits 2', async () => {
    const r = await runCli(['match']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--job/);
  });

  it('a bad --top is a usage error', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talent-usage-'));
    const r = await runCli(['match', '--job', 'J-1', '--top', 'ten', '--json'], { env: { TALENT_DATA_DIR: dataDir } });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('E_USAGE');
  });

  it('init without a terminal takes the defaults, says so, and never prompts', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'talent-init-'));
    const r = await runCli(['init'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Not running interactively');
    expect(JSON.parse(readFileSync(join(cwd, '.talentrc.json'), 'utf8'))).toMatchObject({ backend: 'local', dataDir: './.talent' });
    const again = await runCli(['init', '--yes', '--json'], { cwd });
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).error.code).toBe('E_CONFIG_EXISTS');
    const shown = JSON.parse((await runCli(['config', 'show', '--json'], { cwd })).stdout);
    expect(shown.settings.find((s: { key: string }) => s.key === 'dataDir')).toMatchObject({ value: join(cwd, '.talent'), layer: 'project' });
  });

  it('parse prints a profile without touching any database', async () => {
    const r = await runCli(['parse', join(SAMPLES, 'resumes', 'grace-mitchell.pdf'), '--json'], { env: { TALENT_DATA_DIR: '/nonexistent/should-not-be-created' } });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.mediaType).toBe('application/pdf');
    expect(out.profile.name).toBe('Grace Mitchell');
    expect(existsSync('/nonexistent/should-not-be-created')).toBe(false);
  });
});

describe('the package', () => {
  it('exports the SDK from its root, and the pipelines and test helpers from subpaths', async () => {
    const code = `const [sdk, pipes, testing] = await Promise.all([import('talent'), import('talent/pipelines'), import('talent/testing')]);
      console.log(JSON.stringify([typeof sdk.createTalent, typeof sdk.TalentError, typeof pipes.importResumes, typeof testing.FakeEmbedder]));`;
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['function', 'function', 'function', 'function']);
  });
});
