/** Stack outputs into the project config file, read back by the real resolver; caller ARNs into principals. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromOutputs, principalFromCallerArn, writeDeployedConfig } from '../../src/sdk/deploy/index.js';
import { resolveConfig } from '../../src/sdk/index.js';
import { OUTPUTS, REGION } from './deploy-fakes.js';

function project() {
  const root = mkdtempSync(join(tmpdir(), 'talent-deploy-config-'));
  const dir = join(root, 'project');
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), '{"name":"p"}\n');
  const env = { HOME: root, XDG_CONFIG_HOME: join(root, 'config'), XDG_DATA_HOME: join(root, 'data') };
  return { dir, env };
}
const values = configFromOutputs(OUTPUTS, REGION);

describe('configFromOutputs', () => {
  it('maps the fixed output names to config keys, with the region from the stack', () => {
    expect(values).toEqual({
      backend: 'aws',
      aws: {
        region: REGION,
        bucket: OUTPUTS.BucketName,
        table: OUTPUTS.TableName,
        kmsKeyId: OUTPUTS.KmsKeyArn,
        topicArn: OUTPUTS.TopicArn,
        opensearch: { endpoint: OUTPUTS.OpenSearchEndpoint, service: 'aoss' },
      },
    });
  });
  it('ignores an unknown search service instead of writing an invalid config', () => {
    expect(configFromOutputs({ OpenSearchService: 'solr' }).aws.opensearch).toBeUndefined();
  });
});

describe('writeDeployedConfig', () => {
  it('creates .talentrc.json when there is no config, and the resolver then uses the stack', async () => {
    const p = project();
    const r = await writeDeployedConfig({ cwd: p.dir, env: p.env, values });
    expect(r).toMatchObject({ file: join(p.dir, '.talentrc.json'), created: true });
    const resolved = await resolveConfig({ cwd: p.dir, env: p.env });
    expect(resolved.config.backend).toBe('aws');
    expect(resolved.config.aws).toMatchObject({ region: REGION, bucket: OUTPUTS.BucketName, table: 'talent-dev', opensearch: { endpoint: OUTPUTS.OpenSearchEndpoint, service: 'aoss', index: 'talent' } });
  });

  it('merges into an existing JSON config, keeping every other key and its indentation', async () => {
    const p = project();
    const file = join(p.dir, '.talentrc.json');
    const before = { backend: 'local', dataDir: './data', parsing: { defaultCountry: 'GB' }, aws: { stackName: 'acme', bedrock: { embedDimensions: 512 }, opensearch: { index: 'people' }, bucket: 'old' } };
    writeFileSync(file, `${JSON.stringify(before, null, 4)}\n`);
    const r = await writeDeployedConfig({ cwd: p.dir, env: p.env, values });
    expect(r.created).toBe(false);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^ {4}"backend": "aws"/m);
    expect(JSON.parse(text)).toEqual({
      backend: 'aws',
      dataDir: './data',
      parsing: { defaultCountry: 'GB' },
      aws: { ...values.aws, stackName: 'acme', bedrock: { embedDimensions: 512 }, opensearch: { index: 'people', endpoint: OUTPUTS.OpenSearchEndpoint, service: 'aoss' } },
    });
  });

  it('writes under the "talent" key when the config lives in package.json', async () => {
    const p = project();
    writeFileSync(join(p.dir, 'package.json'), JSON.stringify({ name: 'p', version: '1.0.0', talent: { parsing: { defaultCountry: 'DE' } } }));
    const r = await writeDeployedConfig({ cwd: p.dir, env: p.env, values });
    expect(r.file).toBe(join(p.dir, 'package.json'));
    const pkg = JSON.parse(readFileSync(r.file, 'utf8'));
    expect(pkg).toMatchObject({ name: 'p', version: '1.0.0', talent: { backend: 'aws', parsing: { defaultCountry: 'DE' }, aws: { table: 'talent-dev' } } });
  });

  it('finds the config file in a parent folder of the project, as the resolver does', async () => {
    const p = project();
    writeFileSync(join(p.dir, '.talentrc.json'), '{"dataDir": "./d"}');
    const sub = join(p.dir, 'src', 'deep');
    mkdirSync(sub, { recursive: true });
    const r = await writeDeployedConfig({ cwd: sub, env: p.env, values });
    expect(r.file).toBe(join(p.dir, '.talentrc.json'));
  });

  it('writes to the file named by TALENT_CONFIG', async () => {
    const p = project();
    const r = await writeDeployedConfig({ cwd: p.dir, env: { ...p.env, TALENT_CONFIG: 'conf/prod.json' }, values });
    expect(r.file).toBe(join(p.dir, 'conf', 'prod.json'));
    expect(JSON.parse(readFileSync(r.file, 'utf8')).backend).toBe('aws');
  });

  it('leaves a YAML config untouched and says what to add', async () => {
    const p = project();
    const file = join(p.dir, '.talentrc.yaml');
    writeFileSync(file, 'dataDir: ./d\n');
    await expect(writeDeployedConfig({ cwd: p.dir, env: p.env, values })).rejects.toMatchObject({ code: 'E_CONFIG_NOT_JSON', file, hint: expect.stringContaining(OUTPUTS.TableName) });
    expect(readFileSync(file, 'utf8')).toBe('dataDir: ./d\n');
  });

  it('writes nothing on a dry run', async () => {
    const p = project();
    const r = await writeDeployedConfig({ cwd: p.dir, env: p.env, values, dryRun: true });
    expect(() => readFileSync(r.file)).toThrow();
  });
});

describe('principalFromCallerArn', () => {
  it.each([
    ['arn:aws:sts::123456789012:assumed-role/TalentDeployer/ci-run-42', 'arn:aws:iam::123456789012:role/TalentDeployer'],
    ['arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123abcd/jo@example.com', 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123abcd'],
    ['arn:aws-cn:sts::123456789012:assumed-role/R/s', 'arn:aws-cn:iam::123456789012:role/R'],
    ['arn:aws:iam::123456789012:user/jo', 'arn:aws:iam::123456789012:user/jo'],
    ['arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:root'],
  ])('%s → %s', (arn, principal) => {
    expect(principalFromCallerArn(arn)).toBe(principal);
  });
  it('refuses a federated user, asking for --principal', () => {
    expect(() => principalFromCallerArn('arn:aws:sts::123456789012:federated-user/bob')).toThrow(expect.objectContaining({ code: 'E_USAGE', hint: expect.stringContaining('--principal') }));
  });
});
