/**
 * A scripted CloudFormation for deploy tests, installed with aws-sdk-client-mock:
 * DescribeStacks walks through the steps of an operation once it has started,
 * and DescribeStackEvents shows (newest first, in pages) the events of the steps reached.
 */
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListStackResourcesCommand,
  type Change,
  type Stack,
  type StackEvent,
  type StackResourceSummary,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';

export const REGION = 'eu-west-1';
export const STACK_NAME = 'talent-dev';
export const STACK_ID = `arn:aws:cloudformation:${REGION}:123456789012:stack/${STACK_NAME}/6a1e3f00-0000-4000-8000-000000000001`;
export const CHANGE_SET_ID = `arn:aws:cloudformation:${REGION}:123456789012:changeSet/talent-1/7b2f0000-0000-4000-8000-000000000002`;
export const OUTPUTS = {
  BucketName: 'talent-dev-bucket-1x2y3z',
  TableName: 'talent-dev',
  OpenSearchEndpoint: 'https://abc123.eu-west-1.aoss.amazonaws.com',
  OpenSearchService: 'aoss',
  TopicArn: 'arn:aws:sns:eu-west-1:123456789012:talent-dev-matches',
  KmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555',
  DeadLetterQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/talent-dev-dlq',
  CliPolicyArn: 'arn:aws:iam::123456789012:policy/talent-dev-cli-eu-west-1',
};

/** An error shaped like the SDK's service exceptions. */
export function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });
}
export const stackMissing = (name = STACK_NAME) => awsError('ValidationError', `Stack with id ${name} does not exist`);

let clock = Date.parse('2025-06-01T10:00:00Z');
let ids = 0;
/** A stack event, one second after the previous one. */
export function ev(logicalResourceId: string, status: string, resourceType = 'AWS::S3::Bucket', reason?: string): StackEvent {
  clock += 1000;
  return {
    EventId: `e-${++ids}`,
    StackId: STACK_ID,
    StackName: STACK_NAME,
    LogicalResourceId: logicalResourceId,
    ResourceType: resourceType,
    ResourceStatus: status as StackEvent['ResourceStatus'],
    ResourceStatusReason: reason,
    Timestamp: new Date(clock),
  };
}

export const stack = (status: string, extra: Partial<Stack> = {}): Stack => ({
  StackName: STACK_NAME,
  StackId: STACK_ID,
  StackStatus: status as Stack['StackStatus'],
  CreationTime: new Date(clock),
  ...extra,
});

export const change = (Action: string, LogicalResourceId: string, ResourceType: string, Replacement?: string): Change => ({
  Type: 'Resource',
  ResourceChange: { Action: Action as never, LogicalResourceId, ResourceType, ...(Replacement ? { Replacement: Replacement as never } : {}) },
});

export interface Step {
  status: string;
  events?: StackEvent[];
  outputs?: Record<string, string>;
}

export interface Script {
  /** What DescribeStacks says before the operation: a stack, or missing. */
  existing?: Stack;
  /** DescribeChangeSet answers in order; the last one repeats. */
  changeSet?: Array<{ Status: string; StatusReason?: string; ExecutionStatus?: string; Changes?: Change[] }>;
  /** Split the changes into pages of this size (NextToken paging). */
  changePageSize?: number;
  /** The operation, one DescribeStacks-by-id at a time; the last step repeats. */
  steps?: Step[];
  /** Events that exist before the operation (the baseline). */
  history?: StackEvent[];
  eventPageSize?: number;
  resources?: StackResourceSummary[];
}

/** Installs the script on every CloudFormationClient; returns the mock to inspect calls. */
export function scriptCloudFormation(s: Script) {
  const cfn = mockClient(CloudFormationClient);
  let started = false;
  let reached = -1;
  let csCalls = 0;
  const steps = s.steps ?? [];
  const stepAt = (i: number) => steps[Math.min(i, steps.length - 1)]!;
  const toStack = (st: Step): Stack | undefined =>
    st.status === 'GONE' ? undefined : stack(st.status, { Outputs: Object.entries(st.outputs ?? {}).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })) });

  cfn.on(DescribeStacksCommand).callsFake((input: { StackName?: string }) => {
    if (started && input.StackName === STACK_ID && steps.length > 0) {
      reached = Math.min(reached + 1, steps.length - 1);
      const st = toStack(stepAt(reached));
      if (!st) throw stackMissing(STACK_ID);
      return { Stacks: [st] };
    }
    if (!s.existing) throw stackMissing(input.StackName);
    return { Stacks: [s.existing] };
  });
  cfn.on(DescribeStackEventsCommand).callsFake((input: { NextToken?: string }) => {
    const visible = [...(s.history ?? []), ...steps.slice(0, reached + 1).flatMap((st) => st.events ?? [])].reverse();
    const size = s.eventPageSize ?? 100;
    const from = Number(input.NextToken ?? 0);
    const page = visible.slice(from, from + size);
    return { StackEvents: page, NextToken: from + size < visible.length ? String(from + size) : undefined };
  });
  cfn.on(CreateChangeSetCommand).callsFake((input: { ChangeSetType?: string }) => {
    // Like CloudFormation: a CREATE change set makes an empty stack in REVIEW_IN_PROGRESS.
    if (input.ChangeSetType === 'CREATE' && !s.existing) s.existing = stack('REVIEW_IN_PROGRESS');
    return { Id: CHANGE_SET_ID, StackId: STACK_ID };
  });
  cfn.on(DescribeChangeSetCommand).callsFake((input: { NextToken?: string }) => {
    const answers = s.changeSet ?? [{ Status: 'CREATE_COMPLETE', ExecutionStatus: 'AVAILABLE', Changes: [] }];
    const a = input.NextToken ? answers[answers.length - 1]! : answers[Math.min(csCalls++, answers.length - 1)]!;
    const all = a.Changes ?? [];
    const size = s.changePageSize ?? 100;
    const from = Number(input.NextToken ?? 0);
    return {
      ChangeSetId: CHANGE_SET_ID,
      StackId: STACK_ID,
      Status: a.Status,
      StatusReason: a.StatusReason,
      ExecutionStatus: a.ExecutionStatus ?? (a.Status === 'CREATE_COMPLETE' ? 'AVAILABLE' : 'UNAVAILABLE'),
      Changes: all.slice(from, from + size),
      NextToken: from + size < all.length ? String(from + size) : undefined,
    };
  });
  cfn.on(ExecuteChangeSetCommand).callsFake(() => {
    started = true;
    return {};
  });
  cfn.on(DeleteStackCommand).callsFake(() => {
    started = true;
    return {};
  });
  cfn.on(DeleteChangeSetCommand).resolves({});
  cfn.on(ListStackResourcesCommand).resolves({ StackResourceSummaries: s.resources ?? [] });
  return cfn;
}
