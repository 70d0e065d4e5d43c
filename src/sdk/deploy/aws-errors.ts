/**
 * AWS errors met while deploying become TalentErrors through the aws backend's
 * one translator (src/sdk/aws/errors.ts), so credentials, throttling, server
 * faults and validation read the same everywhere. Only a denied call gets its
 * own hint here: what the *deployer* lacks is listed in infra/README.md, not
 * in the stack's CLI policy.
 */
import { AuthError, type TalentError } from '../errors.js';
import { translateAwsError, type AwsService } from '../aws/errors.js';

/**
 * Wraps an error thrown by an AWS client. `action` names the API call (e.g.
 * `cloudformation:CreateChangeSet`) so a missing permission says which one.
 */
export function fromAwsError(err: unknown, action: string): TalentError {
  const [service, operation = ''] = action.split(':') as [AwsService, string];
  const translated = translateAwsError(err, { service, operation });
  if (translated.code !== 'E_AWS_ACCESS_DENIED') return translated;
  const named = translated.message.match(/perform:\s*([A-Za-z0-9-]+:[A-Za-z0-9*]+)/)?.[1] ?? action;
  return new AuthError(translated.message, {
    code: 'E_AWS_ACCESS_DENIED',
    cause: err,
    requestId: translated.requestId,
    provider: translated.provider,
    hint: `Allow ${named} for the identity that runs talent deploy/destroy (infra/README.md lists what the deployer needs).`,
  });
}

/** CloudFormation says "does not exist" with a ValidationError for a missing stack. */
export function isStackMissing(err: unknown): boolean {
  const e = err as { name?: string; message?: string } | null;
  return Boolean(e && e.name === 'ValidationError' && /does not exist/i.test(e.message ?? ''));
}
