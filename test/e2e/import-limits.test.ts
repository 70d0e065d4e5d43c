/**
 * The built CLI with a file over the extraction heap limit: `talent parse` names
 * the error, and `talent import` with worker threads (each with its own
 * extraction thread) fails that file alone, then imports it once the limit is raised.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigDocx } from '../helpers/big-docx.js';
import { ROOT, runCli } from '../helpers/cli.js';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const config = (dir: string, extractMemoryMb: number) => {
  const file = join(dir, `talent-${extractMemoryMb}.json`);
  writeFileSync(file, JSON.stringify({ parsing: { extractMemoryMb } }));
  return file;
};

describe('the extraction thread', () => {
  it('does not keep a process alive once idle, even when the client is never closed', async () => {
    const dir = tmp('talent-idle-');
    const script = join(dir, 'parse.mjs');
    writeFileSync(
      script,
      [
        "import { readFileSync } from 'node:fs';",
        `import { createTalent } from ${JSON.stringify(join(ROOT, 'dist', 'sdk', 'index.js'))};`,
        `const t = await createTalent({ dataDir: ${JSON.stringify(join(dir, 'data'))}, embedder: 'fake' }, { readConfigFiles: false, env: {} });`,
        `const r = await t.resumes.parse({ bytes: new Uint8Array(readFileSync(${JSON.stringify(join(ROOT, 'samples', 'resumes', 'marcus-chen.pdf'))})), fileName: 'm.pdf' });`,
        'console.log(r.profile.name);',
      ].join('\n'),
    );
    const { execFile } = await import('node:child_process');
    const out = await new Promise<{ code: number | null; stdout: string; killed: boolean }>((resolve) => {
      const child = execFile(process.execPath, [script], { timeout: 30_000 }, (err, stdout) => resolve({ code: err ? (child.exitCode ?? -1) : 0, stdout, killed: child.killed }));
    });
    expect(out).toMatchObject({ code: 0, killed: false });
    expect(out.stdout).toContain('Marcus Chen');
  });
});

describe('extraction limits through the CLI', () => {
  it('talent parse: a file over the heap limit exits 1 with E_EXTRACT_MEMORY and its fix', async () => {
    const dir = tmp('talent-parse-limits-');
    writeFileSync(join(dir, 'huge.docx'), bigDocx(20_000));
    const r = await runCli(['parse', join(dir, 'huge.docx'), '--json', '--config', config(dir, 64)]);
    expect(r.code, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'E_EXTRACT_MEMORY', file: join(dir, 'huge.docx'), hint: expect.stringMatching(/extractMemoryMb/) });
  });

  it('talent import --workers 2: only that file fails, and a re-run with a larger limit imports it', async () => {
    const dir = tmp('talent-import-limits-');
    const files = join(dir, 'resumes');
    const dataDir = join(dir, 'data');
    mkdirSync(files);
    writeFileSync(join(files, 'huge.docx'), bigDocx(20_000));
    copyFileSync(join(ROOT, 'samples', 'resumes', 'marcus-chen.pdf'), join(files, 'marcus.pdf'));
    copyFileSync(join(ROOT, 'samples', 'resumes', 'priya-raman.docx'), join(files, 'priya.docx'));
    const env = { TALENT_DATA_DIR: dataDir };

    const first = await runCli(['import', files, '--json', '--workers', '2', '--config', config(dir, 64)], { env });
    expect(first.code, first.stderr).toBe(3);
    const report = JSON.parse(first.stdout);
    expect(report.counts).toMatchObject({ imported: 2, failed: 1 });
    expect(report.failures[0]).toMatchObject({ file: expect.stringMatching(/huge\.docx$/), error: { code: 'E_EXTRACT_MEMORY', hint: expect.stringMatching(/extractMemoryMb/) } });

    const second = await runCli(['import', files, '--json', '--workers', '2', '--config', config(dir, 1024)], { env });
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).counts).toMatchObject({ imported: 1, skipped: 2, failed: 0 });
  });
});
