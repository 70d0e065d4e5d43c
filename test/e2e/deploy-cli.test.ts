/**
 * The built CLI in a subprocess (no terminal, stdin closed): the parts of
 * `talent deploy` / `talent destroy` that need no AWS account.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error(`Build first (npm run build): ${BIN} needs dist/`);
});

describe('talent deploy --print-template', () => {
  it('prints the bundled template byte for byte, with no AWS call', async () => {
    const r = await runCli(['deploy', '--print-template'], { env: { AWS_REGION: '', AWS_PROFILE: 'no-such-profile' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'infra', 'talent.yaml'), 'utf8'));
    expect(r.stderr).toBe('');
  });

  it('prints the template in its JSON form with --json', async () => {
    const r = await runCli(['deploy', '--print-template', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t.Resources.Bucket.Type).toBe('AWS::S3::Bucket');
    expect(t.Outputs.TableName.Value).toEqual({ Ref: 'Table' });
  });
});

describe('not running interactively', () => {
  it.each([['deploy'], ['destroy'], ['deploy', '--env', 'prod'], ['destroy', '--force']])('talent %s without --yes refuses with exit 2 before any AWS call', async (...args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes required when not running interactively');
    expect(r.stdout).toBe('');
  });

  it('says it as JSON under --json', async () => {
    const r = await runCli(['destroy', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'E_USAGE', message: '--yes required when not running interactively', hint: expect.stringContaining('--yes') } });
  });

  it('rejects an environment name the template would refuse (exit 2)', async () => {
    const r = await runCli(['deploy', '--env', 'Prod_1', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--env must be .*"Prod_1"/);
  });
});

describe('the command list', () => {
  it('shows deploy and destroy in --help', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toMatch(/^\s+deploy \[options\]/m);
    expect(r.stdout).toMatch(/^\s+destroy \[options\]/m);
  });
});
