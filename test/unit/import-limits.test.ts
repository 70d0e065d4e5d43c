/**
 * An import with a file over the extraction heap limit: only that file fails,
 * with its named error in the report and the journal, and a later run with a
 * larger limit retries it. In-process (workers: 0), so it runs from src; the
 * worker-thread import is covered by test/e2e/import-limits.test.ts.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importResumes } from '../../src/pipelines/index.js';
import { createTalent, type TalentClient } from '../../src/sdk/index.js';
import { FakeEmbedder } from '../../src/sdk/testing.js';
import { bigDocx } from '../helpers/big-docx.js';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const open: TalentClient[] = [];
async function client(dataDir: string, extractMemoryMb: number) {
  const t = await createTalent({ dataDir, parsing: { extractMemoryMb } }, { readConfigFiles: false, env: {}, providers: { embedder: new FakeEmbedder() } });
  open.push(t);
  return t;
}
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

describe('import with a file over the extraction limits', () => {
  it('fails that file alone with E_EXTRACT_MEMORY, and retries it on a later run', async () => {
    const dir = tmp('talent-limits-');
    writeFileSync(join(dir, 'huge.docx'), bigDocx(20_000));
    copyFileSync(join(import.meta.dirname, '..', 'fixtures', 'formats', 'resume.docx'), join(dir, 'good.docx'));
    writeFileSync(join(dir, 'good.txt'), 'Ann Example\nann@example.com\n\nSKILLS\nGo, SQL\n\nEXPERIENCE\nEngineer, Acme Inc — Jan 2018 – Dec 2021\n');
    const dataDir = tmp('talent-limits-data-');

    const t = await client(dataDir, 64);
    const report = await importResumes(t, dir, { concurrency: 3 });
    expect(report.counts).toMatchObject({ imported: 2, failed: 1, total: 3 });
    expect(report.failures).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/huge\.docx$/), error: expect.objectContaining({ code: 'E_EXTRACT_MEMORY', hint: expect.stringMatching(/extractMemoryMb/), retryable: false }) }),
    ]);
    // The SDK's own entry point goes through the same limits.
    await expect(t.resumes.parse({ bytes: bigDocx(20_000), fileName: 'huge.docx' })).rejects.toMatchObject({ code: 'E_EXTRACT_MEMORY', file: 'huge.docx' });
    await t.close();

    // A larger limit: the failed file is read again (the journal says failed, not done); the others are skipped.
    const roomy = await client(dataDir, 1024);
    const rerun = await importResumes(roomy, dir);
    expect(rerun.counts).toMatchObject({ imported: 1, skipped: 2, failed: 0 });
    expect(await roomy.candidates.count()).toBe(3);
  });
});
