/**
 * Deleting the talent stack. A versioned bucket that still holds objects
 * would make CloudFormation fail half-way, and holds the resumes: so we look
 * first, refuse unless `force`, and with `force` delete every object version
 * and delete marker before DeleteStack.
 */
import { DeleteStackCommand, ListStackResourcesCommand, type ListStackResourcesCommandOutput } from '@aws-sdk/client-cloudformation';
import { DeleteObjectsCommand, ListObjectVersionsCommand, type ObjectIdentifier, type S3Client } from '@aws-sdk/client-s3';
import { TalentError } from '../errors.js';
import { fromAwsError } from './aws-errors.js';
import type { StackDeployer } from './deployer.js';
import { describeStack, regionFromStackId, StackEventStream, waitForStack, type DeployEvent } from './stack.js';

export interface BucketState {
  bucket: string;
  /** False when the bucket is already gone (e.g. removed by a failed create's rollback). */
  exists: boolean;
  /** True when any object version or delete marker remains. */
  nonEmpty: boolean;
}

export interface DestroyPlan {
  stackName: string;
  stackId: string;
  region?: string;
  status: string;
  /** Resources CloudFormation will delete, by logical id and type. */
  resources: Array<{ logicalResourceId: string; resourceType: string; physicalResourceId?: string }>;
  buckets: BucketState[];
}

export interface DestroyResult {
  stackName: string;
  stackId: string;
  region?: string;
  deletedObjectVersions: number;
  events: DeployEvent[];
}

function needS3(deployer: StackDeployer): S3Client {
  if (!deployer.s3) throw new TalentError('Destroying the stack needs an S3 client', { code: 'E_INTERNAL', hint: 'Pass `s3` to new StackDeployer({ … }).' });
  return deployer.s3;
}

/** What `destroy` would delete; undefined when the stack does not exist. */
export async function planDestroy(deployer: StackDeployer, stackName: string, signal?: AbortSignal): Promise<DestroyPlan | undefined> {
  const stack = await describeStack(deployer.cloudformation, stackName, signal);
  if (!stack || stack.StackStatus === 'DELETE_COMPLETE') return undefined;
  const stackId = stack.StackId ?? stackName;
  const resources: DestroyPlan['resources'] = [];
  let token: string | undefined;
  do {
    let page: ListStackResourcesCommandOutput;
    try {
      page = await deployer.cloudformation.send(new ListStackResourcesCommand({ StackName: stackId, NextToken: token }), { abortSignal: signal });
    } catch (err) {
      throw fromAwsError(err, 'cloudformation:ListStackResources');
    }
    for (const r of page.StackResourceSummaries ?? []) {
      if (r.ResourceStatus === 'DELETE_COMPLETE') continue;
      resources.push({ logicalResourceId: r.LogicalResourceId ?? '', resourceType: r.ResourceType ?? '', ...(r.PhysicalResourceId ? { physicalResourceId: r.PhysicalResourceId } : {}) });
    }
    token = page.NextToken;
  } while (token);
  const buckets: BucketState[] = [];
  for (const r of resources) {
    if (r.resourceType === 'AWS::S3::Bucket' && r.physicalResourceId) buckets.push(await bucketState(needS3(deployer), r.physicalResourceId, signal));
  }
  return { stackName: stack.StackName ?? stackName, stackId, region: regionFromStackId(stackId), status: stack.StackStatus ?? 'UNKNOWN', resources, buckets };
}

async function bucketState(s3: S3Client, bucket: string, signal?: AbortSignal): Promise<BucketState> {
  try {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1 }), { abortSignal: signal });
    return { bucket, exists: true, nonEmpty: (page.Versions?.length ?? 0) + (page.DeleteMarkers?.length ?? 0) > 0 };
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchBucket') return { bucket, exists: false, nonEmpty: false };
    throw fromAwsError(err, 's3:ListBucketVersions');
  }
}

/**
 * Deletes every object version and delete marker in a bucket, 1,000 at a time
 * (the DeleteObjects limit). Returns how many were deleted; any per-key error fails the whole call.
 */
export async function emptyBucket(s3: S3Client, bucket: string, opts: { signal?: AbortSignal; onProgress?: (deleted: number) => void } = {}): Promise<number> {
  let deleted = 0;
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  for (;;) {
    // Markers move forward, so deleting the page just listed does not disturb the listing.
    let page;
    try {
      page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }), {
        abortSignal: opts.signal,
      });
    } catch (err) {
      throw fromAwsError(err, 's3:ListBucketVersions');
    }
    const objects: ObjectIdentifier[] = [
      ...(page.Versions ?? []).map((v) => ({ Key: v.Key!, VersionId: v.VersionId })),
      ...(page.DeleteMarkers ?? []).map((m) => ({ Key: m.Key!, VersionId: m.VersionId })),
    ];
    for (let i = 0; i < objects.length; i += 1000) {
      const batch = objects.slice(i, i + 1000);
      let out;
      try {
        out = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }), { abortSignal: opts.signal });
      } catch (err) {
        throw fromAwsError(err, 's3:DeleteObjectVersion');
      }
      if (out.Errors && out.Errors.length > 0) {
        const e = out.Errors[0]!;
        throw new TalentError(`Could not delete ${out.Errors.length} object version(s) in s3://${bucket}, e.g. ${e.Key} (${e.Code}: ${e.Message})`, {
          code: 'E_BUCKET_EMPTY_FAILED',
          fault: e.Code === 'AccessDenied' ? 'user' : 'provider',
          hint: e.Code === 'AccessDenied' ? 'Grant s3:DeleteObjectVersion on the bucket to the identity that runs `talent destroy`.' : 'Run the command again.',
        });
      }
      deleted += batch.length;
      opts.onProgress?.(deleted);
    }
    if (!page.IsTruncated) return deleted;
    keyMarker = page.NextKeyMarker;
    versionIdMarker = page.NextVersionIdMarker;
  }
}

/**
 * Deletes the stack and waits for DELETE_COMPLETE. Refuses (`E_BUCKET_NOT_EMPTY`)
 * when a bucket still holds objects unless `force`, which empties it first.
 */
export async function destroyStack(
  deployer: StackDeployer,
  plan: DestroyPlan,
  opts: { force?: boolean; onEvent?: (e: DeployEvent) => void; onEmptying?: (bucket: string, deleted: number) => void; signal?: AbortSignal } = {},
): Promise<DestroyResult> {
  let deletedObjectVersions = 0;
  for (const b of plan.buckets) {
    // Look again: objects may have arrived since the plan.
    const now = await bucketState(needS3(deployer), b.bucket, opts.signal);
    if (!now.nonEmpty) continue;
    if (!opts.force) throw bucketNotEmpty(b.bucket);
    deletedObjectVersions += await emptyBucket(needS3(deployer), b.bucket, { signal: opts.signal, onProgress: (n) => opts.onEmptying?.(b.bucket, n) });
  }
  const events = new StackEventStream(deployer.cloudformation, plan.stackId);
  await events.baseline(opts.signal);
  try {
    await deployer.cloudformation.send(new DeleteStackCommand({ StackName: plan.stackId }), { abortSignal: opts.signal });
  } catch (err) {
    throw fromAwsError(err, 'cloudformation:DeleteStack');
  }
  await waitForStack(deployer.cloudformation, plan.stackId, 'delete', events, {
    pollIntervalMs: deployer.pollIntervalMs,
    timeoutMs: deployer.timeoutMs,
    signal: opts.signal,
    onEvent: opts.onEvent,
    now: deployer.now,
  });
  return { stackName: plan.stackName, stackId: plan.stackId, region: plan.region, deletedObjectVersions, events: events.events };
}

/** The refusal, shared by the plan check and the last-moment check. */
export function bucketNotEmpty(bucket: string): TalentError {
  return new TalentError(`Bucket s3://${bucket} is not empty: it holds the uploaded resumes`, {
    code: 'E_BUCKET_NOT_EMPTY',
    fault: 'user',
    hint: 'Pass --force to delete every object version in it together with the stack (this cannot be undone), or copy what you need first.',
  });
}
