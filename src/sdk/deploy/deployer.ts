/**
 * Creates or updates the talent stack through a change set: plan (create the
 * change set and describe it), then execute (and wait, streaming events) or
 * discard. The CloudFormation client comes through the constructor, so tests
 * inject a mocked one and users a configured one.
 */
import { randomBytes } from 'node:crypto';
import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  ExecuteChangeSetCommand,
  type Capability,
  type CloudFormationClient,
  type DescribeChangeSetCommandOutput,
  type Parameter,
} from '@aws-sdk/client-cloudformation';
import type { S3Client } from '@aws-sdk/client-s3';
import { AbortError, TalentError } from '../errors.js';
import { fromAwsError } from './aws-errors.js';
import { describeStack, outputsOf, regionFromStackId, sleep, StackEventStream, waitForStack, type DeployEvent } from './stack.js';

/** One row of a change set, as shown before asking for confirmation. */
export interface ResourceChangeSummary {
  action: string;
  logicalResourceId: string;
  resourceType: string;
  /** `True`, `False` or `Conditional` for modifications; absent otherwise. */
  replacement?: string;
  physicalResourceId?: string;
}

export interface DeployPlan {
  stackName: string;
  stackId: string;
  region?: string;
  changeSetId: string;
  changeSetName: string;
  /** CREATE for a new stack, UPDATE for an existing one. */
  type: 'CREATE' | 'UPDATE';
  /** `no-changes` when the template and parameters match what is deployed (the change set is already deleted). */
  status: 'ready' | 'no-changes';
  changes: ResourceChangeSummary[];
  /** Parameters sent: a value, or `(previous value)` for ones kept from the deployed stack. */
  parameters: Record<string, string>;
}

export interface PlanInput {
  stackName: string;
  templateBody: string;
  /** Values to set explicitly. */
  parameters: Record<string, string>;
  /** Every parameter the template declares: on update, those not set explicitly keep their deployed value. */
  templateParameters: string[];
  /**
   * Per parameter, a value used only where the stack has none yet (a new stack, or a parameter new to the
   * template); each is called only then, so a lookup such as the caller's identity happens only when needed.
   */
  defaults?: Record<string, () => Promise<string>>;
  tags?: Record<string, string>;
  description?: string;
  signal?: AbortSignal;
}

export interface DeployResult {
  stackName: string;
  stackId: string;
  region?: string;
  status: string;
  outputs: Record<string, string>;
  events: DeployEvent[];
}

export interface StackDeployerOptions {
  cloudformation: CloudFormationClient;
  /** Needed only to destroy (emptying and checking the bucket). */
  s3?: S3Client;
  /** Between polls of a change set or stack. Default 5 s. */
  pollIntervalMs?: number;
  /** Longest wait for a stack operation. Default 60 min (a managed OpenSearch domain alone can take 30). */
  timeoutMs?: number;
  /** Longest wait for a change set to be computed. Default 5 min. */
  changeSetTimeoutMs?: number;
  now?: () => number;
}

const NO_CHANGES = /didn't contain changes|No updates are to be performed/i;
// Named IAM resources (the CLI's managed policy) need CAPABILITY_NAMED_IAM.
const CAPABILITIES: Capability[] = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'];
const PREVIOUS = '(previous value)';

/** Creates, updates, inspects and destroys the talent stack. */
export class StackDeployer {
  readonly cloudformation: CloudFormationClient;
  readonly s3?: S3Client;
  readonly pollIntervalMs: number;
  readonly timeoutMs: number;
  readonly changeSetTimeoutMs: number;
  readonly now: () => number;

  constructor(options: StackDeployerOptions) {
    this.cloudformation = options.cloudformation;
    this.s3 = options.s3;
    this.pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.timeoutMs = options.timeoutMs ?? 60 * 60_000;
    this.changeSetTimeoutMs = options.changeSetTimeoutMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Creates a change set (CREATE for a new stack, UPDATE otherwise), waits for
   * it and describes it. A change set without changes is deleted and reported
   * as `status: 'no-changes'`, which is not an error.
   */
  async plan(input: PlanInput): Promise<DeployPlan> {
    const existing = await describeStack(this.cloudformation, input.stackName, input.signal);
    const status = existing?.StackStatus;
    if (status && status !== 'REVIEW_IN_PROGRESS' && status.endsWith('_IN_PROGRESS')) {
      throw new TalentError(`Stack ${input.stackName} is busy (${status})`, {
        code: 'E_STACK_BUSY',
        fault: 'user',
        retryable: true,
        hint: 'Wait for the running operation to finish, then run the command again.',
      });
    }
    if (status === 'ROLLBACK_COMPLETE' || status === 'ROLLBACK_FAILED' || status === 'DELETE_FAILED' || status === 'UPDATE_ROLLBACK_FAILED') {
      throw new TalentError(`Stack ${input.stackName} is in ${status} and cannot be updated`, {
        code: 'E_STACK_UNUSABLE',
        fault: 'user',
        hint:
          status === 'UPDATE_ROLLBACK_FAILED'
            ? 'Continue the rollback from the CloudFormation console, then deploy again.'
            : `Run \`talent destroy\` for this environment, then \`talent deploy\` again. The stack's last events name the cause.`,
      });
    }
    // A stack left in REVIEW_IN_PROGRESS by an unexecuted change set is still created with CREATE.
    const type: DeployPlan['type'] = existing && status !== 'REVIEW_IN_PROGRESS' ? 'UPDATE' : 'CREATE';
    const deployed = new Set((existing?.Parameters ?? []).map((p) => p.ParameterKey));
    const unknown = Object.keys(input.parameters).filter((k) => !input.templateParameters.includes(k));
    if (unknown.length > 0) {
      throw new TalentError(`Unknown template parameter ${unknown.join(', ')}`, {
        code: 'E_USAGE',
        fault: 'user',
        hint: `The template's parameters: ${input.templateParameters.join(', ')}`,
      });
    }
    const keepsPrevious = (name: string) => type === 'UPDATE' && deployed.has(name);
    const parameters: Parameter[] = [];
    const shown: Record<string, string> = {};
    for (const name of input.templateParameters) {
      const fallback = input.defaults?.[name];
      const value = input.parameters[name] ?? (keepsPrevious(name) || !fallback ? undefined : await fallback());
      if (value !== undefined) {
        parameters.push({ ParameterKey: name, ParameterValue: value });
        shown[name] = value;
      } else if (keepsPrevious(name)) {
        parameters.push({ ParameterKey: name, UsePreviousValue: true });
        shown[name] = PREVIOUS;
      }
    }
    const changeSetName = `talent-${new Date(this.now()).toISOString().replace(/[-:T]/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;
    let created;
    try {
      created = await this.cloudformation.send(
        new CreateChangeSetCommand({
          StackName: input.stackName,
          ChangeSetName: changeSetName,
          ChangeSetType: type,
          TemplateBody: input.templateBody,
          Parameters: parameters,
          Capabilities: CAPABILITIES,
          Tags: Object.entries(input.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
          Description: input.description,
        }),
        { abortSignal: input.signal },
      );
    } catch (err) {
      throw fromAwsError(err, 'cloudformation:CreateChangeSet');
    }
    const changeSetId = created.Id ?? changeSetName;
    const stackId = created.StackId ?? existing?.StackId ?? input.stackName;
    const base = { stackName: input.stackName, stackId, region: regionFromStackId(stackId), changeSetId, changeSetName, type, parameters: shown };
    const described = await this.waitForChangeSet(changeSetId, input.stackName, input.signal);
    if (described.Status === 'FAILED') {
      if (NO_CHANGES.test(described.StatusReason ?? '')) {
        await this.deleteChangeSet(changeSetId, input.signal);
        return { ...base, status: 'no-changes', changes: [] };
      }
      throw new TalentError(`CloudFormation could not create the change set: ${described.StatusReason ?? 'no reason given'}`, {
        code: 'E_CHANGESET_FAILED',
        fault: 'user',
        hint: 'Fix the template or parameters named in the reason, then run the command again.',
      });
    }
    return { ...base, status: 'ready', changes: described.changes };
  }

  /**
   * Executes a planned change set and waits for the stack, streaming new
   * stack events to `onEvent`. A `no-changes` plan returns the current outputs.
   */
  async execute(plan: DeployPlan, opts: { onEvent?: (e: DeployEvent) => void; signal?: AbortSignal } = {}): Promise<DeployResult> {
    if (plan.status === 'no-changes') return this.current(plan.stackId, opts.signal);
    const events = new StackEventStream(this.cloudformation, plan.stackId);
    await events.baseline(opts.signal);
    try {
      await this.cloudformation.send(new ExecuteChangeSetCommand({ ChangeSetName: plan.changeSetId, StackName: plan.stackId }), { abortSignal: opts.signal });
    } catch (err) {
      throw fromAwsError(err, 'cloudformation:ExecuteChangeSet');
    }
    const stack = await waitForStack(this.cloudformation, plan.stackId, plan.type === 'CREATE' ? 'create' : 'update', events, {
      pollIntervalMs: this.pollIntervalMs,
      timeoutMs: this.timeoutMs,
      signal: opts.signal,
      onEvent: opts.onEvent,
      now: this.now,
    });
    return {
      stackName: plan.stackName,
      stackId: plan.stackId,
      region: regionFromStackId(plan.stackId),
      status: stack?.StackStatus ?? 'UNKNOWN',
      outputs: stack ? outputsOf(stack) : {},
      events: events.events,
    };
  }

  /**
   * Deletes a planned change set without executing it (dry run, or the user said no).
   * For a CREATE plan it also deletes the empty REVIEW_IN_PROGRESS stack CloudFormation made for it.
   */
  async discard(plan: DeployPlan, signal?: AbortSignal): Promise<void> {
    if (plan.status === 'no-changes') return;
    await this.deleteChangeSet(plan.changeSetId, signal);
    if (plan.type !== 'CREATE') return;
    const stack = await describeStack(this.cloudformation, plan.stackId, signal);
    // Only the placeholder: never a stack that holds resources.
    if (stack?.StackStatus === 'REVIEW_IN_PROGRESS') {
      try {
        await this.cloudformation.send(new DeleteStackCommand({ StackName: plan.stackId }), { abortSignal: signal });
      } catch (err) {
        throw fromAwsError(err, 'cloudformation:DeleteStack');
      }
    }
  }

  /** The deployed stack's status and outputs; `E_STACK_NOT_FOUND` when there is none. */
  async current(stackNameOrId: string, signal?: AbortSignal): Promise<DeployResult> {
    const stack = await describeStack(this.cloudformation, stackNameOrId, signal);
    if (!stack) {
      throw new TalentError(`Stack ${stackNameOrId} does not exist`, { code: 'E_STACK_NOT_FOUND', fault: 'user', hint: 'Run `talent deploy` first.' });
    }
    const stackId = stack.StackId ?? stackNameOrId;
    return { stackName: stack.StackName ?? stackNameOrId, stackId, region: regionFromStackId(stackId), status: stack.StackStatus ?? 'UNKNOWN', outputs: outputsOf(stack), events: [] };
  }

  private async deleteChangeSet(changeSetId: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.cloudformation.send(new DeleteChangeSetCommand({ ChangeSetName: changeSetId }), { abortSignal: signal });
    } catch (err) {
      throw fromAwsError(err, 'cloudformation:DeleteChangeSet');
    }
  }

  /** Polls DescribeChangeSet until it is computed (or failed), then reads every page of changes. */
  private async waitForChangeSet(changeSetId: string, stackName: string, signal?: AbortSignal) {
    const deadline = this.now() + this.changeSetTimeoutMs;
    let page: DescribeChangeSetCommandOutput;
    for (;;) {
      if (signal?.aborted) throw new AbortError('Stopped waiting for the change set');
      page = await this.describeChangeSet(changeSetId, stackName, undefined, signal);
      if (page.Status === 'CREATE_COMPLETE' || page.Status === 'FAILED') break;
      if (this.now() >= deadline) {
        throw new TalentError(`The change set was not ready after ${Math.round(this.changeSetTimeoutMs / 1000)} s (still ${page.Status})`, {
          code: 'E_DEPLOY_TIMEOUT',
          fault: 'provider',
          retryable: true,
          hint: 'Run the command again; an unused change set can be deleted from the CloudFormation console.',
        });
      }
      await sleep(this.pollIntervalMs, signal);
    }
    const changes: ResourceChangeSummary[] = [];
    let current: DescribeChangeSetCommandOutput | undefined = page;
    while (current) {
      for (const c of current.Changes ?? []) {
        const r = c.ResourceChange;
        if (!r) continue;
        changes.push({
          action: r.Action ?? 'Unknown',
          logicalResourceId: r.LogicalResourceId ?? '',
          resourceType: r.ResourceType ?? '',
          ...(r.Replacement ? { replacement: r.Replacement } : {}),
          ...(r.PhysicalResourceId ? { physicalResourceId: r.PhysicalResourceId } : {}),
        });
      }
      current = current.NextToken ? await this.describeChangeSet(changeSetId, stackName, current.NextToken, signal) : undefined;
    }
    if (page.Status === 'CREATE_COMPLETE' && page.ExecutionStatus && page.ExecutionStatus !== 'AVAILABLE') {
      throw new TalentError(`The change set cannot be executed (${page.ExecutionStatus}): ${page.StatusReason ?? ''}`.trim(), {
        code: 'E_CHANGESET_FAILED',
        fault: 'user',
        hint: 'Another change may have been applied meanwhile; run the command again.',
      });
    }
    return { Status: page.Status, StatusReason: page.StatusReason, changes };
  }

  private async describeChangeSet(changeSetId: string, stackName: string, token: string | undefined, signal?: AbortSignal) {
    try {
      return await this.cloudformation.send(new DescribeChangeSetCommand({ ChangeSetName: changeSetId, StackName: changeSetId.startsWith('arn:') ? undefined : stackName, NextToken: token }), {
        abortSignal: signal,
      });
    } catch (err) {
      throw fromAwsError(err, 'cloudformation:DescribeChangeSet');
    }
  }
}
