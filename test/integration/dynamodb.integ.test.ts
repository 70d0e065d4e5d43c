/**
 * The DynamoDB RecordStore on dynalite beyond the contract: batching (25 per
 * BatchWriteItem, 100 per BatchGetItem), the item layout, documents over the
 * 400 KB item limit, conditional writes, cursors and error translation.
 */
import { randomBytes } from 'node:crypto';
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoRecordStore } from '../../src/sdk/aws/dynamo-record-store.js';
import { S3BlobStore } from '../../src/sdk/aws/s3-blob-store.js';
import type { Candidate } from '../../src/sdk/index.js';
import { clearAwsEnv, createTalentTable, dynamoClient, freshTableName, s3Client, startDynalite, startS3rver, type Emulator } from '../helpers/aws-emulators.js';

clearAwsEnv();
const BUCKET = 'talent-dynamo';
let dynalite: Emulator;
let s3rver: Emulator;
let ddb: DynamoDBClient;
let table: string;
let calls: string[] = [];

beforeAll(async () => {
  [dynalite, s3rver] = await Promise.all([startDynalite(), startS3rver([BUCKET])]);
  ddb = dynamoClient(dynalite.endpoint);
  ddb.middlewareStack.add((next, context) => async (args) => {
    calls.push(context.commandName as string);
    return next(args);
  }, { step: 'initialize' });
});
afterAll(async () => {
  ddb?.destroy();
  await Promise.all([dynalite?.close(), s3rver?.close()]);
});
beforeEach(async () => {
  table = freshTableName();
  await createTalentTable(ddb, table);
  calls = [];
});

const overflow = () => new S3BlobStore(s3Client(s3rver.endpoint), { bucket: BUCKET, prefix: 'records/' });
const candidate = (n: number, text = `resume ${n}`): Candidate => ({
  id: `c_${String(n).padStart(16, '0')}`,
  source: `/r/${n}.pdf`,
  contentHash: String(n).padStart(64, '0'),
  mediaType: 'application/pdf',
  text,
  importedAt: '2026-01-01T00:00:00.000Z',
  profile: { name: `P ${n}`, emails: [], phones: [], links: [], skills: [], experience: [], education: [], certifications: [], languages: [], roles: [], totalYears: 1 },
});
const raw = async (pk: string, sk: string) => (await ddb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: pk }, sk: { S: sk } } }))).Item;

describe('DynamoDB RecordStore on dynalite', () => {
  it('writes in BatchWriteItem requests of 25 and reads in BatchGetItem requests of 100, in the order asked', async () => {
    const store = new DynamoRecordStore(ddb, { table });
    await store.putCandidates(Array.from({ length: 60 }, (_, i) => candidate(i)));
    expect(calls.filter((c) => c === 'BatchWriteItemCommand')).toHaveLength(3);
    const ids = [...Array.from({ length: 60 }, (_, i) => candidate(59 - i).id), ...Array.from({ length: 50 }, (_, i) => `c_missing${i}`)];
    calls = [];
    const got = await store.getCandidates(ids);
    expect(calls.filter((c) => c === 'BatchGetItemCommand')).toHaveLength(2);
    expect(got.map((c) => c.id)).toEqual(ids.slice(0, 60));
    expect(await store.countCandidates()).toBe(60);
  });

  it('lays items out as documented: pk/sk per entity, gsi1 per list', async () => {
    const store = new DynamoRecordStore(ddb, { table });
    await store.putCandidates([candidate(1)]);
    await store.putJobs([{ id: 'J-1', title: 'Engineer', description: '', requiredSkills: [], niceToHaveSkills: [], minYears: 0, updatedAt: '2026-01-01T00:00:00.000Z' }]);
    expect(await raw(`CAND#${candidate(1).id}`, 'PROFILE')).toMatchObject({ gsi1pk: { S: 'CANDIDATES' }, gsi1sk: { S: `2026-01-01T00:00:00.000Z#${candidate(1).id}` }, name: { S: 'P 1' }, doc: { S: expect.any(String) } });
    expect(await raw('JOB#J-1', 'JOB')).toMatchObject({ gsi1pk: { S: 'JOBS' }, gsi1sk: { S: 'J-1' }, title: { S: 'Engineer' } });
  });

  it('keeps documents over the item limit whole: gzipped in the item, or in S3 when still too big', async () => {
    const store = new DynamoRecordStore(ddb, { table, overflow: overflow() });
    const repetitive = candidate(1, 'Senior backend engineer, Go and Kubernetes. '.repeat(12_000)); // ~530 KB, compresses well
    const random = candidate(2, randomBytes(700 * 1024).toString('base64')); // ~930 KB that gzip cannot shrink below 300 KB
    await store.putCandidates([repetitive, random]);
    expect(Object.keys((await raw(`CAND#${repetitive.id}`, 'PROFILE'))!)).toContain('docGz');
    expect((await raw(`CAND#${random.id}`, 'PROFILE'))!.docRef?.S).toMatch(/^[0-9a-f]{64}\.gz$/);
    expect(await store.getCandidate(repetitive.id)).toEqual(repetitive);
    expect(await store.getCandidate(random.id)).toEqual(random);
    expect((await store.listCandidates()).items.map((c) => c.text.length).sort()).toEqual([random.text.length, repetitive.text.length].sort());
  });

  it('without an overflow bucket, a record too large for an item is a clear error', async () => {
    const store = new DynamoRecordStore(ddb, { table });
    await expect(store.putCandidates([candidate(3, randomBytes(700 * 1024).toString('base64'))])).rejects.toMatchObject({ code: 'E_RECORD_TOO_LARGE', hint: expect.stringContaining('aws.bucket') });
  });

  it('never lets a late "failed" journal entry overwrite "done", and expires failures with ttl', async () => {
    const store = new DynamoRecordStore(ddb, { table });
    const h = 'f'.repeat(64);
    await store.putJournalEntries([{ contentHash: h, source: '/a.pdf', status: 'failed', errorCode: 'E_X', retryable: true, updatedAt: '2026-01-01T00:00:00.000Z' }]);
    expect(Number((await raw(`FILE#${h}`, 'JOURNAL'))!.ttl?.N)).toBe(Date.parse('2026-01-01T00:00:00.000Z') / 1000 + 90 * 24 * 3600);
    await store.putJournalEntries([{ contentHash: h, source: '/a.pdf', status: 'done', candidateId: 'c_1', updatedAt: '2026-01-02T00:00:00.000Z' }]);
    await store.putJournalEntries([{ contentHash: h, source: '/a.pdf', status: 'failed', errorCode: 'E_LATE', updatedAt: '2026-01-03T00:00:00.000Z' }]);
    expect((await store.getJournalEntries([h])).get(h)).toMatchObject({ status: 'done', candidateId: 'c_1' });
    expect((await raw(`FILE#${h}`, 'JOURNAL'))!.ttl).toBeUndefined();
  });

  it('keeps the newest match result when an older one arrives later', async () => {
    const store = new DynamoRecordStore(ddb, { table });
    await store.putMatches({ jobId: 'J-1', createdAt: '2026-01-02T00:00:00.000Z', matches: [] });
    await store.putMatches({ jobId: 'J-1', createdAt: '2026-01-01T00:00:00.000Z', matches: [] });
    expect((await store.getMatches('J-1'))?.createdAt).toBe('2026-01-02T00:00:00.000Z');
  });

  it('rejects a forged or foreign cursor', async () => {
    const store = new DynamoRecordStore(ddb, { table });
    await store.putJobs([{ id: 'J-1', title: 'x', description: '', requiredSkills: [], niceToHaveSkills: [], minYears: 0, updatedAt: 'now' }]);
    await store.putCandidates([candidate(1), candidate(2)]);
    const page = await store.listCandidates({ limit: 1 });
    expect(page.cursor).toBeTruthy();
    await expect(store.listJobs({ cursor: page.cursor })).rejects.toMatchObject({ code: 'E_BAD_CURSOR' });
    await expect(store.listJobs({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'E_BAD_CURSOR' });
  });

  it('a missing table says to run talent deploy', async () => {
    const store = new DynamoRecordStore(ddb, { table: 'no-such-table' });
    await expect(store.getJob('J-1')).rejects.toMatchObject({ code: 'E_AWS_RESOURCE_NOT_FOUND', hint: expect.stringContaining('talent deploy'), provider: 'aws:dynamodb' });
  });
});
