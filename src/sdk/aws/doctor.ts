import type { TalentConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { check, report, type DoctorCheck, type DoctorReport } from '../doctor.js';
import { awsClientBuilders, type AwsClients, type AwsCredentials } from './clients.js';
import { awsCall } from './errors.js';

export interface AwsDoctorOptions {
  region?: string;
  profile?: string;
  credentials?: AwsCredentials;
  clients?: Partial<AwsClients>;
}

const skip = (name: string, detail: string): DoctorCheck => ({ name, status: 'skip', detail });
const notSet = (key: string) =>
  new ConfigError(`${key} is not set`, { code: 'E_AWS_NOT_CONFIGURED', hint: `Run \`talent deploy\`, or set ${key} in the config file.` });

/**
 * Checks the aws backend end to end, cheapest first: region, credentials (STS
 * GetCallerIdentity, which needs no permission), then each configured
 * resource with a read-only call that also proves the permission behind it.
 * The two Bedrock checks make one tiny billed call each (a few tokens).
 */
export async function runAwsDoctor(config: TalentConfig, o: AwsDoctorOptions = {}): Promise<DoctorReport> {
  const aws = config.aws;
  const builders = awsClientBuilders(
    { region: o.region ?? aws.region, profile: o.profile ?? aws.profile, credentials: o.credentials, endpoints: aws.endpoints, maxAttempts: 2 },
    aws.opensearch,
  );
  const made: Array<{ destroy?: () => void; close?: () => Promise<void> }> = [];
  const client = async <K extends keyof AwsClients>(k: K): Promise<AwsClients[K]> => {
    if (o.clients?.[k]) return o.clients[k]!;
    const c = await builders[k]();
    made.push(c as never);
    return c;
  };
  const checks: DoctorCheck[] = [];
  try {
    const sts = await client('sts');
    checks.push(
      await check('region', async () => {
        const region = await awsCall({ service: 'sts', operation: 'ResolveRegion' }, () => sts.config.region());
        return { status: 'ok', detail: region };
      }),
    );
    const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
    const creds = await check('credentials', async () => {
      const id = await awsCall({ service: 'sts', operation: 'GetCallerIdentity' }, () => sts.send(new GetCallerIdentityCommand({})));
      return { status: 'ok', detail: `${id.Arn} (account ${id.Account})` };
    });
    checks.push(creds);
    if (creds.status === 'fail') {
      const names = ['s3 bucket', 'dynamodb table', 'opensearch index', 'sns topic', 'bedrock embeddings', 'bedrock parsing'];
      checks.push(...names.map((n) => skip(n, 'needs working credentials')));
      return report('aws', checks, creds.code === 'E_AWS_CREDENTIALS');
    }

    checks.push(
      await check('s3 bucket', async () => {
        if (!aws.bucket) throw notSet('aws.bucket');
        const { HeadBucketCommand } = await import('@aws-sdk/client-s3');
        const s3 = await client('s3');
        await awsCall({ service: 's3', operation: 'HeadBucket', resource: `s3://${aws.bucket}` }, () => s3.send(new HeadBucketCommand({ Bucket: aws.bucket })));
        return { status: 'ok', detail: `s3://${aws.bucket}${aws.kmsKeyId ? ` (SSE-KMS ${aws.kmsKeyId})` : ''}` };
      }),
      await check('dynamodb table', async () => {
        if (!aws.table) throw notSet('aws.table');
        const { DescribeTableCommand } = await import('@aws-sdk/client-dynamodb');
        const ddb = await client('dynamodb');
        const { Table: t } = await awsCall({ service: 'dynamodb', operation: 'DescribeTable', resource: aws.table }, () => ddb.send(new DescribeTableCommand({ TableName: aws.table })));
        const key = (t?.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
        const gsi = t?.GlobalSecondaryIndexes?.find((g) => g.IndexName === 'gsi1');
        const gsiKey = (gsi?.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
        if (key !== 'pk:HASH,sk:RANGE' || gsiKey !== 'gsi1pk:HASH,gsi1sk:RANGE' || gsi?.Projection?.ProjectionType !== 'ALL') {
          return {
            status: 'fail',
            detail: `table ${aws.table} has keys [${key}] and gsi1 [${gsiKey || 'missing'}] (projection ${gsi?.Projection?.ProjectionType ?? '-'})`,
            hint: 'talent needs pk/sk (S) with a gsi1 index on gsi1pk/gsi1sk projecting ALL: create the table with `talent deploy`.',
            code: 'E_AWS_TABLE_SCHEMA',
          };
        }
        const onDemand = t?.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST';
        return {
          status: t?.TableStatus === 'ACTIVE' && onDemand ? 'ok' : 'warn',
          detail: `${aws.table}: ${t?.TableStatus}, ${t?.ItemCount ?? 0} items, ${onDemand ? 'on-demand' : (t?.BillingModeSummary?.BillingMode ?? 'provisioned')}`,
          ...(onDemand ? {} : { hint: 'Provisioned capacity throttles bulk imports; the stack from `talent deploy` uses on-demand billing.' }),
        };
      }),
      await check('opensearch index', async () => {
        if (!aws.opensearch.endpoint) throw notSet('aws.opensearch.endpoint');
        const os = await client('opensearch');
        const index = `${aws.opensearch.index}-candidate`;
        const ctx = { service: 'opensearch' as const, operation: 'HeadIndex', resource: index, opensearchService: aws.opensearch.service };
        const exists = await awsCall(ctx, () => os.indices.exists({ index }));
        return exists.body
          ? { status: 'ok', detail: `${aws.opensearch.endpoint} (${aws.opensearch.service}), index ${index}` }
          : { status: 'warn', detail: `${aws.opensearch.endpoint} answers, index ${index} does not exist yet`, hint: 'It is created on the first `talent import`.' };
      }),
      aws.topicArn
        ? await check('sns topic', async () => {
            const { GetTopicAttributesCommand } = await import('@aws-sdk/client-sns');
            const sns = await client('sns');
            const out = await awsCall({ service: 'sns', operation: 'GetTopicAttributes', resource: aws.topicArn }, () => sns.send(new GetTopicAttributesCommand({ TopicArn: aws.topicArn })));
            return { status: 'ok', detail: `${aws.topicArn} (${out.Attributes?.SubscriptionsConfirmed ?? '0'} confirmed subscriptions)` };
          })
        : skip('sns topic', `aws.topicArn not set: notifications go to ${config.notify.target}`),
      await check('bedrock embeddings', async () => {
        const { TitanEmbedder } = await import('./bedrock-embedder.js');
        const v = await new TitanEmbedder(await client('bedrock'), { modelId: aws.bedrock.embedModelId, dimensions: aws.bedrock.embedDimensions }).embedQuery('talent doctor');
        return { status: 'ok', detail: `${aws.bedrock.embedModelId}: ${v.length} dimensions` };
      }),
      await check('bedrock parsing', async () => {
        const { ConverseCommand } = await import('@aws-sdk/client-bedrock-runtime');
        const bedrock = await client('bedrock');
        const out = await awsCall({ service: 'bedrock', operation: 'Converse', resource: aws.bedrock.parseModelId }, () =>
          bedrock.send(new ConverseCommand({ modelId: aws.bedrock.parseModelId, messages: [{ role: 'user', content: [{ text: 'Reply OK.' }] }], inferenceConfig: { maxTokens: 5 } })),
        );
        return { status: 'ok', detail: `${aws.bedrock.parseModelId} answers (${out.usage?.totalTokens ?? '?'} tokens)` };
      }),
    );
    return report('aws', checks, false);
  } finally {
    for (const c of made) {
      if (typeof c.close === 'function') await c.close();
      else c.destroy?.();
    }
  }
}
