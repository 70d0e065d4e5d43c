/**
 * Translates AWS SDK errors met while deploying into TalentErrors with a remedy,
 * keeping the original as `cause` (so nothing is retried that cannot be classified).
 */
import { AbortError, AuthError, RateLimitError, TalentError, ValidationError } from '../errors.js';

interface AwsErrorLike {
  name?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const CREDENTIAL_ERRORS = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'TokenRefreshRequired',
]);

/**
 * Wraps an error thrown by an AWS client. `action` names the API call (e.g.
 * `cloudformation:CreateChangeSet`) so a missing permission says which one.
 */
export function fromAwsError(err: unknown, action: string): TalentError {
  if (err instanceof TalentError) return err;
  const e = (err ?? {}) as AwsErrorLike;
  const name = e.name ?? '';
  const message = e.message ?? String(err);
  const requestId = e.$metadata?.requestId;
  const base = { cause: err, requestId, provider: 'aws' };
  if (name === 'AbortError') return new AbortError(`${action} was aborted`, base);
  if (CREDENTIAL_ERRORS.has(name) || /could not load credentials|Unable to locate credentials/i.test(message)) {
    return new AuthError(`AWS credentials are missing or invalid (${action}): ${message}`, {
      ...base,
      hint: 'Sign in (e.g. `aws sso login --profile <name>`), or set AWS_PROFILE / AWS_ACCESS_KEY_ID, or aws.profile in the config.',
    });
  }
  if (name === 'AccessDenied' || name === 'AccessDeniedException' || name === 'AccessDeniedError' || e.$metadata?.httpStatusCode === 403) {
    return new TalentError(`Access denied: ${action}: ${message}`, {
      ...base,
      code: 'E_AWS_ACCESS_DENIED',
      fault: 'user',
      hint: `Grant ${action} to the identity that runs talent (infra/README.md lists what the deployer needs).`,
    });
  }
  if (name === 'Throttling' || name === 'ThrottlingException' || name === 'TooManyRequestsException') {
    return new RateLimitError(`AWS throttled ${action}: ${message}`, { ...base, hint: 'Wait a moment and run the command again.' });
  }
  if (name === 'ValidationError' || name === 'InsufficientCapabilitiesException') {
    return new ValidationError(`CloudFormation rejected ${action}: ${message}`, { ...base, code: 'E_AWS_VALIDATION' });
  }
  if (name === 'AlreadyExistsException' || name === 'LimitExceededException') {
    return new TalentError(`${action}: ${message}`, { ...base, code: 'E_AWS_CONFLICT', fault: 'user' });
  }
  const server = e.$fault === 'server' || (e.$metadata?.httpStatusCode ?? 0) >= 500;
  return new TalentError(`${action} failed: ${message}`, {
    ...base,
    code: server ? 'E_PROVIDER_UNAVAILABLE' : 'E_AWS',
    fault: server ? 'provider' : 'internal',
    retryable: server || Boolean(e.$retryable),
    hint: server ? 'AWS answered with a server error; run the command again.' : undefined,
  });
}

/** CloudFormation says "does not exist" with a ValidationError for a missing stack. */
export function isStackMissing(err: unknown): boolean {
  const e = err as AwsErrorLike | null;
  return Boolean(e && e.name === 'ValidationError' && /does not exist/i.test(e.message ?? ''));
}
