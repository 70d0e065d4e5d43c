/**
 * The one place where AWS errors become TalentErrors. Every adapter call goes
 * through `awsCall`, which names the service, the operation and the resource,
 * so a denied call says which IAM action is missing and a missing resource
 * says how to create it. The SDK's own error is kept as `cause`.
 *
 * Classification uses what the SDK puts on every ServiceException: `name`
 * (the AWS error code), `$fault` (client/server), `$retryable` (set for
 * throttling and transient errors) and `$metadata.httpStatusCode`.
 */
import {
  AuthError,
  ConfigError,
  ProviderUnavailableError,
  RateLimitError,
  TalentError,
  ValidationError,
} from '../errors.js';

export type AwsService = 's3' | 'dynamodb' | 'textract' | 'bedrock' | 'sns' | 'sts' | 'opensearch' | 'kms' | 'cloudformation';

export interface AwsCallContext {
  service: AwsService;
  /** The API operation, e.g. `PutObject`, `BatchWriteItem`, `Converse`. */
  operation: string;
  /** The bucket, table, topic, model or index the call touched, for messages. */
  resource?: string;
  /** OpenSearch only: `aoss` (Serverless) or `es` (a managed domain). */
  opensearchService?: 'aoss' | 'es';
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $retryable?: { throttling?: boolean };
  $metadata?: { httpStatusCode?: number; requestId?: string };
  /** @opensearch-project/opensearch ResponseError */
  meta?: { statusCode?: number; body?: { error?: { type?: string; reason?: string } | string } };
}

const CREDENTIAL_ERRORS = new Set([
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
  'InvalidToken',
]);

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'AuthorizationError', 'AuthorizationErrorException', 'Forbidden', 'security_exception']);

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'LimitExceededException',
  'ServiceQuotaExceededException',
  'KMSThrottlingException',
]);

const TRANSIENT = new Set([
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'InternalServerException',
  'InternalError',
  'InternalFailure',
  'ModelNotReadyException',
  'ModelTimeoutException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ConnectionError',
  'NoLivingConnectionsError',
]);

const NOT_FOUND = new Set(['ResourceNotFoundException', 'NoSuchBucket', 'NotFoundException', 'NotFound', 'index_not_found_exception', 'TopicNotFound']);

/** The IAM action an operation needs; the deploy helper writes the least-privilege policy from the same list. */
export function iamActionFor(ctx: AwsCallContext): string {
  switch (ctx.service) {
    case 's3': {
      const s3: Record<string, string> = {
        HeadObject: 's3:GetObject (and s3:ListBucket, so a missing key is a 404 rather than a 403)',
        HeadBucket: 's3:ListBucket',
        CreateMultipartUpload: 's3:PutObject',
        UploadPart: 's3:PutObject',
        CompleteMultipartUpload: 's3:PutObject',
      };
      return s3[ctx.operation] ?? `s3:${ctx.operation}`;
    }
    case 'bedrock':
      // Converse and InvokeModel are both authorised by bedrock:InvokeModel.
      return 'bedrock:InvokeModel';
    case 'sts':
      return 'none (sts:GetCallerIdentity needs no permission)';
    case 'opensearch':
      return ctx.opensearchService === 'es'
        ? 'es:ESHttpGet, es:ESHttpHead, es:ESHttpPost, es:ESHttpPut, es:ESHttpDelete on the domain'
        : 'aoss:APIAccessAll, and a data access policy granting this principal aoss:CreateIndex, aoss:DescribeIndex, aoss:ReadDocument and aoss:WriteDocument on the index';
    default:
      return `${ctx.service}:${ctx.operation}`;
  }
}

const where = (ctx: AwsCallContext) => `${ctx.service} ${ctx.operation}${ctx.resource ? ` on ${ctx.resource}` : ''}`;

function nameOf(e: SdkErrorShape): string {
  if (e.meta?.body && typeof e.meta.body === 'object' && typeof e.meta.body.error === 'object' && e.meta.body.error?.type) return e.meta.body.error.type;
  return e.code && TRANSIENT.has(e.code) ? e.code : (e.name ?? 'Error');
}

function statusOf(e: SdkErrorShape): number | undefined {
  return e.$metadata?.httpStatusCode ?? e.meta?.statusCode;
}

/**
 * Translates anything an AWS SDK (or the OpenSearch client) threw into a
 * TalentError with a remedy. TalentErrors pass through unchanged.
 */
export function translateAwsError(err: unknown, ctx: AwsCallContext): TalentError {
  if (err instanceof TalentError) return err;
  const e = (err ?? {}) as SdkErrorShape;
  const name = nameOf(e);
  const status = statusOf(e);
  const message = (e.message ?? String(err)).trim();
  const common = { cause: err, requestId: e.$metadata?.requestId, provider: `aws:${ctx.service}` };

  if (name === 'AbortError') return new TalentError(`${where(ctx)} was aborted`, { ...common, code: 'E_ABORTED', fault: 'user' });

  if (/region is missing/i.test(message)) {
    return new ConfigError('No AWS region is configured', {
      ...common,
      code: 'E_AWS_REGION',
      hint: 'Set aws.region in the config file, pass --region, or set AWS_REGION (or a region in your AWS profile).',
    });
  }

  if (CREDENTIAL_ERRORS.has(name) || /could not load credentials/i.test(message)) {
    const expired = /expired/i.test(name) || /expired/i.test(message);
    return new AuthError(`AWS credentials are ${expired ? 'expired' : 'missing or invalid'} (${where(ctx)}: ${message})`, {
      ...common,
      code: 'E_AWS_CREDENTIALS',
      hint: expired
        ? 'Refresh them: `aws sso login --profile <name>`, or get new temporary credentials.'
        : 'Configure credentials for the AWS default chain: `aws configure` or `aws sso login`, AWS_PROFILE / --profile, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
    });
  }

  const kmsDenied = /kms/i.test(message) && (ACCESS_DENIED.has(name) || status === 403 || /KMS\.|kms:/.test(message));
  if (ACCESS_DENIED.has(name) || (status === 403 && ctx.service !== 'bedrock') || kmsDenied) {
    // AWS names the missing action in most AccessDenied messages; prefer it over our table.
    const named = message.match(/perform:\s*([A-Za-z0-9-]+:[A-Za-z0-9*]+)/)?.[1];
    const action = kmsDenied ? 'kms:Decrypt and kms:GenerateDataKey on the configured key (aws.kmsKeyId)' : (named ?? iamActionFor(ctx));
    const modelAccess = ctx.service === 'bedrock' && /model/i.test(message) && !named;
    return new AuthError(`Access denied: ${where(ctx)}: ${message}`, {
      ...common,
      code: 'E_AWS_ACCESS_DENIED',
      hint: modelAccess
        ? `Enable access to ${ctx.resource ?? 'the model'} in the Bedrock console (Model access), and allow bedrock:InvokeModel on it.`
        : `Allow ${action} for your IAM principal${ctx.resource ? ` on ${ctx.resource}` : ''} (the policy written by \`talent deploy\` has it).`,
    });
  }
  if (ctx.service === 'bedrock' && status === 403) {
    return new AuthError(`Access denied: ${where(ctx)}: ${message}`, {
      ...common,
      code: 'E_AWS_ACCESS_DENIED',
      hint: `Allow bedrock:InvokeModel on ${ctx.resource ?? 'the model'} and enable the model in the Bedrock console (Model access).`,
    });
  }

  if (THROTTLING.has(name) || e.$retryable?.throttling || status === 429) {
    const quota = name === 'ServiceQuotaExceededException';
    return new RateLimitError(`AWS is throttling ${where(ctx)}: ${message}`, {
      ...common,
      code: quota ? 'E_AWS_QUOTA' : 'E_AWS_THROTTLED',
      // A rate limit passes in seconds; an exhausted quota does not.
      retryable: !quota,
      hint: quota
        ? 'A service quota is exhausted: lower --concurrency, or request a quota increase in Service Quotas.'
        : 'Retried with adaptive backoff and still throttled: lower --concurrency, or raise the quota (Bedrock tokens per minute, Textract TPS).',
    });
  }

  if (NOT_FOUND.has(name) || (status === 404 && ctx.service !== 's3')) {
    return new ConfigError(`Not found: ${where(ctx)}: ${message}`, {
      ...common,
      code: 'E_AWS_RESOURCE_NOT_FOUND',
      hint: `Run \`talent deploy\` to create the stack, or check the resource names in the config (aws.bucket, aws.table, aws.opensearch.endpoint, aws.topicArn) and the region (${ctx.service}).`,
    });
  }

  if (ctx.service === 'bedrock' && name === 'ValidationException') {
    const profile = /inference profile/i.test(message);
    return new ConfigError(`Bedrock rejected the request to ${ctx.resource ?? 'the model'}: ${message}`, {
      ...common,
      code: 'E_AWS_BEDROCK_MODEL',
      hint: profile
        ? 'This model is served through a cross-region inference profile: set aws.bedrock.parseModelId to the profile id, e.g. "us.<model id>".'
        : 'Check aws.bedrock.parseModelId / embedModelId and that the model is available in this region.',
    });
  }

  if (TRANSIENT.has(name) || e.$fault === 'server' || (status !== undefined && status >= 500) || e.$retryable) {
    return new ProviderUnavailableError(`${where(ctx)} failed on the AWS side: ${message}`, {
      ...common,
      code: 'E_AWS_UNAVAILABLE',
      retryable: true,
      hint: 'A transient AWS or network problem: try again. If it persists, check the endpoint overrides (aws.endpoints.*) and the AWS Health Dashboard.',
    });
  }

  if (name === 'ValidationException' || name === 'ValidationError' || name === 'InvalidParameterException' || name === 'illegal_argument_exception') {
    return new ValidationError(`${where(ctx)} rejected the request: ${message}`, {
      ...common,
      code: 'E_AWS_VALIDATION',
      hint: 'The request was malformed or over a service limit; the message above says which. If it names a talent value, fix it in your input.',
    });
  }

  return new TalentError(`${where(ctx)} failed: ${message}`, {
    ...common,
    code: 'E_AWS',
    fault: e.$fault === 'client' ? 'user' : 'provider',
    retryable: false,
    hint: `AWS error ${name}${status ? ` (HTTP ${status})` : ''}; run \`talent doctor\` to check credentials, region and resources.`,
  });
}

/** Runs one AWS call, translating any failure with its context. */
export async function awsCall<T>(ctx: AwsCallContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw translateAwsError(err, ctx);
  }
}

/** True for the error an SDK throws when a key, item or object does not exist (checked before translation). */
export function isAwsNotFound(err: unknown): boolean {
  const e = err as SdkErrorShape;
  if (e?.name === 'NoSuchBucket') return false;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404 || e?.meta?.statusCode === 404;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
