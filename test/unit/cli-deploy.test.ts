/**
 * `talent deploy` / `talent destroy` through the CLI's own entry point, in
 * process, with CloudFormation, S3 and STS mocked: what lands on stdout and
 * stderr, the exit codes, and the config file written afterwards.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateChangeSetCommand, DeleteChangeSetCommand, DeleteStackCommand, ExecuteChangeSetCommand, type CreateChangeSetCommandInput } from '@aws-sdk/client-cloudformation';
import { ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { change, ev, OUTPUTS, REGION, scriptCloudFormation, stack, STACK_NAME, type Script } from './deploy-fakes.js';

// On a terminal the commands ask through inquirer; the answer is scripted here.
const answers: boolean[] = [];
const asked: string[] = [];
vi.mock('inquirer', () => ({
  default: {
    prompt: async (questions: Array<{ message: string }>) => {
      asked.push(questions[0]!.message);
      if (answers.length === 0) throw new Error(`unexpected prompt: ${questions[0]!.message}`);
      return { ok: answers.shift() };
    },
  },
}));

let main: (argv: string[], io?: Io) => Promise<number>;
beforeAll(async () => {
  process.env.TALENT_CLI_NO_AUTORUN = '1';
  ({ main } = await import('../../src/cli/main.js'));
});

const sts = mockClient(STSClient);
const s3 = mockClient(S3Client);
let cfn: ReturnType<typeof scriptCloudFormation> | undefined;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'talent-cli-deploy-'));
  writeFileSync(join(dir, 'package.json'), '{"name":"p"}');
  writeFileSync(join(dir, '.talentrc.json'), `${JSON.stringify({ parsing: { defaultCountry: 'GB' }, aws: { region: REGION } }, null, 2)}\n`);
  vi.spyOn(process, 'cwd').mockReturnValue(dir);
  sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:sts::123456789012:assumed-role/TalentDeployer/ci', UserId: 'AROA:ci' });
});
afterEach(() => {
  cfn?.restore();
  s3.reset();
  sts.reset();
  vi.restoreAllMocks();
});

async function talent(args: string[], script: Script, terminal = false) {
  cfn = scriptCloudFormation(script);
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) => ({ isTTY: terminal, write: (s: string) => (append(s), true) }) as unknown as NodeJS.WriteStream;
  const io: Io = {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    stdin: { isTTY: terminal } as NodeJS.ReadStream,
    env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'xdg'), XDG_DATA_HOME: join(dir, 'data'), NO_COLOR: '1', TERM: 'dumb', TALENT_DEPLOY_POLL_MS: '1', ...(terminal ? {} : { CI: 'true' }) },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const createSteps: Script = {
  changeSet: [{ Status: 'CREATE_COMPLETE', Changes: [change('Add', 'Bucket', 'AWS::S3::Bucket'), change('Add', 'Table', 'AWS::DynamoDB::Table')] }],
  steps: [
    { status: 'CREATE_IN_PROGRESS', events: [ev('Bucket', 'CREATE_IN_PROGRESS')] },
    { status: 'CREATE_COMPLETE', events: [ev('Bucket', 'CREATE_COMPLETE'), ev(STACK_NAME, 'CREATE_COMPLETE', 'AWS::CloudFormation::Stack')], outputs: OUTPUTS },
  ],
};

describe('talent deploy', () => {
  it('creates the stack, streams events on stderr, prints the result as JSON and writes the config', async () => {
    const r = await talent(['deploy', '--env', 'dev', '--yes', '--json', '--parameter', 'AlarmEmail=ops@example.com'], createSteps);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ stackName: 'talent-dev', environment: 'dev', region: REGION, dryRun: false, applied: true, status: 'CREATE_COMPLETE', outputs: OUTPUTS });
    expect(out.changeSet).toMatchObject({ type: 'CREATE', summary: '2 to add, 0 to modify, 0 to remove' });
    expect(r.stderr).toMatch(/CREATE_IN_PROGRESS\s+Bucket\s+AWS::S3::Bucket/);
    expect(r.stderr).toContain(OUTPUTS.CliPolicyArn);

    const input = cfn!.commandCalls(CreateChangeSetCommand)[0]!.args[0].input as CreateChangeSetCommandInput;
    expect(Object.fromEntries(input.Parameters!.map((p) => [p.ParameterKey, p.ParameterValue]))).toEqual({
      EnvironmentName: 'dev',
      ParseModelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      EmbedModelId: 'amazon.titan-embed-text-v2:0',
      AlarmEmail: 'ops@example.com',
      DataAccessPrincipalArns: 'arn:aws:iam::123456789012:role/TalentDeployer', // the deployer, from STS
    });
    expect(input.TemplateBody).toContain('AWS::OpenSearchServerless::Collection');

    const config = JSON.parse(readFileSync(join(dir, '.talentrc.json'), 'utf8'));
    expect(config).toEqual({
      backend: 'aws',
      parsing: { defaultCountry: 'GB' },
      aws: { region: REGION, bucket: OUTPUTS.BucketName, table: OUTPUTS.TableName, kmsKeyId: OUTPUTS.KmsKeyArn, topicArn: OUTPUTS.TopicArn, opensearch: { endpoint: OUTPUTS.OpenSearchEndpoint, service: 'aoss' } },
    });
  });

  it('--dry-run prints the change set in the same JSON shape, deletes it and writes nothing', async () => {
    const before = readFileSync(join(dir, '.talentrc.json'), 'utf8');
    const r = await talent(['deploy', '--dry-run', '--json'], createSteps);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ stackName: 'talent-dev', dryRun: true, applied: false, changeSet: { type: 'CREATE', changes: [{ action: 'Add', logicalResourceId: 'Bucket' }, { action: 'Add', logicalResourceId: 'Table' }] } });
    expect(cfn!.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    expect(cfn!.commandCalls(DeleteStackCommand)).toHaveLength(1); // the empty REVIEW_IN_PROGRESS stack
    expect(cfn!.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(readFileSync(join(dir, '.talentrc.json'), 'utf8')).toBe(before);
  });

  it('--dry-run without --json prints a readable change set table on stdout', async () => {
    const r = await talent(['deploy', '--dry-run'], {
      existing: stack('UPDATE_COMPLETE', { Parameters: [{ ParameterKey: 'DataAccessPrincipalArns', ParameterValue: 'x' }] }),
      changeSet: [{ Status: 'CREATE_COMPLETE', Changes: [change('Modify', 'SearchCollection', 'AWS::OpenSearchServerless::Collection', 'True'), change('Remove', 'OldAlarm', 'AWS::CloudWatch::Alarm')] }],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^update talent-dev in eu-west-1: 0 to add, 1 to modify \(1 replacement\), 1 to remove$/m);
    expect(r.stdout).toMatch(/^action\s+resource\s+type\s+replacement$/m);
    expect(r.stdout).toMatch(/^Modify\s+SearchCollection\s+AWS::OpenSearchServerless::Collection\s+True$/m);
    expect(r.stdout).toMatch(/^Remove\s+OldAlarm\s+AWS::CloudWatch::Alarm$/m);
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(0); // an update keeps the deployed principals
  });

  it('says so when nothing changed, and still refreshes the config from the outputs', async () => {
    const r = await talent(['deploy', '--yes'], {
      existing: stack('UPDATE_COMPLETE', { Outputs: Object.entries(OUTPUTS).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })) }),
      changeSet: [{ Status: 'FAILED', StatusReason: 'No updates are to be performed.' }],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('No changes');
    expect(r.stdout).toMatch(/^TableName\s+talent-dev$/m);
    expect(JSON.parse(readFileSync(join(dir, '.talentrc.json'), 'utf8')).aws.table).toBe('talent-dev');
  });

  it('fails with exit 1, naming the failed resource and its reason, and leaves the config alone', async () => {
    const before = readFileSync(join(dir, '.talentrc.json'), 'utf8');
    const r = await talent(['deploy', '--yes'], {
      ...createSteps,
      steps: [
        { status: 'ROLLBACK_IN_PROGRESS', events: [ev('Table', 'CREATE_FAILED', 'AWS::DynamoDB::Table', 'Table already exists: talent-dev')] },
        { status: 'ROLLBACK_COMPLETE', events: [ev(STACK_NAME, 'ROLLBACK_COMPLETE', 'AWS::CloudFormation::Stack')] },
      ],
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Table \(AWS::DynamoDB::Table\) CREATE_FAILED: Table already exists: talent-dev \(E_DEPLOY_FAILED\)/);
    expect(r.stderr).toMatch(/hint .*talent destroy/);
    expect(readFileSync(join(dir, '.talentrc.json'), 'utf8')).toBe(before);
  });
});

describe('on a terminal', () => {
  beforeEach(() => {
    answers.length = 0;
    asked.length = 0;
  });

  it('deploy shows the change set, asks, and on "no" deletes it and the empty stack (exit 2)', async () => {
    answers.push(false);
    const r = await talent(['deploy'], createSteps, true);
    expect(r.code).toBe(2);
    expect(asked).toEqual([expect.stringContaining('Apply these changes to talent-dev in eu-west-1?')]);
    expect(r.stderr).toMatch(/Add\s+Bucket\s+AWS::S3::Bucket/);
    expect(r.stderr).toContain('E_CANCELLED');
    expect(cfn!.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(cfn!.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    expect(cfn!.commandCalls(DeleteStackCommand)).toHaveLength(1);
  });

  it('deploy warns before a replacement and applies on "yes"', async () => {
    answers.push(true);
    const r = await talent(['deploy'], {
      ...createSteps,
      existing: stack('UPDATE_COMPLETE'),
      changeSet: [{ Status: 'CREATE_COMPLETE', Changes: [change('Modify', 'SearchCollection', 'AWS::OpenSearchServerless::Collection', 'True')] }],
      steps: [{ status: 'UPDATE_COMPLETE', events: [ev(STACK_NAME, 'UPDATE_COMPLETE', 'AWS::CloudFormation::Stack')], outputs: OUTPUTS }],
    }, true);
    expect(r.code, r.stderr).toBe(0);
    expect(asked[0]).toMatch(/lose their data/);
    expect(cfn!.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
  });

  it('destroy asks, and "no" deletes nothing', async () => {
    answers.push(false);
    s3.on(ListObjectVersionsCommand).resolves({});
    const r = await talent(['destroy'], { existing: stack('CREATE_COMPLETE'), resources: [] }, true);
    expect(r.code).toBe(2);
    expect(asked).toEqual([expect.stringContaining('Delete talent-dev and all its data?')]);
    expect(cfn!.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });
});

describe('talent destroy', () => {
  const resources = [{ LogicalResourceId: 'Bucket', ResourceType: 'AWS::S3::Bucket', PhysicalResourceId: OUTPUTS.BucketName, ResourceStatus: 'CREATE_COMPLETE' as const, LastUpdatedTimestamp: new Date() }];
  const deleting: Script = {
    existing: stack('CREATE_COMPLETE'),
    resources,
    steps: [{ status: 'DELETE_IN_PROGRESS', events: [ev('Bucket', 'DELETE_IN_PROGRESS')] }, { status: 'GONE' }],
  };

  it('refuses a bucket with resumes in it without --force (exit 1), deleting nothing', async () => {
    s3.on(ListObjectVersionsCommand).resolves({ Versions: [{ Key: 'resumes/ab', VersionId: 'v1' }] });
    const r = await talent(['destroy', '--yes'], deleting);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_BUCKET_NOT_EMPTY');
    expect(r.stderr).toContain('--force');
    expect(cfn!.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  it('--dry-run lists what would go and whether --force is needed, deleting nothing', async () => {
    s3.on(ListObjectVersionsCommand).resolves({ Versions: [{ Key: 'resumes/ab', VersionId: 'v1' }] });
    const r = await talent(['destroy', '--dry-run', '--json'], deleting);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ dryRun: true, deleted: false, needsForce: true, buckets: [{ bucket: OUTPUTS.BucketName, nonEmpty: true }], resources: [{ logicalResourceId: 'Bucket' }] });
    expect(cfn!.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  it('deletes an empty stack with --yes and reports it', async () => {
    s3.on(ListObjectVersionsCommand).resolves({});
    const r = await talent(['destroy', '--yes', '--json'], deleting);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ stackName: 'talent-dev', deleted: true, deletedObjectVersions: 0 });
    expect(r.stderr).toMatch(/DELETE_IN_PROGRESS\s+Bucket/);
  });

  it('says there is nothing to destroy when the stack does not exist (exit 0)', async () => {
    const r = await talent(['destroy', '--yes', '--env', 'staging'], {});
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('talent-staging does not exist');
  });
});
