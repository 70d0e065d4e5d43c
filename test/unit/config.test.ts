import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../src/sdk/index.js';

function sandbox() {
  const root = mkdtempSync(join(tmpdir(), 'talent-config-'));
  const home = join(root, 'home');
  const project = join(root, 'project');
  mkdirSync(join(home, '.config', 'talent'), { recursive: true });
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'package.json'), '{"name":"p"}');
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share') };
  return { root, home, project, env, userFile: join(home, '.config', 'talent', 'config.json') };
}

describe('resolveConfig', () => {
  it('uses defaults when nothing is set, and says so', async () => {
    const s = sandbox();
    const r = await resolveConfig({ cwd: s.project, env: s.env });
    expect(r.config.backend).toBe('local');
    expect(r.config.dataDir).toBe(join(s.home, '.local', 'share', 'talent'));
    expect(r.config.matching.weights.requiredSkills).toBeGreaterThan(0);
    expect(r.provenance.backend).toEqual({ layer: 'default' });
    expect(r.provenance['matching.weights.semantic']).toEqual({ layer: 'default' });
  });

  it('applies flags > env > project file > user file > defaults', async () => {
    const s = sandbox();
    writeFileSync(s.userFile, JSON.stringify({ dataDir: '/from/user', parsing: { defaultCountry: 'GB' }, import: { concurrency: 3 }, matching: { retrievalDepth: 50 } }));
    writeFileSync(join(s.project, '.talentrc.json'), JSON.stringify({ dataDir: './data', import: { concurrency: 4 }, matching: { retrievalDepth: 60 } }));
    const env = { ...s.env, TALENT_DEFAULT_COUNTRY: 'de', TALENT_DATA_DIR: '/from/env' };
    const r = await resolveConfig({ cwd: s.project, env, overrides: { dataDir: '/from/flag' } });
    expect(r.config.dataDir).toBe('/from/flag');
    expect(r.provenance.dataDir?.layer).toBe('flag');
    expect(r.config.parsing.defaultCountry).toBe('DE');
    expect(r.provenance['parsing.defaultCountry']?.layer).toBe('env');
    expect(r.config.import.concurrency).toBe(4);
    expect(r.provenance['import.concurrency']).toEqual({ layer: 'project', file: join(s.project, '.talentrc.json') });
    expect(r.files).toEqual({ user: s.userFile, project: join(s.project, '.talentrc.json') });

    const noFlag = await resolveConfig({ cwd: s.project, env: s.env });
    // A relative dataDir in a config file is relative to that file.
    expect(noFlag.config.dataDir).toBe(join(s.project, 'data'));
    expect(noFlag.config.parsing.defaultCountry).toBe('GB');
    expect(noFlag.provenance['parsing.defaultCountry']?.layer).toBe('user');
  });

  it('finds the project config from a subfolder, up to the project root', async () => {
    const s = sandbox();
    writeFileSync(join(s.project, '.talentrc.json'), JSON.stringify({ backend: 'local', import: { concurrency: 5 } }));
    const sub = join(s.project, 'a', 'b');
    mkdirSync(sub, { recursive: true });
    expect((await resolveConfig({ cwd: sub, env: s.env })).config.import.concurrency).toBe(5);
  });

  it('rejects an invalid value naming the key and the layer', async () => {
    const s = sandbox();
    writeFileSync(join(s.project, '.talentrc.json'), JSON.stringify({ backend: 'gcp' }));
    const err = await resolveConfig({ cwd: s.project, env: s.env }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toMatch(/"backend".*project/);
    expect((err as ConfigError).hint).toMatch(/config show/);
  });

  it('rejects a broken user config file with its path', async () => {
    const s = sandbox();
    writeFileSync(s.userFile, '{ not json');
    await expect(resolveConfig({ cwd: s.project, env: s.env })).rejects.toMatchObject({ code: 'E_CONFIG_INVALID', file: s.userFile });
  });

  it('coerces numbers from the environment and validates them', async () => {
    const s = sandbox();
    await expect(resolveConfig({ cwd: s.project, env: { ...s.env, TALENT_BACKEND: 'nope' } })).rejects.toThrow(/backend.*env/);
  });

  it('reads only what it is given when noFiles is set', async () => {
    const s = sandbox();
    writeFileSync(join(s.project, '.talentrc.json'), JSON.stringify({ import: { concurrency: 7 } }));
    expect((await resolveConfig({ cwd: s.project, env: s.env, noFiles: true })).config.import.concurrency).toBe(2);
  });
});
