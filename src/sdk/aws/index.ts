/**
 * The aws backend: S3, Textract, Bedrock, DynamoDB, OpenSearch and SNS
 * adapters composed into Providers. `createAwsProviders` is what the factory
 * calls for `backend: "aws"`; call it yourself to inject SDK clients (for
 * emulators, tests, or custom middleware):
 *
 * @example
 * const providers = await createAwsProviders({ config, taxonomy, clients: { dynamodb: new DynamoDBClient({ endpoint }) } });
 * const talent = await createTalent({ backend: 'aws' }, { providers });
 */
import type { TalentConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import type { SkillTaxonomy } from '../matching/taxonomy.js';
import type { Providers } from '../ports/index.js';
import { awsClientBuilders, type AwsClients, type AwsCredentials } from './clients.js';

export type { AwsClients, AwsCredentials } from './clients.js';
export { translateAwsError, iamActionFor } from './errors.js';

export interface CreateAwsProvidersOptions {
  config: TalentConfig;
  taxonomy: SkillTaxonomy;
  /** Overrides `aws.region`; otherwise the SDK's chain (AWS_REGION, the profile's region, IMDS). */
  region?: string;
  /** Overrides `aws.profile`. */
  profile?: string;
  /** Fixed credentials or a provider; otherwise the SDK's default chain. */
  credentials?: AwsCredentials;
  /** SDK clients to use instead of building them; the caller keeps ownership (they are not destroyed on close). */
  clients?: Partial<AwsClients>;
  /** Adapters to use instead of the aws ones. */
  overrides?: Partial<Providers>;
  /** Tests: replaces every wait (polling, backoff). */
  sleep?: (ms: number) => Promise<void>;
}

const required = (value: string | undefined, key: string): string => {
  if (value) return value;
  throw new ConfigError(`${key} is not set, and the aws backend needs it`, {
    code: 'E_AWS_NOT_CONFIGURED',
    hint: `Run \`talent deploy\` (it writes the stack's outputs into the config), or set ${key} in the config file.`,
  });
};

export async function createAwsProviders(o: CreateAwsProvidersOptions): Promise<Providers> {
  const { config, taxonomy, overrides = {} } = o;
  const aws = config.aws;
  const builders = awsClientBuilders(
    { region: o.region ?? aws.region, profile: o.profile ?? aws.profile, credentials: o.credentials, endpoints: aws.endpoints },
    aws.opensearch,
  );
  const created: Array<{ destroy?: () => void; close?: () => Promise<void> }> = [];
  const cache = new Map<keyof AwsClients, Promise<unknown>>();
  const client = <K extends keyof AwsClients>(name: K): Promise<AwsClients[K]> => {
    const given = o.clients?.[name];
    if (given) return Promise.resolve(given);
    if (!cache.has(name)) {
      cache.set(
        name,
        builders[name]().then((c) => {
          created.push(c as never);
          return c;
        }),
      );
    }
    return cache.get(name) as Promise<AwsClients[K]>;
  };

  const needsBucket = !overrides.blobs || !overrides.extractor || !overrides.records;
  const bucket = needsBucket ? required(aws.bucket, 'aws.bucket') : aws.bucket;
  const [{ S3BlobStore }, { TextractExtractor }, { LocalTextExtractor }, { BedrockProfileParser }, { TitanEmbedder }, { DynamoRecordStore }, { OpenSearchIndex }] = await Promise.all([
    import('./s3-blob-store.js'),
    import('./textract-extractor.js'),
    import('../local/extract.js'),
    import('./bedrock-parser.js'),
    import('./bedrock-embedder.js'),
    import('./dynamo-record-store.js'),
    import('./opensearch-index.js'),
  ]);

  const s3 = needsBucket ? await client('s3') : undefined;
  const blobs = overrides.blobs ?? new S3BlobStore(s3!, { bucket: bucket!, kmsKeyId: aws.kmsKeyId });
  const staging = blobs instanceof S3BlobStore ? blobs : new S3BlobStore(s3!, { bucket: bucket!, kmsKeyId: aws.kmsKeyId });
  const extractor =
    overrides.extractor ??
    new TextractExtractor(await client('textract'), {
      local: new LocalTextExtractor({ ocr: config.parsing.ocr, timeoutMs: config.parsing.extractTimeoutMs, memoryMb: config.parsing.extractMemoryMb }),
      staging,
      pdfs: aws.textract.pdfs,
      jobTimeoutMs: aws.textract.jobTimeoutSeconds * 1000,
      ...(o.sleep ? { sleep: o.sleep } : {}),
    });
  const parser = overrides.parser ?? new BedrockProfileParser(await client('bedrock'), { modelId: aws.bedrock.parseModelId, taxonomy });
  const embedder =
    overrides.embedder ??
    new TitanEmbedder(await client('bedrock'), { modelId: aws.bedrock.embedModelId, dimensions: aws.bedrock.embedDimensions, concurrency: Math.max(2, config.import.concurrency * 2) });

  const closeAll = async () => {
    for (const c of created.splice(0)) {
      if (typeof c.close === 'function') await c.close();
      else c.destroy?.();
    }
  };
  const table = overrides.records ? aws.table : required(aws.table, 'aws.table');
  const records =
    overrides.records ??
    new DynamoRecordStore(await client('dynamodb'), {
      table: table!,
      overflow: new S3BlobStore(s3!, { bucket: bucket!, prefix: 'records/', kmsKeyId: aws.kmsKeyId }),
      onClose: closeAll,
      ...(o.sleep ? { sleep: o.sleep } : {}),
    });
  const index =
    overrides.index ??
    new OpenSearchIndex(await client('opensearch'), {
      index: aws.opensearch.index,
      service: aws.opensearch.service,
      engine: aws.opensearch.engine,
      dimensions: embedder.dimensions,
      onClose: closeAll,
      ...(o.sleep ? { sleep: o.sleep } : {}),
    });

  // createTalent passes the notifier notify.target configures when no SNS topic is set;
  // called directly without either, notifications go to stderr as JSON lines.
  let notifier = overrides.notifier;
  if (!notifier && aws.topicArn) {
    const { SnsNotifier } = await import('./sns-notifier.js');
    notifier = new SnsNotifier(await client('sns'), aws.topicArn);
  } else if (!notifier) {
    const { StreamNotifier } = await import('../local/notifier.js');
    notifier = new StreamNotifier(process.stderr);
  }

  return {
    blobs,
    extractor,
    parser,
    embedder,
    records,
    index,
    notifier,
    location: overrides.location ?? [bucket && `s3://${bucket}`, table && `dynamodb:${table}`, aws.opensearch.endpoint].filter(Boolean).join(', '),
  };
}
