import type { BatchWriter, CandidateBatch } from '../ports/index.js';
import { SqliteRecordStore } from './record-store.js';
import { SqliteSearchIndex } from './search-index.js';
import type { Db } from './sqlite.js';

/**
 * Writes an import batch — candidate rows, their vector and FTS rows, and their
 * journal entries — in ONE SQLite transaction, so a crash (even `kill -9`)
 * leaves either the whole batch or none of it. WAL mode with synchronous=NORMAL
 * keeps every committed transaction across a process crash.
 */
export class SqliteBatchWriter implements BatchWriter {
  private readonly records: SqliteRecordStore;
  private readonly index: SqliteSearchIndex;

  constructor(private readonly db: Db) {
    // Views on the same connection; they never close it.
    this.records = new SqliteRecordStore(db, false);
    this.index = new SqliteSearchIndex(db, false);
  }

  async writeCandidateBatch(batch: CandidateBatch): Promise<void> {
    this.db.transaction(() => {
      this.records.putCandidatesSync(batch.candidates);
      this.index.upsertSync('candidate', batch.documents);
      this.records.putJournalEntriesSync(batch.journal);
    })();
  }
}
