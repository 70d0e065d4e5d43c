/**
 * StackDeployer against a scripted CloudFormation (aws-sdk-client-mock):
 * create, update with and without changes, failures with rollback, waiting,
 * timeouts and aborts. Polls every millisecond, and timeouts run on an injected clock.
 */
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  ExecuteChangeSetCommand,
  type CreateChangeSetCommandInput,
} from '@aws-sdk/client-cloudformation';
import { afterEach, describe, expect, it } from 'vitest';
import { countChanges, describeCounts, StackDeployer, StackOperationError, type DeployEvent } from '../../src/sdk/deploy/index.js';
import { AuthError, type TalentError } from '../../src/sdk/errors.js';
import { awsError, change, CHANGE_SET_ID, ev, OUTPUTS, REGION, scriptCloudFormation, stack, STACK_ID, STACK_NAME, type Script } from './deploy-fakes.js';

const PARAMS = ['EnvironmentName', 'SearchEngine', 'DataAccessPrincipalArns', 'ParseModelId', 'EmbedModelId', 'AlarmEmail'];
const client = () => new CloudFormationClient({ region: REGION, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } });
/** A clock that moves 1 s per reading: timeouts happen after a handful of polls, with no real waiting. */
const steppingClock = () => {
  let t = 0;
  return () => (t += 1000);
};
const deployer = (extra: Partial<ConstructorParameters<typeof StackDeployer>[0]> = {}) =>
  new StackDeployer({ cloudformation: client(), pollIntervalMs: 1, timeoutMs: 60_000, ...extra });

let mock: ReturnType<typeof scriptCloudFormation> | undefined;
afterEach(() => mock?.restore());
const install = (s: Script) => (mock = scriptCloudFormation(s));
const createInput = () => mock!.commandCalls(CreateChangeSetCommand)[0]!.args[0].input as CreateChangeSetCommandInput;
const planInput = (parameters: Record<string, string> = { EnvironmentName: 'dev' }) => ({
  stackName: STACK_NAME,
  templateBody: 'Resources: {}',
  parameters,
  templateParameters: PARAMS,
  defaults: { DataAccessPrincipalArns: async () => 'arn:aws:iam::123456789012:role/deployer' },
});

describe('creating a stack', () => {
  it('plans a CREATE change set, executes it, streams each new event once, in order, and returns the outputs', async () => {
    const history = [ev(STACK_NAME, 'REVIEW_IN_PROGRESS', 'AWS::CloudFormation::Stack', 'User Initiated')];
    const steps = [
      { status: 'CREATE_IN_PROGRESS', events: [ev(STACK_NAME, 'CREATE_IN_PROGRESS', 'AWS::CloudFormation::Stack'), ev('Key', 'CREATE_IN_PROGRESS', 'AWS::KMS::Key')] },
      { status: 'CREATE_IN_PROGRESS', events: [ev('Key', 'CREATE_COMPLETE', 'AWS::KMS::Key'), ev('Bucket', 'CREATE_IN_PROGRESS')] },
      { status: 'CREATE_COMPLETE', events: [ev('Bucket', 'CREATE_COMPLETE'), ev(STACK_NAME, 'CREATE_COMPLETE', 'AWS::CloudFormation::Stack')], outputs: OUTPUTS },
    ];
    install({
      history,
      steps,
      eventPageSize: 2, // forces paging through DescribeStackEvents
      changeSet: [
        { Status: 'CREATE_PENDING' },
        { Status: 'CREATE_IN_PROGRESS' },
        { Status: 'CREATE_COMPLETE', Changes: [change('Add', 'Key', 'AWS::KMS::Key'), change('Add', 'Bucket', 'AWS::S3::Bucket')] },
      ],
    });
    const d = deployer();
    const plan = await d.plan(planInput());
    expect(plan).toMatchObject({ type: 'CREATE', status: 'ready', stackId: STACK_ID, changeSetId: CHANGE_SET_ID, region: REGION });
    expect(plan.changes).toEqual([
      { action: 'Add', logicalResourceId: 'Key', resourceType: 'AWS::KMS::Key' },
      { action: 'Add', logicalResourceId: 'Bucket', resourceType: 'AWS::S3::Bucket' },
    ]);
    const input = createInput();
    expect(input).toMatchObject({ StackName: STACK_NAME, ChangeSetType: 'CREATE', TemplateBody: 'Resources: {}' });
    expect(input.Capabilities).toContain('CAPABILITY_NAMED_IAM');
    // A new stack: explicit values plus the defaults, never UsePreviousValue.
    expect(input.Parameters).toEqual([
      { ParameterKey: 'EnvironmentName', ParameterValue: 'dev' },
      { ParameterKey: 'DataAccessPrincipalArns', ParameterValue: 'arn:aws:iam::123456789012:role/deployer' },
    ]);

    const seen: DeployEvent[] = [];
    const result = await d.execute(plan, { onEvent: (e) => seen.push(e) });
    expect(mock!.commandCalls(ExecuteChangeSetCommand)[0]!.args[0].input).toEqual({ ChangeSetName: CHANGE_SET_ID, StackName: STACK_ID });
    expect(seen.map((e) => `${e.logicalResourceId} ${e.status}`)).toEqual([
      `${STACK_NAME} CREATE_IN_PROGRESS`,
      'Key CREATE_IN_PROGRESS',
      'Key CREATE_COMPLETE',
      'Bucket CREATE_IN_PROGRESS',
      'Bucket CREATE_COMPLETE',
      `${STACK_NAME} CREATE_COMPLETE`,
    ]);
    expect(result).toMatchObject({ status: 'CREATE_COMPLETE', region: REGION, outputs: OUTPUTS });
  });

  it('discarding a CREATE plan deletes the change set and the empty REVIEW_IN_PROGRESS stack', async () => {
    install({ changeSet: [{ Status: 'CREATE_COMPLETE', Changes: [change('Add', 'Bucket', 'AWS::S3::Bucket')] }] });
    const d = deployer();
    await d.discard(await d.plan(planInput()));
    expect(mock!.commandCalls(DeleteChangeSetCommand)[0]!.args[0].input).toEqual({ ChangeSetName: CHANGE_SET_ID });
    expect(mock!.commandCalls(DeleteStackCommand)[0]!.args[0].input).toEqual({ StackName: STACK_ID });
    expect(mock!.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
  });
});

describe('updating a stack', () => {
  const deployed = stack('UPDATE_COMPLETE', {
    Parameters: ['EnvironmentName', 'SearchEngine', 'DataAccessPrincipalArns', 'ParseModelId', 'EmbedModelId'].map((ParameterKey) => ({ ParameterKey, ParameterValue: 'x' })),
    Outputs: Object.entries(OUTPUTS).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
  });

  it('keeps deployed values of parameters not given, reads every page of changes, and waits through cleanup', async () => {
    install({
      existing: deployed,
      changePageSize: 1,
      changeSet: [
        {
          Status: 'CREATE_COMPLETE',
          Changes: [change('Modify', 'Table', 'AWS::DynamoDB::Table', 'False'), change('Modify', 'SearchCollection', 'AWS::OpenSearchServerless::Collection', 'True'), change('Add', 'DeadLetterQueueAlarm', 'AWS::CloudWatch::Alarm')],
        },
      ],
      steps: [
        { status: 'UPDATE_IN_PROGRESS', events: [ev('Table', 'UPDATE_IN_PROGRESS', 'AWS::DynamoDB::Table')] },
        { status: 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', events: [ev('Table', 'UPDATE_COMPLETE', 'AWS::DynamoDB::Table')] },
        { status: 'UPDATE_COMPLETE', events: [ev(STACK_NAME, 'UPDATE_COMPLETE', 'AWS::CloudFormation::Stack')], outputs: OUTPUTS },
      ],
    });
    const d = deployer();
    const asked: string[] = [];
    const lookup = (name: string) => async () => (asked.push(name), `looked-up-${name}`);
    const plan = await d.plan({ ...planInput({ EnvironmentName: 'dev', ParseModelId: 'm1' }), defaults: { DataAccessPrincipalArns: lookup('DataAccessPrincipalArns') } });
    expect(plan.type).toBe('UPDATE');
    expect(createInput().ChangeSetType).toBe('UPDATE');
    expect(createInput().Parameters).toEqual([
      { ParameterKey: 'EnvironmentName', ParameterValue: 'dev' },
      { ParameterKey: 'SearchEngine', UsePreviousValue: true },
      { ParameterKey: 'DataAccessPrincipalArns', UsePreviousValue: true },
      { ParameterKey: 'ParseModelId', ParameterValue: 'm1' },
      { ParameterKey: 'EmbedModelId', UsePreviousValue: true },
    ]);
    // The deployed principals are kept: no lookup. AlarmEmail is new to the template and has no
    // default of ours, so it is not sent and the template's own default applies.
    expect(asked).toEqual([]);
    expect(plan.changes.map((c) => c.logicalResourceId)).toEqual(['Table', 'SearchCollection', 'DeadLetterQueueAlarm']);
    expect(describeCounts(countChanges(plan.changes))).toBe('1 to add, 2 to modify (1 replacement), 0 to remove');
    const result = await d.execute(plan);
    expect(result.status).toBe('UPDATE_COMPLETE');
    expect(result.events.map((e) => e.status)).toEqual(['UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE', 'UPDATE_COMPLETE']);
  });

  it('looks a default up only for a parameter the deployed stack does not have yet', async () => {
    install({ existing: stack('UPDATE_COMPLETE', { Parameters: [{ ParameterKey: 'EnvironmentName', ParameterValue: 'dev' }] }), changeSet: [{ Status: 'CREATE_COMPLETE' }] });
    let lookups = 0;
    await deployer().plan({ ...planInput(), defaults: { DataAccessPrincipalArns: async () => (lookups++, 'arn:aws:iam::123456789012:role/new') } });
    expect(lookups).toBe(1);
    expect(createInput().Parameters).toContainEqual({ ParameterKey: 'DataAccessPrincipalArns', ParameterValue: 'arn:aws:iam::123456789012:role/new' });
  });

  it.each([
    "The submitted information didn't contain changes. Submit different information to create a change set.",
    'No updates are to be performed.',
  ])('treats "%s" as a clean no-op: change set deleted, nothing executed, outputs returned', async (reason) => {
    install({ existing: deployed, changeSet: [{ Status: 'FAILED', StatusReason: reason }] });
    const d = deployer();
    const plan = await d.plan(planInput());
    expect(plan).toMatchObject({ status: 'no-changes', changes: [] });
    expect(mock!.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    const result = await d.execute(plan);
    expect(mock!.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(result.outputs).toEqual(OUTPUTS);
    await d.discard(plan); // nothing left to delete
    expect(mock!.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
  });

  it('reports any other change set failure with its reason', async () => {
    install({ existing: deployed, changeSet: [{ Status: 'FAILED', StatusReason: 'Parameter validation failed: parameter value x for SearchEngine is not allowed' }] });
    await expect(deployer().plan(planInput())).rejects.toMatchObject({ code: 'E_CHANGESET_FAILED', message: expect.stringContaining('SearchEngine is not allowed') });
  });

  it('discarding an UPDATE plan never deletes the stack', async () => {
    install({ existing: deployed, changeSet: [{ Status: 'CREATE_COMPLETE', Changes: [change('Modify', 'Table', 'AWS::DynamoDB::Table', 'False')] }] });
    const d = deployer();
    await d.discard(await d.plan(planInput()));
    expect(mock!.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    expect(mock!.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  it.each([
    ['UPDATE_IN_PROGRESS', 'E_STACK_BUSY'],
    ['ROLLBACK_COMPLETE', 'E_STACK_UNUSABLE'],
    ['UPDATE_ROLLBACK_FAILED', 'E_STACK_UNUSABLE'],
  ])('refuses to plan against a stack in %s (%s)', async (status, code) => {
    install({ existing: stack(status) });
    await expect(deployer().plan(planInput())).rejects.toMatchObject({ code });
    expect(mock!.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });
});

describe('failures and rollbacks', () => {
  it('a failed create names the resource that failed and why, root cause first, and says what to do', async () => {
    install({
      steps: [
        { status: 'CREATE_IN_PROGRESS', events: [ev('Bucket', 'CREATE_COMPLETE'), ev('Table', 'CREATE_IN_PROGRESS', 'AWS::DynamoDB::Table')] },
        {
          status: 'ROLLBACK_IN_PROGRESS',
          events: [
            ev('SearchCollection', 'CREATE_FAILED', 'AWS::OpenSearchServerless::Collection', 'No matching security policy of encryption type found for collection name: talent-dev'),
            ev('Table', 'CREATE_FAILED', 'AWS::DynamoDB::Table', 'Resource creation cancelled'),
            ev(STACK_NAME, 'ROLLBACK_IN_PROGRESS', 'AWS::CloudFormation::Stack', 'The following resource(s) failed to create: [Table, SearchCollection].'),
          ],
        },
        { status: 'ROLLBACK_COMPLETE', events: [ev('Bucket', 'DELETE_COMPLETE'), ev(STACK_NAME, 'ROLLBACK_COMPLETE', 'AWS::CloudFormation::Stack')] },
      ],
      changeSet: [{ Status: 'CREATE_COMPLETE', Changes: [change('Add', 'Bucket', 'AWS::S3::Bucket')] }],
    });
    const d = deployer();
    const plan = await d.plan(planInput());
    const seen: string[] = [];
    const err = (await d.execute(plan, { onEvent: (e) => seen.push(e.status) }).catch((e: unknown) => e)) as StackOperationError;
    expect(err).toBeInstanceOf(StackOperationError);
    expect(err.code).toBe('E_DEPLOY_FAILED');
    expect(err.stackStatus).toBe('ROLLBACK_COMPLETE');
    expect(err.failures).toEqual([
      { logicalResourceId: 'SearchCollection', resourceType: 'AWS::OpenSearchServerless::Collection', status: 'CREATE_FAILED', reason: expect.stringContaining('No matching security policy') },
      { logicalResourceId: 'Table', resourceType: 'AWS::DynamoDB::Table', status: 'CREATE_FAILED', reason: 'Resource creation cancelled' },
    ]);
    expect(err.message).toMatch(/ROLLBACK_COMPLETE: SearchCollection \(AWS::OpenSearchServerless::Collection\) CREATE_FAILED: No matching security policy/);
    expect(err.hint).toMatch(/talent destroy/);
    expect(seen).toContain('ROLLBACK_COMPLETE'); // the rollback events were streamed too
  });

  it('a failed update that rolled back says the stack still works', async () => {
    install({
      existing: stack('UPDATE_COMPLETE'),
      steps: [
        { status: 'UPDATE_ROLLBACK_IN_PROGRESS', events: [ev('CliPolicy', 'UPDATE_FAILED', 'AWS::IAM::ManagedPolicy', 'User is not authorized to perform: iam:CreatePolicyVersion')] },
        { status: 'UPDATE_ROLLBACK_COMPLETE', events: [ev(STACK_NAME, 'UPDATE_ROLLBACK_COMPLETE', 'AWS::CloudFormation::Stack')] },
      ],
      changeSet: [{ Status: 'CREATE_COMPLETE', Changes: [change('Modify', 'CliPolicy', 'AWS::IAM::ManagedPolicy', 'False')] }],
    });
    const d = deployer();
    await expect(d.execute(await d.plan(planInput()))).rejects.toMatchObject({
      code: 'E_DEPLOY_FAILED',
      stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
      message: expect.stringContaining('iam:CreatePolicyVersion'),
      hint: expect.stringContaining('still works'),
    });
  });
});

describe('waiting', () => {
  it('gives up after the timeout while the stack is still in progress, and says CloudFormation carries on', async () => {
    install({ steps: [{ status: 'CREATE_IN_PROGRESS', events: [ev('Key', 'CREATE_IN_PROGRESS', 'AWS::KMS::Key')] }], changeSet: [{ Status: 'CREATE_COMPLETE' }] });
    const d = deployer({ timeoutMs: 10_000, now: steppingClock() });
    const err = (await d.execute(await d.plan(planInput())).catch((e: unknown) => e)) as TalentError;
    expect(err.code).toBe('E_DEPLOY_TIMEOUT');
    expect(err.message).toMatch(/still CREATE_IN_PROGRESS/);
    expect(err.hint).toMatch(/continues/);
  });

  it('gives up on a change set that never finishes computing', async () => {
    install({ changeSet: [{ Status: 'CREATE_IN_PROGRESS' }] });
    await expect(deployer({ changeSetTimeoutMs: 5000, now: steppingClock() }).plan(planInput())).rejects.toMatchObject({ code: 'E_DEPLOY_TIMEOUT' });
  });

  it('stops waiting when the signal aborts', async () => {
    install({ steps: [{ status: 'CREATE_IN_PROGRESS', events: [ev('Key', 'CREATE_IN_PROGRESS', 'AWS::KMS::Key')] }], changeSet: [{ Status: 'CREATE_COMPLETE' }] });
    const d = deployer();
    const plan = await d.plan(planInput());
    const controller = new AbortController();
    const run = d.execute(plan, { signal: controller.signal, onEvent: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'E_ABORTED' });
  });
});

describe('AWS errors', () => {
  it('names the missing permission when CreateChangeSet is denied', async () => {
    install({});
    mock!.on(CreateChangeSetCommand).rejects(awsError('AccessDenied', 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudformation:CreateChangeSet', 403));
    await expect(deployer().plan(planInput())).rejects.toMatchObject({ code: 'E_AWS_ACCESS_DENIED', hint: expect.stringContaining('cloudformation:CreateChangeSet') });
  });

  it('turns expired credentials into an AuthError (exit code 4)', async () => {
    install({});
    mock!.on(CreateChangeSetCommand).rejects(awsError('ExpiredToken', 'The security token included in the request is expired', 403));
    await expect(deployer().plan(planInput())).rejects.toBeInstanceOf(AuthError);
  });

  it('rejects parameters the template does not declare', async () => {
    install({});
    await expect(deployer().plan(planInput({ EnvironmentName: 'dev', Nope: '1' }))).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('Nope') });
  });
});
