/**
 * Watching a CloudFormation stack: its status, its outputs, and the stream of
 * stack events while an operation runs. Polls DescribeStacks and
 * DescribeStackEvents; never waits longer than the timeout; honours AbortSignal.
 */
import { setTimeout as delay } from 'node:timers/promises';
import {
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  type CloudFormationClient,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { AbortError, TalentError } from '../errors.js';
import { fromAwsError, isStackMissing } from './aws-errors.js';

/** One stack event, as shown to people while a deploy runs. */
export interface DeployEvent {
  timestamp: Date;
  logicalResourceId: string;
  resourceType: string;
  status: string;
  reason?: string;
  physicalResourceId?: string;
}

/** A resource that failed, with CloudFormation's reason. */
export interface ResourceFailure {
  logicalResourceId: string;
  resourceType: string;
  status: string;
  reason: string;
}

export type StackOperation = 'create' | 'update' | 'delete';

const SUCCESS: Record<StackOperation, string> = { create: 'CREATE_COMPLETE', update: 'UPDATE_COMPLETE', delete: 'DELETE_COMPLETE' };

/** Any status that does not end in _IN_PROGRESS is where an operation stops (REVIEW_IN_PROGRESS included: it waits). */
export const isTerminalStatus = (status: string): boolean => !status.endsWith('_IN_PROGRESS');

export interface PollOptions {
  pollIntervalMs: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onEvent?: (event: DeployEvent) => void;
  /** Clock, for tests. */
  now?: () => number;
}

/** The stack by name or id, or undefined when it does not exist. */
export async function describeStack(cfn: CloudFormationClient, stackNameOrId: string, signal?: AbortSignal): Promise<Stack | undefined> {
  try {
    const out = await cfn.send(new DescribeStacksCommand({ StackName: stackNameOrId }), { abortSignal: signal });
    return out.Stacks?.[0];
  } catch (err) {
    if (isStackMissing(err)) return undefined;
    throw fromAwsError(err, 'cloudformation:DescribeStacks');
  }
}

/** Stack outputs as a plain map. */
export function outputsOf(stack: Stack): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of stack.Outputs ?? []) if (o.OutputKey && o.OutputValue !== undefined) out[o.OutputKey] = o.OutputValue;
  return out;
}

/** `arn:aws:cloudformation:eu-west-1:123456789012:stack/name/id` → `eu-west-1`. */
export function regionFromStackId(stackId: string): string | undefined {
  const parts = stackId.split(':');
  return parts.length > 5 && parts[2] === 'cloudformation' ? parts[3] : undefined;
}

const toEvent = (e: StackEvent): DeployEvent => ({
  timestamp: e.Timestamp ?? new Date(0),
  logicalResourceId: e.LogicalResourceId ?? '',
  resourceType: e.ResourceType ?? '',
  status: e.ResourceStatus ?? '',
  ...(e.ResourceStatusReason ? { reason: e.ResourceStatusReason } : {}),
  ...(e.PhysicalResourceId ? { physicalResourceId: e.PhysicalResourceId } : {}),
});

/**
 * Streams stack events newer than a baseline. Events come newest first, so
 * each poll reads pages until it meets an event it has already seen (or the
 * baseline taken before the operation), then hands the new ones over oldest first.
 * Event ids, not clocks, decide what is new: no trouble with clock skew.
 */
export class StackEventStream {
  private readonly seen = new Set<string>();
  readonly events: DeployEvent[] = [];

  constructor(
    private readonly cfn: CloudFormationClient,
    private readonly stackId: string,
  ) {}

  /** Marks every event that exists now as seen (call before starting the operation). */
  async baseline(signal?: AbortSignal): Promise<void> {
    const page = await this.page(undefined, signal);
    const newest = page.StackEvents?.[0]?.EventId;
    if (newest) this.seen.add(newest);
  }

  /** Fetches, records and returns the events that appeared since the last call. */
  async poll(signal?: AbortSignal, onEvent?: (e: DeployEvent) => void): Promise<DeployEvent[]> {
    const fresh: StackEvent[] = [];
    let token: string | undefined;
    // A bounded number of pages: a long-lived stack has a long history and we only want the recent part.
    for (let pages = 0; pages < 20; pages++) {
      const page = await this.page(token, signal);
      let reachedSeen = false;
      for (const e of page.StackEvents ?? []) {
        if (!e.EventId || this.seen.has(e.EventId)) {
          reachedSeen = true;
          break;
        }
        fresh.push(e);
      }
      token = page.NextToken;
      if (reachedSeen || !token || this.seen.size === 0) break;
    }
    const ordered = fresh.reverse().map((e) => {
      this.seen.add(e.EventId!);
      return toEvent(e);
    });
    for (const e of ordered) {
      this.events.push(e);
      onEvent?.(e);
    }
    return ordered;
  }

  private async page(token: string | undefined, signal?: AbortSignal) {
    try {
      return await this.cfn.send(new DescribeStackEventsCommand({ StackName: this.stackId, NextToken: token }), { abortSignal: signal });
    } catch (err) {
      if (isStackMissing(err)) return { StackEvents: [], NextToken: undefined };
      throw fromAwsError(err, 'cloudformation:DescribeStackEvents');
    }
  }
}

/** The failed resources among the events, root causes first ("cancelled" follow-ons last). */
export function failuresIn(events: DeployEvent[], stackName?: string): ResourceFailure[] {
  const failures = events
    .filter((e) => e.status.endsWith('_FAILED') && e.reason && e.logicalResourceId !== stackName)
    .map((e) => ({ logicalResourceId: e.logicalResourceId, resourceType: e.resourceType, status: e.status, reason: e.reason! }));
  const cancelled = (f: ResourceFailure) => /cancelled|canceled/i.test(f.reason);
  return [...failures.filter((f) => !cancelled(f)), ...failures.filter(cancelled)];
}

/** A stack operation that ended in failure or rollback; `failures` lists the resources and reasons. */
export class StackOperationError extends TalentError {
  readonly failures: ResourceFailure[];
  readonly stackStatus: string;
  constructor(message: string, opts: { stackStatus: string; failures: ResourceFailure[]; hint?: string; code?: string }) {
    super(message, { code: opts.code ?? 'E_DEPLOY_FAILED', fault: 'user', hint: opts.hint, provider: 'aws' });
    this.failures = opts.failures;
    this.stackStatus = opts.stackStatus;
  }
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  delay(ms, undefined, { signal }).catch((err: unknown) => {
    if ((err as Error).name === 'AbortError') throw new AbortError('Stopped waiting', { cause: err });
    throw err;
  });

/**
 * Waits for a stack operation to finish, streaming its events. Resolves with
 * the final stack on success; throws StackOperationError (with the failed
 * resources) on failure or rollback, `E_DEPLOY_TIMEOUT` after `timeoutMs`,
 * AbortError when `signal` fires. Timing out or aborting stops the waiting only:
 * CloudFormation carries on with the operation.
 */
export async function waitForStack(
  cfn: CloudFormationClient,
  stackId: string,
  operation: StackOperation,
  events: StackEventStream,
  opts: PollOptions,
): Promise<Stack | undefined> {
  const now = opts.now ?? Date.now;
  const deadline = now() + opts.timeoutMs;
  for (;;) {
    if (opts.signal?.aborted) throw new AbortError(`Stopped waiting for the stack; CloudFormation continues the ${operation}`);
    await events.poll(opts.signal, opts.onEvent);
    const stack = await describeStack(cfn, stackId, opts.signal);
    const status = stack?.StackStatus ?? 'DELETE_COMPLETE';
    if (isTerminalStatus(status)) {
      await events.poll(opts.signal, opts.onEvent); // the last events of the operation
      if (status === SUCCESS[operation]) return stack;
      const failures = failuresIn(events.events, stack?.StackName);
      const first = failures[0];
      const detail = first ? `: ${first.logicalResourceId} (${first.resourceType}) ${first.status}: ${first.reason}` : stack?.StackStatusReason ? `: ${stack.StackStatusReason}` : '';
      throw new StackOperationError(`Stack ${operation} failed with ${status}${detail}`, {
        stackStatus: status,
        failures,
        hint: hintFor(status, operation),
      });
    }
    if (now() >= deadline) {
      throw new TalentError(`Gave up waiting after ${Math.round(opts.timeoutMs / 1000)} s: the stack is still ${status}`, {
        code: 'E_DEPLOY_TIMEOUT',
        fault: 'provider',
        retryable: true,
        hint: 'CloudFormation continues on its own. Run the command again later, or watch the stack in the CloudFormation console.',
      });
    }
    await sleep(opts.pollIntervalMs, opts.signal);
  }
}

function hintFor(status: string, operation: StackOperation): string {
  if (status === 'ROLLBACK_COMPLETE') return 'A stack whose creation failed cannot be updated: fix the cause, run `talent destroy`, then `talent deploy` again.';
  if (status === 'UPDATE_ROLLBACK_COMPLETE') return 'The stack was rolled back to its previous state and still works. Fix the cause and deploy again.';
  if (status.endsWith('ROLLBACK_FAILED')) return 'The rollback failed too: fix the resources listed, then continue the rollback from the CloudFormation console.';
  if (operation === 'delete') return 'Fix or delete the resources listed, then run `talent destroy` again.';
  return 'Fix the resources listed and run the command again.';
}
