import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { NotFoundError, ValidationError } from '../errors.js';
import type { BlobStore } from '../ports/index.js';
import { awsCall, isAwsNotFound, translateAwsError } from './errors.js';

const KEY = /^[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/;

export interface S3BlobStoreOptions {
  bucket: string;
  /** Prefix of every object key. Default `resumes/`. */
  prefix?: string;
  /** SSE-KMS with this key when set; the bucket's default encryption (SSE-S3) otherwise. */
  kmsKeyId?: string;
  /** Files at least this large go up as a multipart upload. Default 8 MiB. */
  multipartThreshold?: number;
  /** Part size of a multipart upload (S3's minimum is 5 MiB). Default 8 MiB. */
  partSize?: number;
}

/**
 * Original documents in S3 under content-addressed keys
 * (`resumes/<sha256>.<ext>`). A HeadObject first makes re-uploads free: the
 * same bytes always map to the same key, so an existing object is the same
 * document. Large files go up in parts through lib-storage's `Upload`, which
 * aborts the multipart upload if a part fails (s3:AbortMultipartUpload).
 */
export class S3BlobStore implements BlobStore {
  readonly bucket: string;
  readonly prefix: string;
  private readonly kmsKeyId?: string;
  private readonly multipartThreshold: number;
  private readonly partSize: number;

  constructor(private readonly s3: S3Client, options: S3BlobStoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? 'resumes/';
    this.kmsKeyId = options.kmsKeyId;
    this.partSize = Math.max(5 * 1024 * 1024, options.partSize ?? 8 * 1024 * 1024);
    this.multipartThreshold = options.multipartThreshold ?? 8 * 1024 * 1024;
  }

  /** The S3 object key of a blob key, e.g. for Textract's S3Object. */
  objectKey(key: string): string {
    if (!KEY.test(key)) throw new ValidationError(`Invalid blob key "${key}"`, { field: 'key' });
    return `${this.prefix}${key}`;
  }

  async put(bytes: Uint8Array, options: { extension?: string; contentType?: string } = {}): Promise<{ key: string; sha256: string }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const ext = options.extension?.replace(/^\./, '').toLowerCase();
    const key = ext && /^[a-z0-9]{1,10}$/.test(ext) ? `${sha256}.${ext}` : sha256;
    if (await this.has(key)) return { key, sha256 };
    const params = {
      Bucket: this.bucket,
      Key: this.objectKey(key),
      Body: bytes,
      ContentType: options.contentType ?? 'application/octet-stream',
      // Lets anyone verify the object against its key without downloading it.
      Metadata: { sha256 },
      ...(this.kmsKeyId ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: this.kmsKeyId, BucketKeyEnabled: true } : {}),
    };
    if (bytes.length >= this.multipartThreshold) {
      const { Upload } = await import('@aws-sdk/lib-storage');
      const upload = new Upload({ client: this.s3, params, partSize: this.partSize, queueSize: 2, leavePartsOnError: false });
      await awsCall({ service: 's3', operation: 'CreateMultipartUpload', resource: `s3://${this.bucket}/${params.Key}` }, () => upload.done());
    } else {
      const { PutObjectCommand } = await import('@aws-sdk/client-s3');
      await awsCall({ service: 's3', operation: 'PutObject', resource: `s3://${this.bucket}/${params.Key}` }, () => this.s3.send(new PutObjectCommand(params)));
    }
    return { key, sha256 };
  }

  async get(key: string): Promise<Uint8Array> {
    const { GetObjectCommand } = await import('@aws-sdk/client-s3');
    const Key = this.objectKey(key);
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
      if (!out.Body) throw new NotFoundError(`No blob "${key}"`, { code: 'E_BLOB_NOT_FOUND' });
      return await out.Body.transformToByteArray();
    } catch (err) {
      if (isAwsNotFound(err)) throw new NotFoundError(`No blob "${key}" in s3://${this.bucket}/${Key}`, { code: 'E_BLOB_NOT_FOUND', cause: err });
      throw translateAwsError(err, { service: 's3', operation: 'GetObject', resource: `s3://${this.bucket}/${Key}` });
    }
  }

  async has(key: string): Promise<boolean> {
    const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
    const Key = this.objectKey(key);
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      return true;
    } catch (err) {
      // Without s3:ListBucket S3 answers 403 for a missing key; that case is translated into a hint naming it.
      if (isAwsNotFound(err)) return false;
      throw translateAwsError(err, { service: 's3', operation: 'HeadObject', resource: `s3://${this.bucket}/${Key}` });
    }
  }

  async delete(key: string): Promise<void> {
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
    const Key = this.objectKey(key);
    await awsCall({ service: 's3', operation: 'DeleteObject', resource: `s3://${this.bucket}/${Key}` }, () =>
      this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key })),
    );
  }
}
