import type { DynamoDBClient, KeysAndAttributes, QueryCommandOutput, WriteRequest } from '@aws-sdk/client-dynamodb';
import { backoffDelayMs, RateLimitError } from '../errors.js';
import type { Candidate, Job } from '../model/index.js';
import type { BlobStore, JournalEntry, Page, RecordStore, StoredMatches } from '../ports/index.js';
import { chunk, compact, decodeCursor, decodeDoc, encodeCursor, encodeDoc, GSI, keys, lastPerKey, LISTS, s, type Item } from './dynamo-codec.js';
import { awsCall, sleep as realSleep } from './errors.js';

const DEFAULT_PAGE = 100;
/** Failed journal entries expire after 90 days (TTL attribute `ttl`); a failed file is retried on the next import anyway. */
const FAILED_TTL_SECONDS = 90 * 24 * 3600;

export interface DynamoRecordStoreOptions {
  table: string;
  /** Where documents too large for an item go (see dynamo-codec.ts). */
  overflow?: BlobStore;
  /** BatchWriteItem/BatchGetItem rounds with unprocessed items before giving up. Default 8. */
  maxBatchAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called by close(), e.g. to destroy the SDK clients the store was built with. */
  onClose?: () => Promise<void> | void;
}

/**
 * Candidates, jobs, match results and the import journal in one DynamoDB
 * table (layout: src/sdk/aws/README.md). Writes go in BatchWriteItem requests
 * of 25 with UnprocessedItems retried under backoff; reads of many ids go in
 * BatchGetItem requests of 100; lists are paginated Queries on the `gsi1`
 * index with the LastEvaluatedKey as the cursor. Conditional writes keep a
 * newer match result from being replaced by an older one and a `done` journal
 * entry from being overwritten by a late `failed` one.
 */
export class DynamoRecordStore implements RecordStore {
  private readonly table: string;
  private readonly maxBatchAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly ddb: DynamoDBClient, private readonly options: DynamoRecordStoreOptions) {
    this.table = options.table;
    this.maxBatchAttempts = options.maxBatchAttempts ?? 8;
    this.sleep = options.sleep ?? realSleep;
  }

  private get sdk() {
    return import('@aws-sdk/client-dynamodb');
  }

  async putCandidates(candidates: Candidate[]): Promise<void> {
    const items = await Promise.all(
      candidates.map(async (c) =>
        compact({
          ...keys.candidate(c.id),
          gsi1pk: { S: LISTS.candidates },
          gsi1sk: { S: `${c.importedAt}#${c.id}` },
          entity: { S: 'candidate' },
          id: { S: c.id },
          name: s(c.profile.name),
          source: s(c.source),
          contentHash: s(c.contentHash),
          importedAt: s(c.importedAt),
          ...(await encodeDoc(c, this.options.overflow)),
        }),
      ),
    );
    await this.batchWrite(items.map((Item) => ({ PutRequest: { Item } })));
  }

  async getCandidate(id: string): Promise<Candidate | undefined> {
    const { GetItemCommand } = await this.sdk;
    const out = await awsCall({ service: 'dynamodb', operation: 'GetItem', resource: this.table }, () =>
      this.ddb.send(new GetItemCommand({ TableName: this.table, Key: keys.candidate(id), ConsistentRead: true })),
    );
    return out.Item ? decodeDoc<Candidate>(out.Item, this.options.overflow) : undefined;
  }

  async getCandidates(ids: string[]): Promise<Candidate[]> {
    const found = await this.batchGet([...new Set(ids)].map((id) => keys.candidate(id)));
    const byId = new Map<string, Candidate>();
    for (const item of found) {
      const c = await decodeDoc<Candidate>(item, this.options.overflow);
      byId.set(c.id, c);
    }
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  listCandidates(options: { limit?: number; cursor?: string } = {}): Promise<Page<Candidate>> {
    return this.list<Candidate>(LISTS.candidates, options);
  }

  /** A COUNT query over the candidates' index partition: it reads (and bills) every candidate item, so use it sparingly. */
  async countCandidates(): Promise<number> {
    const { QueryCommand } = await this.sdk;
    let count = 0;
    let start: Item | undefined;
    do {
      const out: QueryCommandOutput = await awsCall({ service: 'dynamodb', operation: 'Query', resource: `${this.table}/${GSI}` }, () =>
        this.ddb.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: GSI,
            KeyConditionExpression: 'gsi1pk = :p',
            ExpressionAttributeValues: { ':p': { S: LISTS.candidates } },
            Select: 'COUNT',
            ExclusiveStartKey: start,
          }),
        ),
      );
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return count;
  }

  async putJobs(jobs: Job[]): Promise<void> {
    const items = await Promise.all(
      jobs.map(async (j) =>
        compact({
          ...keys.job(j.id),
          gsi1pk: { S: LISTS.jobs },
          gsi1sk: { S: j.id },
          entity: { S: 'job' },
          id: { S: j.id },
          title: s(j.title),
          updatedAt: s(j.updatedAt),
          ...(await encodeDoc(j, this.options.overflow)),
        }),
      ),
    );
    await this.batchWrite(items.map((Item) => ({ PutRequest: { Item } })));
  }

  async getJob(id: string): Promise<Job | undefined> {
    const { GetItemCommand } = await this.sdk;
    const out = await awsCall({ service: 'dynamodb', operation: 'GetItem', resource: this.table }, () =>
      this.ddb.send(new GetItemCommand({ TableName: this.table, Key: keys.job(id), ConsistentRead: true })),
    );
    return out.Item ? decodeDoc<Job>(out.Item, this.options.overflow) : undefined;
  }

  listJobs(options: { limit?: number; cursor?: string } = {}): Promise<Page<Job>> {
    return this.list<Job>(LISTS.jobs, options);
  }

  /** Keeps the newest result per job: a write older than the stored one is dropped, so out-of-order writers cannot regress it. */
  async putMatches(result: StoredMatches): Promise<void> {
    const { PutItemCommand } = await this.sdk;
    const Item = compact({ ...keys.matches(result.jobId), entity: { S: 'matches' }, jobId: { S: result.jobId }, createdAt: { S: result.createdAt }, ...(await encodeDoc(result, this.options.overflow)) });
    try {
      await this.ddb.send(
        new PutItemCommand({
          TableName: this.table,
          Item,
          ConditionExpression: 'attribute_not_exists(pk) OR createdAt <= :c',
          ExpressionAttributeValues: { ':c': { S: result.createdAt } },
        }),
      );
    } catch (err) {
      if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return;
      await awsCall({ service: 'dynamodb', operation: 'PutItem', resource: this.table }, () => Promise.reject(err));
    }
  }

  async getMatches(jobId: string): Promise<StoredMatches | undefined> {
    const { GetItemCommand } = await this.sdk;
    const out = await awsCall({ service: 'dynamodb', operation: 'GetItem', resource: this.table }, () =>
      this.ddb.send(new GetItemCommand({ TableName: this.table, Key: keys.matches(jobId), ConsistentRead: true })),
    );
    return out.Item ? decodeDoc<StoredMatches>(out.Item, this.options.overflow) : undefined;
  }

  async getJournalEntries(contentHashes: string[]): Promise<Map<string, JournalEntry>> {
    const items = await this.batchGet([...new Set(contentHashes)].map((h) => keys.journal(h)));
    const out = new Map<string, JournalEntry>();
    for (const i of items) {
      const e: JournalEntry = {
        contentHash: i.contentHash!.S!,
        source: i.source?.S ?? '',
        status: i.status!.S as JournalEntry['status'],
        ...(i.candidateId?.S ? { candidateId: i.candidateId.S } : {}),
        ...(i.errorCode?.S ? { errorCode: i.errorCode.S } : {}),
        ...(i.errorMessage?.S ? { errorMessage: i.errorMessage.S } : {}),
        ...(i.retryable?.BOOL !== undefined ? { retryable: i.retryable.BOOL } : {}),
        updatedAt: i.updatedAt?.S ?? '',
      };
      out.set(e.contentHash, e);
    }
    return out;
  }

  /**
   * `done` entries are batch-written (the last write wins). A `failed` entry is
   * a conditional PutItem that never replaces a `done` one: a file imported by
   * one run stays imported when a concurrent run fails on it.
   */
  async putJournalEntries(entries: JournalEntry[]): Promise<void> {
    const item = (e: JournalEntry) =>
      compact({
        ...keys.journal(e.contentHash),
        entity: { S: 'journal' },
        contentHash: { S: e.contentHash },
        source: s(e.source),
        status: { S: e.status },
        candidateId: s(e.candidateId),
        errorCode: s(e.errorCode),
        // Error messages can quote a whole line of input; 2 KB is plenty to act on.
        errorMessage: s(e.errorMessage?.slice(0, 2048)),
        retryable: e.retryable === undefined ? undefined : { BOOL: e.retryable },
        updatedAt: { S: e.updatedAt },
        ttl: e.status === 'failed' ? { N: String(Math.floor(Date.parse(e.updatedAt) / 1000 || Date.now() / 1000) + FAILED_TTL_SECONDS) } : undefined,
      });
    await this.batchWrite(entries.filter((e) => e.status === 'done').map((e) => ({ PutRequest: { Item: item(e) } })));
    const { PutItemCommand } = await this.sdk;
    for (const e of entries.filter((x) => x.status === 'failed')) {
      try {
        await this.ddb.send(
          new PutItemCommand({ TableName: this.table, Item: item(e), ConditionExpression: 'attribute_not_exists(pk) OR #st <> :done', ExpressionAttributeNames: { '#st': 'status' }, ExpressionAttributeValues: { ':done': { S: 'done' } } }),
        );
      } catch (err) {
        if ((err as { name?: string }).name === 'ConditionalCheckFailedException') continue;
        await awsCall({ service: 'dynamodb', operation: 'PutItem', resource: this.table }, () => Promise.reject(err));
      }
    }
  }

  async close(): Promise<void> {
    await this.options.onClose?.();
  }

  private async list<T>(partition: string, options: { limit?: number; cursor?: string }): Promise<Page<T>> {
    const { QueryCommand } = await this.sdk;
    const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_PAGE, 1000));
    const out = await awsCall({ service: 'dynamodb', operation: 'Query', resource: `${this.table}/${GSI}` }, () =>
      this.ddb.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: GSI,
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': { S: partition } },
          Limit: limit,
          ExclusiveStartKey: decodeCursor(options.cursor, partition),
        }),
      ),
    );
    const items = await Promise.all((out.Items ?? []).map((i) => decodeDoc<T>(i, this.options.overflow)));
    const cursor = encodeCursor(out.LastEvaluatedKey);
    return cursor ? { items, cursor } : { items };
  }

  /** BatchWriteItem, 25 requests at a time, retrying UnprocessedItems with backoff (0.5 s doubling to 8 s, jittered). */
  private async batchWrite(requests: WriteRequest[]): Promise<void> {
    if (requests.length === 0) return;
    const { BatchWriteItemCommand } = await this.sdk;
    for (const batch of chunk(lastPerKey(requests), 25)) {
      await this.untilProcessed('BatchWriteItem', batch, (p) => p.length, async (pending) => {
        const out = await awsCall({ service: 'dynamodb', operation: 'BatchWriteItem', resource: this.table }, () =>
          this.ddb.send(new BatchWriteItemCommand({ RequestItems: { [this.table]: pending } })),
        );
        return out.UnprocessedItems?.[this.table];
      });
    }
  }

  /** BatchGetItem, 100 keys at a time, strongly consistent, retrying UnprocessedKeys with backoff. */
  private async batchGet(keyList: Item[]): Promise<Item[]> {
    if (keyList.length === 0) return [];
    const { BatchGetItemCommand } = await this.sdk;
    const found: Item[] = [];
    for (const batch of chunk(keyList, 100)) {
      const first: KeysAndAttributes = { Keys: batch, ConsistentRead: true };
      await this.untilProcessed('BatchGetItem', first, (p) => p.Keys?.length ?? 0, async (pending) => {
        const out = await awsCall({ service: 'dynamodb', operation: 'BatchGetItem', resource: this.table }, () =>
          this.ddb.send(new BatchGetItemCommand({ RequestItems: { [this.table]: pending } })),
        );
        found.push(...(out.Responses?.[this.table] ?? []));
        return out.UnprocessedKeys?.[this.table];
      });
    }
    return found;
  }

  /**
   * Sends `first`, then whatever DynamoDB left unprocessed, with backoff between attempts, until
   * nothing is left or `maxBatchAttempts` attempts have run (then E_AWS_THROTTLED).
   */
  private async untilProcessed<T>(operation: string, first: T, size: (pending: T) => number, send: (pending: T) => Promise<T | undefined>): Promise<void> {
    let pending: T | undefined = first;
    for (let attempt = 0; pending !== undefined && size(pending) > 0; attempt++) {
      if (attempt > 0) {
        if (attempt >= this.maxBatchAttempts) throw this.unprocessed(operation, size(pending));
        await this.sleep(backoffDelayMs(attempt - 1));
      }
      pending = await send(pending);
    }
  }

  private unprocessed(operation: string, n: number): RateLimitError {
    return new RateLimitError(`DynamoDB left ${n} items of a ${operation} unprocessed after ${this.maxBatchAttempts} attempts on ${this.table}`, {
      code: 'E_AWS_THROTTLED',
      provider: 'aws:dynamodb',
      hint: 'The table is being throttled: lower --concurrency and run again (finished files are skipped).',
    });
  }
}
