/**
 * The single-table item layout (documented in src/sdk/aws/README.md) and the
 * encoding of large documents. Table keys are fixed, the CloudFormation
 * template creates exactly these: pk (S) / sk (S), GSI `gsi1` on gsi1pk (S) /
 * gsi1sk (S) projecting ALL attributes, TTL attribute `ttl`.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../errors.js';
import type { BlobStore } from '../ports/index.js';

export type Item = Record<string, AttributeValue>;

export const GSI = 'gsi1';
export const keys = {
  candidate: (id: string) => ({ pk: { S: `CAND#${id}` }, sk: { S: 'PROFILE' } }),
  job: (id: string) => ({ pk: { S: `JOB#${id}` }, sk: { S: 'JOB' } }),
  matches: (jobId: string) => ({ pk: { S: `JOB#${jobId}` }, sk: { S: 'MATCHES' } }),
  journal: (contentHash: string) => ({ pk: { S: `FILE#${contentHash}` }, sk: { S: 'JOURNAL' } }),
};
/** GSI partitions that list one entity type. */
export const LISTS = { candidates: 'CANDIDATES', jobs: 'JOBS' } as const;

/**
 * DynamoDB items are at most 400 KB, attribute names included. A document
 * (a candidate with its resume text, a match list with explanations) is
 * stored inline as JSON up to 300 KB; above that gzipped (resume text
 * shrinks 3–5×) up to 300 KB; above that the gzipped JSON goes to S3 under
 * `records/<sha256>.gz` and the item keeps the key. The 100 KB margin covers
 * the other attributes. Nothing is ever truncated.
 */
export const INLINE_MAX_BYTES = 300 * 1024;

export async function encodeDoc(value: unknown, overflow?: BlobStore): Promise<Item> {
  const json = JSON.stringify(value);
  if (Buffer.byteLength(json, 'utf8') <= INLINE_MAX_BYTES) return { doc: { S: json } };
  const gz = gzipSync(json);
  if (gz.length <= INLINE_MAX_BYTES) return { docGz: { B: gz } };
  if (!overflow) {
    throw new ValidationError(`A record of ${(gz.length / 1024).toFixed(0)} KB gzipped is over DynamoDB's 400 KB item limit and no S3 bucket is configured for overflow`, {
      code: 'E_RECORD_TOO_LARGE',
      hint: 'Set aws.bucket so large records can be kept in S3.',
    });
  }
  const { key } = await overflow.put(gz, { extension: 'gz', contentType: 'application/gzip' });
  return { docRef: { S: key } };
}

export async function decodeDoc<T>(item: Item, overflow?: BlobStore): Promise<T> {
  if (item.doc?.S !== undefined) return JSON.parse(item.doc.S) as T;
  if (item.docGz?.B) return JSON.parse(gunzipSync(item.docGz.B).toString('utf8')) as T;
  if (item.docRef?.S && overflow) return JSON.parse(gunzipSync(await overflow.get(item.docRef.S)).toString('utf8')) as T;
  throw new ValidationError(`Item ${item.pk?.S}/${item.sk?.S} has no document (or it is in S3 and no bucket is configured)`, {
    code: 'E_RECORD_CORRUPT',
    hint: 'Check aws.bucket; re-import the resume or re-ingest the job to rewrite the item.',
  });
}

/** Cursor = the Query's LastEvaluatedKey, base64url-encoded JSON; checked against the list it came from. */
export function encodeCursor(lastEvaluatedKey: Item | undefined): string | undefined {
  return lastEvaluatedKey ? Buffer.from(JSON.stringify(lastEvaluatedKey), 'utf8').toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined, list: string): Item | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const k = key as Item | undefined;
  if (!k || typeof k !== 'object' || k.gsi1pk?.S !== list || typeof k.pk?.S !== 'string' || typeof k.sk?.S !== 'string' || typeof k.gsi1sk?.S !== 'string') {
    throw new ValidationError('Invalid page cursor', { code: 'E_BAD_CURSOR', field: 'cursor', hint: 'Pass back the cursor exactly as the previous page returned it.' });
  }
  return { pk: k.pk, sk: k.sk, gsi1pk: k.gsi1pk, gsi1sk: k.gsi1sk };
}

/** BatchWriteItem rejects a request that names one key twice; the last write of a key wins, as in a loop of PutItems. */
export function lastPerKey<T extends { PutRequest?: { Item?: Item }; DeleteRequest?: { Key?: Item } }>(requests: T[]): T[] {
  const byKey = new Map<string, T>();
  for (const r of requests) {
    const k = r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {};
    byKey.delete(`${k.pk?.S}\u0000${k.sk?.S}`);
    byKey.set(`${k.pk?.S}\u0000${k.sk?.S}`, r);
  }
  return [...byKey.values()];
}

export const chunk = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** String attributes are left out when empty: DynamoDB rejects empty key attributes, and absent reads back as undefined. */
export const s = (v: string | undefined | null): AttributeValue | undefined => (v ? { S: v } : undefined);

export function compact(item: Record<string, AttributeValue | undefined>): Item {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as Item;
}
