/**
 * `talent doctor` checks: the aws ones against dynalite, s3rver, the
 * OpenSearch fake and mocked STS/SNS/Bedrock; the local ones on a temp folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Client } from '@opensearch-project/opensearch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAwsDoctor } from '../../src/sdk/aws/doctor.js';
import { ConfigSchema, type TalentConfig } from '../../src/sdk/config.js';
import { runLocalDoctor } from '../../src/sdk/local/doctor.js';
import { openDatabase } from '../../src/sdk/local/sqlite.js';
import { FakeEmbedder } from '../../src/sdk/testing.js';
import { clearAwsEnv, createTalentTable, dynamoClient, freshTableName, REGION, s3Client, startDynalite, startS3rver, type Emulator } from '../helpers/aws-emulators.js';
import { startOpenSearchFake, type OpenSearchFake } from '../helpers/opensearch-fake/server.js';
import { converseText, titanResponse } from '../fixtures/bedrock.js';

clearAwsEnv();
const sts = mockClient(STSClient);
const sns = mockClient(SNSClient);
const bedrock = mockClient(BedrockRuntimeClient);
const BUCKET = 'talent-doctor';
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:talent';
let dynalite: Emulator;
let s3rver: Emulator;
let os: OpenSearchFake;

beforeAll(async () => {
  [dynalite, s3rver, os] = await Promise.all([startDynalite(), startS3rver([BUCKET]), startOpenSearchFake()]);
});
afterAll(async () => {
  await Promise.all([dynalite?.close(), s3rver?.close(), os?.close()]);
});
beforeEach(() => {
  sts.reset();
  sns.reset();
  bedrock.reset();
  sts.on(GetCallerIdentityCommand).resolves({ $metadata: {}, Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/ci', UserId: 'AIDAEXAMPLE' });
  sns.on(GetTopicAttributesCommand).resolves({ $metadata: {}, Attributes: { TopicArn: TOPIC, SubscriptionsConfirmed: '2' } });
  bedrock.on(InvokeModelCommand).resolves(titanResponse(Array.from({ length: 256 }, (_, i) => (i === 0 ? 1 : 0))));
  bedrock.on(ConverseCommand).resolves(converseText('OK'));
});

const config = (table: string, extra: Record<string, unknown> = {}): TalentConfig =>
  ConfigSchema.parse({ dataDir: '/tmp/x', backend: 'aws', aws: { region: REGION, bucket: BUCKET, table, topicArn: TOPIC, opensearch: { endpoint: os.url, service: 'es' }, bedrock: { embedDimensions: 256 }, ...extra } });
const clients = () => ({
  sts: new STSClient({ region: REGION }),
  sns: new SNSClient({ region: REGION }),
  bedrock: new BedrockRuntimeClient({ region: REGION }),
  s3: s3Client(s3rver.endpoint),
  dynamodb: dynamoClient(dynalite.endpoint),
  opensearch: new Client({ node: os.url }),
});

describe('aws doctor', () => {
  it('checks region, credentials and every resource', async () => {
    const table = freshTableName();
    await createTalentTable(dynamoClient(dynalite.endpoint), table);
    const r = await runAwsDoctor(config(table), { clients: clients() });
    expect(Object.fromEntries(r.checks.map((c) => [c.name, c.status]))).toEqual({
      region: 'ok',
      credentials: 'ok',
      's3 bucket': 'ok',
      'dynamodb table': 'ok',
      'opensearch index': 'warn',
      'sns topic': 'ok',
      'bedrock embeddings': 'ok',
      'bedrock parsing': 'ok',
    });
    expect(r).toMatchObject({ ok: true, credentialsFailed: false });
    expect(r.checks.find((c) => c.name === 'credentials')!.detail).toContain('arn:aws:iam::111122223333:user/ci');
    expect(r.checks.find((c) => c.name === 'opensearch index')!.hint).toContain('first `talent import`');
  });

  it('fails a table with other keys and a missing bucket, each with the fix', async () => {
    const table = freshTableName();
    await dynamoClient(dynalite.endpoint).send(
      new CreateTableCommand({ TableName: table, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] }),
    );
    const r = await runAwsDoctor(config(table, { bucket: 'no-such-bucket' }), { clients: clients() });
    const byName = Object.fromEntries(r.checks.map((c) => [c.name, c]));
    expect(byName['dynamodb table']).toMatchObject({ status: 'fail', code: 'E_AWS_TABLE_SCHEMA', hint: expect.stringContaining('talent deploy') });
    expect(byName['s3 bucket']).toMatchObject({ status: 'fail' });
    expect(r.ok).toBe(false);
    expect(r.credentialsFailed).toBe(false);
  });

  it('stops at missing credentials and says so (the CLI exits 4)', async () => {
    sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    const r = await runAwsDoctor(config('t'), { clients: clients() });
    expect(r.credentialsFailed).toBe(true);
    expect(r.checks.find((c) => c.name === 'credentials')).toMatchObject({ status: 'fail', code: 'E_AWS_CREDENTIALS', hint: expect.stringContaining('aws configure') });
    expect(r.checks.filter((c) => c.status === 'skip').map((c) => c.name)).toContain('dynamodb table');
  });
});

describe('local doctor', () => {
  it('checks the data folder, the embedding model and the database', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'talent-doctor-')), 'data');
    const cfg = ConfigSchema.parse({ dataDir });
    const first = await runLocalDoctor(cfg, async () => new FakeEmbedder());
    expect(first.checks.map((c) => [c.name, c.status])).toEqual([['data dir', 'ok'], ['embedding model', 'ok'], ['database', 'warn']]);
    openDatabase(join(dataDir, 'talent.db'), new FakeEmbedder()).close();
    expect((await runLocalDoctor(cfg, async () => new FakeEmbedder())).checks.find((c) => c.name === 'database')).toMatchObject({ status: 'ok' });
    const other = await runLocalDoctor(cfg, async () => new FakeEmbedder(32));
    expect(other.checks.find((c) => c.name === 'database')).toMatchObject({ status: 'fail', code: 'E_EMBEDDER_MISMATCH' });
    expect(other.ok).toBe(false);
  });
});
