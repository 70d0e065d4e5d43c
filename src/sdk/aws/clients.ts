/**
 * Builds the AWS SDK v3 clients the aws backend needs, each imported lazily.
 * Credentials and region come from the SDK's default provider chain (env,
 * shared config and profiles, SSO, process, web identity, ECS/IMDS) unless
 * given; `profile` picks a shared-config profile. Every client uses the
 * SDK's adaptive retry mode, which adds client-side rate limiting to the
 * standard exponential backoff when AWS starts throttling.
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { STSClient } from '@aws-sdk/client-sts';
import type { TextractClient } from '@aws-sdk/client-textract';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import type { TalentConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { awsCall } from './errors.js';

/** The SDK clients the aws adapters use; pass any of them to `createAwsProviders` to inject your own. */
export interface AwsClients {
  s3: S3Client;
  textract: TextractClient;
  bedrock: BedrockRuntimeClient;
  dynamodb: DynamoDBClient;
  sns: SNSClient;
  sts: STSClient;
  opensearch: OpenSearchClient;
}

export type AwsCredentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

export interface AwsClientOptions {
  region?: string;
  profile?: string;
  credentials?: AwsCredentials;
  endpoints?: TalentConfig['aws']['endpoints'];
  /** Attempts per call, first included. Default 4. */
  maxAttempts?: number;
}

/** Options shared by every SDK client. Undefined keys are left out so the default chain fills them. */
export function commonClientConfig(o: AwsClientOptions): Record<string, unknown> {
  return {
    ...(o.region ? { region: o.region } : {}),
    ...(o.profile ? { profile: o.profile } : {}),
    ...(o.credentials ? { credentials: o.credentials } : {}),
    retryMode: 'adaptive',
    maxAttempts: o.maxAttempts ?? 4,
  };
}

type Lazy<K extends keyof AwsClients> = () => Promise<AwsClients[K]>;

/**
 * One builder per client, so only the clients a command uses are imported.
 * An endpoint override (for emulators or VPC endpoints) replaces the default
 * endpoint; S3 then uses path-style addressing, which emulators expect.
 */
export function awsClientBuilders(o: AwsClientOptions, opensearch: TalentConfig['aws']['opensearch']): { [K in keyof AwsClients]: Lazy<K> } {
  const base = commonClientConfig(o);
  const ep = o.endpoints ?? {};
  const at = (url?: string) => (url ? { endpoint: url } : {});
  return {
    s3: async () => {
      const { S3Client } = await import('@aws-sdk/client-s3');
      return new S3Client({ ...base, ...at(ep.s3), ...(ep.s3 ? { forcePathStyle: true } : {}) });
    },
    textract: async () => {
      const { TextractClient } = await import('@aws-sdk/client-textract');
      return new TextractClient({ ...base, ...at(ep.textract) });
    },
    bedrock: async () => {
      const { BedrockRuntimeClient } = await import('@aws-sdk/client-bedrock-runtime');
      return new BedrockRuntimeClient({ ...base, ...at(ep.bedrock) });
    },
    dynamodb: async () => {
      const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
      return new DynamoDBClient({ ...base, ...at(ep.dynamodb) });
    },
    sns: async () => {
      const { SNSClient } = await import('@aws-sdk/client-sns');
      return new SNSClient({ ...base, ...at(ep.sns) });
    },
    sts: async () => {
      const { STSClient } = await import('@aws-sdk/client-sts');
      return new STSClient({ ...base, ...at(ep.sts) });
    },
    opensearch: async () => {
      if (!opensearch.endpoint) {
        throw new ConfigError('aws.opensearch.endpoint is not set', {
          code: 'E_AWS_NOT_CONFIGURED',
          hint: 'Run `talent deploy` (it writes the collection endpoint into the config), or set aws.opensearch.endpoint.',
        });
      }
      const [{ Client }, { AwsSigv4Signer }, { STSClient }] = await Promise.all([
        import('@opensearch-project/opensearch'),
        import('@opensearch-project/opensearch/aws'),
        import('@aws-sdk/client-sts'),
      ]);
      // The signer needs a region and credentials resolved exactly like the SDK clients do:
      // borrow them from a client built with the same options (STS: the smallest).
      const probe = new STSClient(base);
      const region = await awsCall({ service: 'opensearch', operation: 'ResolveRegion' }, () => probe.config.region());
      const getCredentials = () => probe.config.credentials();
      return new Client({
        ...AwsSigv4Signer({ region, service: opensearch.service, getCredentials }),
        node: opensearch.endpoint,
        maxRetries: 3,
        requestTimeout: 30_000,
      });
    },
  };
}
