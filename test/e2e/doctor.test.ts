import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('talent doctor on the local backend (built CLI)', () => {
  it('checks the data folder, the model and the database, writes nothing, and exits 0', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'talent-doctor-e2e-')), 'data');
    const r = await runCli(['doctor', '--json'], { env: { TALENT_DATA_DIR: dataDir, TALENT_EMBEDDER: 'fake' } });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ backend: 'local', ok: true, credentialsFailed: false });
    expect(report.checks.map((c: { name: string; status: string }) => `${c.name}:${c.status}`)).toEqual(['data dir:ok', 'embedding model:ok', 'database:warn']);
    const human = await runCli(['doctor'], { env: { TALENT_DATA_DIR: dataDir, TALENT_EMBEDDER: 'fake' } });
    expect(human.stdout).toMatch(/database\s+warn/);
    expect(human.stdout).toContain('`talent import <folder>` creates it');
  });
});
