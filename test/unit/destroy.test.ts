/** Destroying the stack: the bucket check, --force emptying every version, and waiting for DELETE_COMPLETE. */
import { CloudFormationClient, DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { DeleteObjectsCommand, ListObjectVersionsCommand, S3Client, type DeleteObjectsCommandInput } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { destroyStack, planDestroy, StackDeployer } from '../../src/sdk/deploy/index.js';
import { ev, OUTPUTS, REGION, scriptCloudFormation, stack, STACK_ID, STACK_NAME, type Script } from './deploy-fakes.js';

const creds = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const BUCKET = OUTPUTS.BucketName;
const resources = [
  { LogicalResourceId: 'Bucket', ResourceType: 'AWS::S3::Bucket', PhysicalResourceId: BUCKET, ResourceStatus: 'CREATE_COMPLETE' as const, LastUpdatedTimestamp: new Date() },
  { LogicalResourceId: 'Table', ResourceType: 'AWS::DynamoDB::Table', PhysicalResourceId: 'talent-dev', ResourceStatus: 'CREATE_COMPLETE' as const, LastUpdatedTimestamp: new Date() },
];
const deleting: Script['steps'] = [
  { status: 'DELETE_IN_PROGRESS', events: [ev(STACK_NAME, 'DELETE_IN_PROGRESS', 'AWS::CloudFormation::Stack', 'User Initiated'), ev('Table', 'DELETE_IN_PROGRESS', 'AWS::DynamoDB::Table')] },
  { status: 'DELETE_COMPLETE', events: [ev('Table', 'DELETE_COMPLETE', 'AWS::DynamoDB::Table'), ev('Bucket', 'DELETE_COMPLETE')] },
];

const s3 = mockClient(S3Client);
let cfn: ReturnType<typeof scriptCloudFormation> | undefined;
afterEach(() => {
  cfn?.restore();
  s3.reset();
});

function setup(script: Script) {
  cfn = scriptCloudFormation({ existing: stack('CREATE_COMPLETE'), resources, steps: deleting, ...script });
  return new StackDeployer({ cloudformation: new CloudFormationClient({ region: REGION, credentials: creds }), s3: new S3Client({ region: REGION, credentials: creds }), pollIntervalMs: 1 });
}

const versions = (keys: string[]) => keys.map((Key, i) => ({ Key, VersionId: `v${i}`, IsLatest: true }));

describe('talent destroy, in the SDK', () => {
  it('finds nothing to do when the stack does not exist', async () => {
    const d = setup({ existing: undefined });
    expect(await planDestroy(d, STACK_NAME)).toBeUndefined();
  });

  it('refuses a non-empty bucket without force and never calls DeleteStack', async () => {
    const d = setup({});
    s3.on(ListObjectVersionsCommand).resolves({ Versions: versions(['resumes/ab12']), IsTruncated: false });
    const plan = await planDestroy(d, STACK_NAME);
    expect(plan).toMatchObject({ stackId: STACK_ID, region: REGION, buckets: [{ bucket: BUCKET, exists: true, nonEmpty: true }] });
    expect(plan!.resources.map((r) => r.logicalResourceId)).toEqual(['Bucket', 'Table']);
    await expect(destroyStack(d, plan!)).rejects.toMatchObject({ code: 'E_BUCKET_NOT_EMPTY', message: expect.stringContaining(BUCKET), hint: expect.stringContaining('--force') });
    expect(s3.commandCalls(DeleteObjectsCommand)).toHaveLength(0);
    expect(cfn!.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  it('counts a bucket holding only delete markers as non-empty (CloudFormation could not delete it)', async () => {
    const d = setup({});
    s3.on(ListObjectVersionsCommand).resolves({ DeleteMarkers: [{ Key: 'resumes/gone', VersionId: 'dm1', IsLatest: true }] });
    expect((await planDestroy(d, STACK_NAME))!.buckets[0]!.nonEmpty).toBe(true);
  });

  it('with force, deletes every object version and delete marker page by page, then the stack', async () => {
    const d = setup({});
    s3.on(ListObjectVersionsCommand, { MaxKeys: 1 }).resolves({ Versions: versions(['resumes/a']) });
    s3.on(ListObjectVersionsCommand, { MaxKeys: 1000 })
      .resolvesOnce({
        Versions: versions(['resumes/a', 'resumes/b']),
        DeleteMarkers: [{ Key: 'resumes/c', VersionId: 'dm1' }],
        IsTruncated: true,
        NextKeyMarker: 'resumes/c',
        NextVersionIdMarker: 'dm1',
      })
      .resolvesOnce({ Versions: versions(['resumes/d']), IsTruncated: false });
    s3.on(DeleteObjectsCommand).resolves({ Errors: [] });
    const plan = await planDestroy(d, STACK_NAME);
    const events: string[] = [];
    const result = await destroyStack(d, plan!, { force: true, onEvent: (e) => events.push(`${e.logicalResourceId} ${e.status}`) });

    const deletes = s3.commandCalls(DeleteObjectsCommand).map((c) => (c.args[0].input as DeleteObjectsCommandInput).Delete!.Objects);
    expect(deletes).toEqual([
      [
        { Key: 'resumes/a', VersionId: 'v0' },
        { Key: 'resumes/b', VersionId: 'v1' },
        { Key: 'resumes/c', VersionId: 'dm1' },
      ],
      [{ Key: 'resumes/d', VersionId: 'v0' }],
    ]);
    // The second listing continues from the first page's markers.
    const listings = s3.commandCalls(ListObjectVersionsCommand).map((c) => c.args[0].input).filter((i) => i.MaxKeys === 1000);
    expect(listings[1]).toMatchObject({ KeyMarker: 'resumes/c', VersionIdMarker: 'dm1' });
    expect(cfn!.commandCalls(DeleteStackCommand)[0]!.args[0].input).toEqual({ StackName: STACK_ID });
    expect(result.deletedObjectVersions).toBe(4);
    expect(events).toEqual([`${STACK_NAME} DELETE_IN_PROGRESS`, 'Table DELETE_IN_PROGRESS', 'Table DELETE_COMPLETE', 'Bucket DELETE_COMPLETE']);
  });

  it('stops when S3 refuses to delete some versions, before touching the stack', async () => {
    const d = setup({});
    s3.on(ListObjectVersionsCommand).resolves({ Versions: versions(['resumes/a']) });
    s3.on(DeleteObjectsCommand).resolves({ Errors: [{ Key: 'resumes/a', VersionId: 'v0', Code: 'AccessDenied', Message: 'Access Denied' }] });
    const plan = await planDestroy(d, STACK_NAME);
    await expect(destroyStack(d, plan!, { force: true })).rejects.toMatchObject({ code: 'E_BUCKET_EMPTY_FAILED', hint: expect.stringContaining('s3:DeleteObjectVersion') });
    expect(cfn!.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  it('deletes an empty stack without force and waits until it is gone', async () => {
    const d = setup({ steps: [deleting[0]!, { status: 'GONE' }] });
    s3.on(ListObjectVersionsCommand).resolves({});
    const plan = await planDestroy(d, STACK_NAME);
    const result = await destroyStack(d, plan!);
    expect(result.deletedObjectVersions).toBe(0);
    expect(s3.commandCalls(DeleteObjectsCommand)).toHaveLength(0);
  });

  it('reports a failed delete with the resource and reason', async () => {
    const d = setup({
      steps: [
        { status: 'DELETE_IN_PROGRESS', events: [] },
        { status: 'DELETE_FAILED', events: [ev('Bucket', 'DELETE_FAILED', 'AWS::S3::Bucket', 'The bucket you tried to delete is not empty. You must delete all versions in the bucket.')] },
      ],
    });
    s3.on(ListObjectVersionsCommand).resolves({});
    const plan = await planDestroy(d, STACK_NAME);
    await expect(destroyStack(d, plan!)).rejects.toMatchObject({ code: 'E_DEPLOY_FAILED', stackStatus: 'DELETE_FAILED', failures: [expect.objectContaining({ logicalResourceId: 'Bucket' })] });
  });

  it('treats a bucket that no longer exists as nothing to empty', async () => {
    const d = setup({});
    s3.on(ListObjectVersionsCommand).rejects(Object.assign(new Error('The specified bucket does not exist'), { name: 'NoSuchBucket' }));
    expect((await planDestroy(d, STACK_NAME))!.buckets).toEqual([{ bucket: BUCKET, exists: false, nonEmpty: false }]);
  });
});
