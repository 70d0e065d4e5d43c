/**
 * The S3 BlobStore on s3rver beyond the contract: multipart through
 * lib-storage, idempotent re-upload (HeadObject first), SSE-KMS headers on
 * the wire, and errors with remedies.
 */
import { createHash, randomBytes } from 'node:crypto';
import { HeadObjectCommand, S3Client, type S3Client as S3 } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { S3BlobStore } from '../../src/sdk/aws/s3-blob-store.js';
import { clearAwsEnv, REGION, s3Client, startS3rver, type Emulator } from '../helpers/aws-emulators.js';

clearAwsEnv();
const BUCKET = 'talent-s3';
let s3rver: Emulator;
let s3: S3;
let calls: Array<{ command: string; headers: Record<string, string> }>;

beforeAll(async () => {
  s3rver = await startS3rver([BUCKET]);
  s3 = s3Client(s3rver.endpoint);
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push({ command: context.commandName as string, headers: { ...((args.request as { headers?: Record<string, string> }).headers ?? {}) } });
      return next(args);
    },
    { step: 'finalizeRequest' },
  );
});
afterAll(async () => {
  s3?.destroy();
  await s3rver?.close();
});
beforeEach(() => {
  calls = [];
});

describe('S3 BlobStore on s3rver', () => {
  it('uploads a large file in parts through lib-storage and reads back the same bytes', async () => {
    const store = new S3BlobStore(s3, { bucket: BUCKET, multipartThreshold: 5 * 1024 * 1024, partSize: 5 * 1024 * 1024 });
    const bytes = randomBytes(11 * 1024 * 1024);
    const { key, sha256 } = await store.put(bytes, { extension: 'pdf' });
    expect(key).toBe(`${createHash('sha256').update(bytes).digest('hex')}.pdf`);
    const commands = calls.map((c) => c.command);
    expect(commands).toContain('CreateMultipartUploadCommand');
    expect(commands.filter((c) => c === 'UploadPartCommand')).toHaveLength(3);
    expect(commands).toContain('CompleteMultipartUploadCommand');
    expect(commands).not.toContain('PutObjectCommand');
    expect(Buffer.from(await store.get(key)).equals(bytes)).toBe(true);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `resumes/${key}` }));
    expect(head.Metadata?.sha256).toBe(sha256);
  });

  it('re-uploading the same bytes costs one HeadObject and no PUT', async () => {
    const store = new S3BlobStore(s3, { bucket: BUCKET });
    const bytes = new TextEncoder().encode('the same resume');
    await store.put(bytes);
    calls = [];
    await store.put(bytes, {});
    expect(calls.map((c) => c.command)).toEqual(['HeadObjectCommand']);
  });

  it('asks for SSE-KMS with the configured key', async () => {
    const store = new S3BlobStore(s3, { bucket: BUCKET, kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' });
    await store.put(new TextEncoder().encode(`kms ${Date.now()}`));
    const put = calls.find((c) => c.command === 'PutObjectCommand')!;
    expect(put.headers['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(put.headers['x-amz-server-side-encryption-aws-kms-key-id']).toContain(':key/1234abcd');
    expect(put.headers['x-amz-server-side-encryption-bucket-key-enabled']).toBe('true');
  });

  it('keeps keys under the resumes/ prefix and refuses keys that are not content hashes', async () => {
    const store = new S3BlobStore(s3, { bucket: BUCKET });
    expect(store.objectKey('a'.repeat(64) + '.pdf')).toBe(`resumes/${'a'.repeat(64)}.pdf`);
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'E_VALIDATION', field: 'key' });
  });

  it('a missing bucket says how to create it', async () => {
    const store = new S3BlobStore(s3, { bucket: 'no-such-bucket' });
    await expect(store.put(new TextEncoder().encode('x'))).rejects.toMatchObject({ code: 'E_AWS_RESOURCE_NOT_FOUND', hint: expect.stringContaining('talent deploy') });
  });

  it('bad credentials are a credentials error (exit 4) with the fix', async () => {
    const wrong = new S3Client({ endpoint: s3rver.endpoint, region: REGION, forcePathStyle: true, maxAttempts: 1, credentials: { accessKeyId: 'AKIAWRONG', secretAccessKey: 'wrong' } });
    const store = new S3BlobStore(wrong, { bucket: BUCKET });
    await expect(store.get('b'.repeat(64))).rejects.toMatchObject({ name: 'AuthError', code: 'E_AWS_CREDENTIALS', hint: expect.stringContaining('aws configure') });
    wrong.destroy();
  });
});
