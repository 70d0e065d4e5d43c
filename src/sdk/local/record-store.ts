import type Database from 'better-sqlite3';
import type { Candidate, Job } from '../model/index.js';
import type { JournalEntry, Page, RecordStore, StoredMatches } from '../ports/index.js';
import type { Db } from './sqlite.js';

const DEFAULT_PAGE = 100;

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number.parseInt(Buffer.from(cursor, 'base64url').toString('utf8'), 10);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}
const encodeCursor = (rowid: number) => Buffer.from(String(rowid), 'utf8').toString('base64url');

/** Candidates, jobs, matches and the import journal in the local SQLite database. */
export class SqliteRecordStore implements RecordStore {
  private readonly stmts;

  constructor(private readonly db: Db, private readonly ownsDb = false) {
    this.stmts = {
      upsertCandidate: db.prepare(
        `INSERT INTO candidates (id, content_hash, source, name, doc, imported_at) VALUES (@id, @contentHash, @source, @name, @doc, @importedAt)
         ON CONFLICT(id) DO UPDATE SET content_hash = excluded.content_hash, source = excluded.source, name = excluded.name, doc = excluded.doc, imported_at = excluded.imported_at`,
      ),
      getCandidate: db.prepare('SELECT doc FROM candidates WHERE id = ?'),
      pageCandidates: db.prepare('SELECT rowid, doc FROM candidates WHERE rowid > ? ORDER BY rowid LIMIT ?'),
      countCandidates: db.prepare('SELECT count(*) AS n FROM candidates'),
      upsertJob: db.prepare(
        `INSERT INTO jobs (id, doc, updated_at) VALUES (@id, @doc, @updatedAt)
         ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, updated_at = excluded.updated_at`,
      ),
      getJob: db.prepare('SELECT doc FROM jobs WHERE id = ?'),
      pageJobs: db.prepare('SELECT rowid, doc FROM jobs WHERE rowid > ? ORDER BY rowid LIMIT ?'),
      putMatches: db.prepare('INSERT OR REPLACE INTO matches (job_id, created_at, doc) VALUES (?, ?, ?)'),
      getMatches: db.prepare('SELECT doc FROM matches WHERE job_id = ?'),
      getJournal: db.prepare('SELECT * FROM import_journal WHERE content_hash = ?'),
      putJournal: db.prepare(
        `INSERT OR REPLACE INTO import_journal (content_hash, source, status, candidate_id, error_code, error_message, retryable, updated_at)
         VALUES (@contentHash, @source, @status, @candidateId, @errorCode, @errorMessage, @retryable, @updatedAt)`,
      ),
    };
  }

  async putCandidates(candidates: Candidate[]): Promise<void> {
    this.db.transaction(() => this.putCandidatesSync(candidates))();
  }

  /** Writes candidates in the caller's transaction (SqliteBatchWriter composes it with the index and journal writes). */
  putCandidatesSync(candidates: Candidate[]): void {
    for (const c of candidates) {
      this.stmts.upsertCandidate.run({ id: c.id, contentHash: c.contentHash, source: c.source, name: c.profile.name ?? null, doc: JSON.stringify(c), importedAt: c.importedAt });
    }
  }

  async getCandidate(id: string): Promise<Candidate | undefined> {
    const row = this.stmts.getCandidate.get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Candidate) : undefined;
  }

  async getCandidates(ids: string[]): Promise<Candidate[]> {
    // One statement per 500 ids instead of one per id (a match loads up to 400).
    const docs = new Map<string, string>();
    const wanted = [...new Set(ids)];
    for (let i = 0; i < wanted.length; i += 500) {
      const part = wanted.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT id, doc FROM candidates WHERE id IN (${part.map(() => '?').join(', ')})`).all(...part) as Array<{ id: string; doc: string }>;
      for (const r of rows) docs.set(r.id, r.doc);
    }
    const out: Candidate[] = [];
    for (const id of ids) {
      const doc = docs.get(id);
      if (doc !== undefined) out.push(JSON.parse(doc) as Candidate);
    }
    return out;
  }

  async listCandidates(options: { limit?: number; cursor?: string } = {}): Promise<Page<Candidate>> {
    return this.page<Candidate>(this.stmts.pageCandidates, options);
  }

  async countCandidates(): Promise<number> {
    return (this.stmts.countCandidates.get() as { n: number }).n;
  }

  async putJobs(jobs: Job[]): Promise<void> {
    this.db.transaction((js: Job[]) => {
      for (const j of js) this.stmts.upsertJob.run({ id: j.id, doc: JSON.stringify(j), updatedAt: j.updatedAt });
    })(jobs);
  }

  async getJob(id: string): Promise<Job | undefined> {
    const row = this.stmts.getJob.get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Job) : undefined;
  }

  async listJobs(options: { limit?: number; cursor?: string } = {}): Promise<Page<Job>> {
    return this.page<Job>(this.stmts.pageJobs, options);
  }

  async putMatches(result: StoredMatches): Promise<void> {
    this.stmts.putMatches.run(result.jobId, result.createdAt, JSON.stringify(result));
  }

  async getMatches(jobId: string): Promise<StoredMatches | undefined> {
    const row = this.stmts.getMatches.get(jobId) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as StoredMatches) : undefined;
  }

  async getJournalEntries(contentHashes: string[]): Promise<Map<string, JournalEntry>> {
    const out = new Map<string, JournalEntry>();
    for (const h of contentHashes) {
      const r = this.stmts.getJournal.get(h) as Record<string, unknown> | undefined;
      if (!r) continue;
      out.set(h, {
        contentHash: r.content_hash as string,
        source: r.source as string,
        status: r.status as JournalEntry['status'],
        ...(r.candidate_id ? { candidateId: r.candidate_id as string } : {}),
        ...(r.error_code ? { errorCode: r.error_code as string } : {}),
        ...(r.error_message ? { errorMessage: r.error_message as string } : {}),
        ...(r.retryable === null || r.retryable === undefined ? {} : { retryable: r.retryable === 1 }),
        updatedAt: r.updated_at as string,
      });
    }
    return out;
  }

  async putJournalEntries(entries: JournalEntry[]): Promise<void> {
    this.db.transaction(() => this.putJournalEntriesSync(entries))();
  }

  /** Writes journal entries in the caller's transaction. */
  putJournalEntriesSync(entries: JournalEntry[]): void {
    for (const e of entries) {
      this.stmts.putJournal.run({
        contentHash: e.contentHash,
        source: e.source,
        status: e.status,
        candidateId: e.candidateId ?? null,
        errorCode: e.errorCode ?? null,
        errorMessage: e.errorMessage ?? null,
        retryable: e.retryable === undefined ? null : e.retryable ? 1 : 0,
        updatedAt: e.updatedAt,
      });
    }
  }

  async close(): Promise<void> {
    if (this.ownsDb && this.db.open) this.db.close();
  }

  private page<T>(stmt: Database.Statement<[number, number]>, options: { limit?: number; cursor?: string }): Page<T> {
    const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_PAGE, 10_000));
    const rows = stmt.all(decodeCursor(options.cursor), limit + 1) as Array<{ rowid: number; doc: string }>;
    const items = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as T);
    const last = rows[limit - 1];
    return rows.length > limit && last ? { items, cursor: encodeCursor(last.rowid) } : { items };
  }
}
