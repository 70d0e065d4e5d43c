import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteBatchWriter } from '../../src/sdk/local/batch-writer.js';
import { FsBlobStore } from '../../src/sdk/local/blob-store.js';
import { UseEmbedder } from '../../src/sdk/local/embedder.js';
import { SqliteRecordStore } from '../../src/sdk/local/record-store.js';
import { SqliteSearchIndex } from '../../src/sdk/local/search-index.js';
import { openDatabase } from '../../src/sdk/local/sqlite.js';
import { FakeEmbedder } from '../../src/sdk/testing.js';
import { batchWriterContract } from './batch-writer.contract.js';
import { blobStoreContract } from './blob-store.contract.js';
import { embedderContract } from './embedder.contract.js';
import { recordStoreContract } from './record-store.contract.js';
import { searchIndexContract } from './search-index.contract.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'talent-contract-'));

recordStoreContract('SQLite (local)', async () => new SqliteRecordStore(openDatabase(join(tmp(), 'talent.db'), { id: 'test', dimensions: 4 }), true));
searchIndexContract('SQLite FTS5 + sqlite-vec (local)', async (dimensions) => new SqliteSearchIndex(openDatabase(join(tmp(), 'talent.db'), { id: 'test', dimensions }), true));
blobStoreContract('filesystem (local)', async () => new FsBlobStore(join(tmp(), 'blobs')));
embedderContract('Universal Sentence Encoder (local)', async () => new UseEmbedder(), { semantic: true });
embedderContract('FakeEmbedder (tests)', async () => new FakeEmbedder(), { semantic: false });
batchWriterContract('SQLite, one transaction (local)', async () => {
  const db = openDatabase(join(tmp(), 'talent.db'), { id: 'test', dimensions: 4 });
  return { batch: new SqliteBatchWriter(db), records: new SqliteRecordStore(db, false), index: new SqliteSearchIndex(db, false), close: async () => void db.close() };
});
