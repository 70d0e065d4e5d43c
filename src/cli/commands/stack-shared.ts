/** What `talent deploy` and `talent destroy` share: environment, AWS clients, confirmation, event lines. */
import type { Io } from '../io.js';
import { canPrompt, paint } from '../io.js';
import { resolveFromGlobals, type GlobalOptions } from '../context.js';
import { TalentError } from '../../sdk/errors.js';
import { readEnv } from '../../sdk/env.js';
import type { ResolvedConfig } from '../../sdk/index.js';
import type { DeployClients, DeployEvent, StackDeployer } from '../../sdk/deploy/index.js';

export const usage = (message: string, hint?: string) => new TalentError(message, { code: 'E_USAGE', fault: 'user', hint });

/** The environment name from --env (default `dev`), checked against what the template accepts. */
export async function environmentFrom(options: Record<string, unknown>): Promise<string> {
  const { ENV_NAME_PATTERN } = await import('../../sdk/deploy/index.js');
  const env = typeof options.env === 'string' ? options.env : 'dev';
  if (!ENV_NAME_PATTERN.test(env)) {
    throw usage(`--env must be 1-16 lower-case letters, digits or hyphens, starting with a letter; got "${env}"`, 'Example: --env staging');
  }
  return env;
}

/**
 * Destructive commands ask on a terminal; elsewhere they need --yes. Returns
 * whether to ask. Under --json there is no prompt either: stdout carries the JSON.
 */
export function confirmationMode(io: Io, options: Record<string, unknown>, json: boolean): 'ask' | 'yes' {
  if (options.yes) return 'yes';
  if (canPrompt(io) && !json) return 'ask';
  throw usage('--yes required when not running interactively', 'Run it on a terminal to confirm, or pass --yes (or --dry-run to only look).');
}

/** Asks a yes/no question on the terminal; `E_CANCELLED` (exit 2) on no. */
export async function confirmOrCancel(message: string, onCancel?: () => Promise<void>): Promise<void> {
  const { default: inquirer } = await import('inquirer');
  const { ok } = await inquirer.prompt<{ ok: boolean }>([{ type: 'confirm', name: 'ok', message, default: false }]);
  if (ok) return;
  await onCancel?.();
  throw new TalentError('Cancelled: nothing was changed', { code: 'E_CANCELLED', fault: 'user' });
}

export interface StackContext {
  resolved: ResolvedConfig;
  deployer: StackDeployer;
  region: string;
  stackName: string;
  clients: DeployClients;
}

/**
 * Resolves config and builds the AWS clients. Region and profile: --region /
 * --profile, else `aws.region`/`aws.profile` (TALENT_AWS_REGION/TALENT_AWS_PROFILE),
 * else the AWS default chain.
 */
export async function openStack(io: Io, globals: GlobalOptions, env: string): Promise<StackContext> {
  const resolved = await resolveFromGlobals(io, globals);
  const aws = resolved.config.aws;
  const { createDeployClients, StackDeployer, stackNameFor } = await import('../../sdk/deploy/index.js');
  const clients = await createDeployClients({
    region: aws.region,
    profile: aws.profile,
    endpoints: { cloudformation: aws.endpoints.cloudformation, s3: aws.endpoints.s3 },
  });
  const poll = Number(readEnv('TALENT_DEPLOY_POLL_MS', io.env));
  const pollIntervalMs = poll > 0 ? poll : undefined;
  const deployer = new StackDeployer({ cloudformation: clients.cloudformation, s3: clients.s3, pollIntervalMs });
  return { resolved, deployer, region: clients.region, stackName: stackNameFor(aws.stackName, env), clients };
}

const STATUS_COLOUR = (status: string) => (status.endsWith('_FAILED') || status.includes('ROLLBACK') ? 31 : status.endsWith('_COMPLETE') ? 32 : 33);

/** One stack event as a line on stderr: time, status, resource, type, reason. */
export function eventLine(io: Io, e: DeployEvent): string {
  const time = e.timestamp.toISOString().slice(11, 19);
  const reason = e.reason ? `  ${e.reason}` : '';
  return `${time}  ${paint(io, STATUS_COLOUR(e.status), e.status.padEnd(28))}  ${e.logicalResourceId.padEnd(24)}  ${e.resourceType}${reason}`;
}

/** Stops waiting on Ctrl-C (CloudFormation carries on), instead of killing the process mid-output. */
export async function withInterrupt<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await fn(controller.signal);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
