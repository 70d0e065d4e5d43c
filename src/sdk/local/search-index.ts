import type { IndexDocument, IndexKind, SearchHit, SearchIndex } from '../ports/index.js';
import type { Db } from './sqlite.js';

/**
 * Vector search through sqlite-vec (exact cosine KNN) and keyword search
 * through FTS5 (BM25), both in the local database. Document ids map to the
 * integer rowids those virtual tables need through `index_docs`.
 */
export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly db: Db, private readonly ownsDb = false) {}

  private tables(kind: IndexKind) {
    return kind === 'candidate' ? { vec: 'candidate_vec', fts: 'candidate_fts' } : { vec: 'job_vec', fts: 'job_fts' };
  }

  async upsert(kind: IndexKind, docs: IndexDocument[]): Promise<void> {
    this.db.transaction(() => this.upsertSync(kind, docs))();
  }

  /**
   * Writes documents in the caller's transaction (SqliteBatchWriter composes it
   * with the record and journal writes). Statements are prepared once per kind.
   */
  upsertSync(kind: IndexKind, docs: IndexDocument[]): void {
    const s = this.writeStatements(kind);
    for (const d of docs) {
      let rowid = (s.getRow.get(kind, d.id) as { rowid: number } | undefined)?.rowid;
      if (rowid === undefined) rowid = Number(s.addRow.run(kind, d.id).lastInsertRowid);
      else {
        s.delVec.run(BigInt(rowid));
        s.delFts.run(rowid);
      }
      s.insVec.run(BigInt(rowid), d.vector);
      s.insFts.run(rowid, d.text);
    }
  }

  private readonly prepared = new Map<IndexKind, ReturnType<SqliteSearchIndex['prepareWrites']>>();

  private writeStatements(kind: IndexKind) {
    let s = this.prepared.get(kind);
    if (!s) this.prepared.set(kind, (s = this.prepareWrites(kind)));
    return s;
  }

  private prepareWrites(kind: IndexKind) {
    const t = this.tables(kind);
    return {
      getRow: this.db.prepare('SELECT rowid FROM index_docs WHERE kind = ? AND id = ?'),
      addRow: this.db.prepare('INSERT INTO index_docs (kind, id) VALUES (?, ?)'),
      delVec: this.db.prepare(`DELETE FROM ${t.vec} WHERE rowid = ?`),
      delFts: this.db.prepare(`DELETE FROM ${t.fts} WHERE rowid = ?`),
      insVec: this.db.prepare(`INSERT INTO ${t.vec} (rowid, embedding) VALUES (?, ?)`),
      insFts: this.db.prepare(`INSERT INTO ${t.fts} (rowid, text) VALUES (?, ?)`),
    };
  }

  async remove(kind: IndexKind, ids: string[]): Promise<void> {
    const t = this.tables(kind);
    const getRow = this.db.prepare('SELECT rowid FROM index_docs WHERE kind = ? AND id = ?');
    this.db.transaction(() => {
      for (const id of ids) {
        const row = getRow.get(kind, id) as { rowid: number } | undefined;
        if (!row) continue;
        this.db.prepare(`DELETE FROM ${t.vec} WHERE rowid = ?`).run(BigInt(row.rowid));
        this.db.prepare(`DELETE FROM ${t.fts} WHERE rowid = ?`).run(row.rowid);
        this.db.prepare('DELETE FROM index_docs WHERE rowid = ?').run(row.rowid);
      }
    })();
  }

  async vectorSearch(kind: IndexKind, vector: Float32Array, k: number): Promise<SearchHit[]> {
    if (k <= 0) return [];
    const t = this.tables(kind);
    // sqlite-vec caps k at 4096 per query.
    const rows = this.db
      .prepare(
        `SELECT d.id AS id, v.distance AS distance FROM ${t.vec} v JOIN index_docs d ON d.rowid = v.rowid
         WHERE v.embedding MATCH ? AND k = ? ORDER BY v.distance`,
      )
      .all(vector, Math.min(k, 4096)) as Array<{ id: string; distance: number }>;
    return rows.map((r) => ({ id: r.id, score: 1 - r.distance }));
  }

  async keywordSearch(kind: IndexKind, terms: string[], k: number): Promise<SearchHit[]> {
    const query = toFtsQuery(terms);
    if (!query || k <= 0) return [];
    const t = this.tables(kind);
    const rows = this.db
      .prepare(
        `SELECT d.id AS id, bm25(${t.fts}) AS rank FROM ${t.fts} f JOIN index_docs d ON d.rowid = f.rowid
         WHERE ${t.fts} MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(query, k) as Array<{ id: string; rank: number }>;
    // FTS5's bm25() is negative, more negative is better; flip it so higher is better.
    return rows.map((r) => ({ id: r.id, score: -r.rank }));
  }

  async similarities(kind: IndexKind, vector: Float32Array, ids: string[]): Promise<Map<string, number>> {
    const t = this.tables(kind);
    const stmt = this.db.prepare(
      `SELECT vec_distance_cosine(v.embedding, ?) AS distance FROM ${t.vec} v JOIN index_docs d ON d.rowid = v.rowid WHERE d.kind = ? AND d.id = ?`,
    );
    const out = new Map<string, number>();
    for (const id of ids) {
      const row = stmt.get(vector, kind, id) as { distance: number } | undefined;
      if (row) out.set(id, 1 - row.distance);
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.ownsDb && this.db.open) this.db.close();
  }
}

/** Builds an FTS5 query that ORs each term as a quoted phrase (so user text cannot inject syntax). */
export function toFtsQuery(terms: string[]): string {
  const phrases = terms
    .map((t) => t.replace(/[^\p{L}\p{N}\s+#.]/gu, ' ').replace(/[+#.]/g, ' ').trim())
    .filter((t) => t.length > 0)
    .map((t) => `"${t.replace(/\s+/g, ' ')}"`);
  return [...new Set(phrases)].join(' OR ');
}
