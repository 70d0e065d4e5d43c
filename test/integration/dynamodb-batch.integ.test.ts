/**
 * What dynalite cannot produce: UnprocessedItems / UnprocessedKeys and
 * throttling. aws-sdk-client-mock answers with the documented shapes
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html,
 * API_BatchGetItem.html, and the ProvisionedThroughputExceededException error).
 */
import { BatchGetItemCommand, BatchWriteItemCommand, DynamoDBClient, ProvisionedThroughputExceededException, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoRecordStore } from '../../src/sdk/aws/dynamo-record-store.js';
import type { Job } from '../../src/sdk/index.js';
import { clearAwsEnv } from '../helpers/aws-emulators.js';

clearAwsEnv();
const ddb = mockClient(DynamoDBClient);
const TABLE = 'talent';
let waits: number[];
const store = (maxBatchAttempts?: number) => new DynamoRecordStore(new DynamoDBClient({ region: 'us-east-1' }), { table: TABLE, sleep: async (ms) => void waits.push(ms), maxBatchAttempts });
const job = (id: string): Job => ({ id, title: 't', description: '', requiredSkills: [], niceToHaveSkills: [], minYears: 0, updatedAt: '2026-01-01T00:00:00.000Z' });
beforeEach(() => {
  ddb.reset();
  waits = [];
});

describe('DynamoDB batches under throttling', () => {
  it('re-sends exactly the UnprocessedItems, with backoff, until none are left', async () => {
    ddb.on(BatchWriteItemCommand).callsFakeOnce((input: { RequestItems: Record<string, WriteRequest[]> }) => ({
      $metadata: {},
      UnprocessedItems: { [TABLE]: input.RequestItems[TABLE]!.slice(1) },
    })).resolves({ $metadata: {}, UnprocessedItems: {} });
    await store().putJobs([job('J-1'), job('J-2'), job('J-3')]);
    const calls = ddb.commandCalls(BatchWriteItemCommand).map((c) => c.args[0].input.RequestItems![TABLE]!.map((r) => r.PutRequest!.Item!.id!.S));
    expect(calls).toEqual([['J-1', 'J-2', 'J-3'], ['J-2', 'J-3']]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(250);
    expect(waits[0]).toBeLessThanOrEqual(500);
  });

  it('gives up after the attempts with a retryable rate-limit error', async () => {
    ddb.on(BatchWriteItemCommand).callsFake((input: { RequestItems: Record<string, WriteRequest[]> }) => ({ $metadata: {}, UnprocessedItems: input.RequestItems }));
    await expect(store(3).putJobs([job('J-1')])).rejects.toMatchObject({ name: 'RateLimitError', code: 'E_AWS_THROTTLED', retryable: true });
    expect(ddb.commandCalls(BatchWriteItemCommand)).toHaveLength(3);
  });

  it('writes each key once per request (BatchWriteItem rejects duplicates): the last version wins', async () => {
    ddb.on(BatchWriteItemCommand).resolves({ $metadata: {}, UnprocessedItems: {} });
    await store().putJobs([job('J-1'), { ...job('J-1'), title: 'newer' }]);
    const items = ddb.commandCalls(BatchWriteItemCommand)[0]!.args[0].input.RequestItems![TABLE]!;
    expect(items).toHaveLength(1);
    expect(items[0]!.PutRequest!.Item!.title).toEqual({ S: 'newer' });
  });

  it('re-asks for UnprocessedKeys of a BatchGetItem', async () => {
    const h = (c: string) => c.repeat(64);
    const item = (hash: string) => ({ pk: { S: `FILE#${hash}` }, sk: { S: 'JOURNAL' }, contentHash: { S: hash }, status: { S: 'done' }, updatedAt: { S: 'now' } });
    ddb
      .on(BatchGetItemCommand)
      .resolvesOnce({ $metadata: {}, Responses: { [TABLE]: [item(h('a'))] }, UnprocessedKeys: { [TABLE]: { Keys: [{ pk: { S: `FILE#${h('b')}` }, sk: { S: 'JOURNAL' } }], ConsistentRead: true } } })
      .resolves({ $metadata: {}, Responses: { [TABLE]: [item(h('b'))] }, UnprocessedKeys: {} });
    const got = await store().getJournalEntries([h('a'), h('b')]);
    expect([...got.keys()].sort()).toEqual([h('a'), h('b')]);
    expect(ddb.commandCalls(BatchGetItemCommand)[1]!.args[0].input.RequestItems![TABLE]!.Keys).toEqual([{ pk: { S: `FILE#${h('b')}` }, sk: { S: 'JOURNAL' } }]);
  });

  it('ProvisionedThroughputExceededException is a retryable RateLimitError with a remedy', async () => {
    ddb.on(BatchWriteItemCommand).rejects(
      new ProvisionedThroughputExceededException({ message: 'The level of configured provisioned throughput for the table was exceeded.', $metadata: { httpStatusCode: 400 } }),
    );
    await expect(store().putJobs([job('J-1')])).rejects.toMatchObject({ name: 'RateLimitError', retryable: true, hint: expect.stringContaining('--concurrency') });
  });
});
