import { createHash } from 'node:crypto';
import type { IndexDocument, IndexKind, SearchHit, SearchIndex } from '../ports/index.js';
import type { Db } from './sqlite.js';

/** Upper bound of the memory map vector searches read through (address space; pages are the OS's cache). */
const MMAP_BYTES = 8 * 1024 ** 3;

const textHash = (text: string) => createHash('sha256').update(text).digest('base64url');
const blob = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

/**
 * Vector search through sqlite-vec (exact cosine KNN) and keyword search
 * through FTS5 (BM25), both in the local database. Document ids map to the
 * integer rowids those virtual tables need through `index_docs`. A plain copy
 * of each vector (`index_vectors`, with a hash of the document's text) serves
 * point reads: similarities and stored vectors.
 */
export class SqliteSearchIndex implements SearchIndex {
  private mapped = false;

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
    // Counted in the database (every connection and process writing adds up): see optimize().
    if (docs.length) s.countWrites.run(`unmerged:${kind}`, String(docs.length));
    for (const d of docs) {
      let rowid = (s.getRow.get(kind, d.id) as { rowid: number } | undefined)?.rowid;
      if (rowid === undefined) rowid = Number(s.addRow.run(kind, d.id).lastInsertRowid);
      else {
        s.delVec.run(BigInt(rowid));
        s.delFts.run(rowid);
      }
      s.insVec.run(BigInt(rowid), d.vector);
      s.insFts.run(rowid, d.text);
      s.putPlain.run(rowid, blob(d.vector), textHash(d.text));
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
      putPlain: this.db.prepare('INSERT OR REPLACE INTO index_vectors (rowid, embedding, text_hash) VALUES (?, ?, ?)'),
      countWrites: this.db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER)`),
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
        this.db.prepare('DELETE FROM index_vectors WHERE rowid = ?').run(row.rowid);
        this.db.prepare('DELETE FROM index_docs WHERE rowid = ?').run(row.rowid);
      }
    })();
  }

  async vectorSearch(kind: IndexKind, vector: Float32Array, k: number): Promise<SearchHit[]> {
    if (k <= 0) return [];
    const t = this.tables(kind);
    if (!this.mapped) {
      // Exact KNN reads every vector (200 MB at 100,000 candidates). Through a memory map
      // instead of SQLite's page reads it took 54 instead of 76 ms per query on that store
      // (bench/run.ts). Only a connection that searches maps the file, so an import's RSS
      // does not grow by the pages it touches.
      this.db.pragma(`mmap_size = ${MMAP_BYTES}`);
      this.mapped = true;
    }
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
    const out = new Map<string, number>();
    const wanted = [...new Set(ids)];
    // Batched reads from the plain copy; the distance is sqlite-vec's, as in vectorSearch.
    for (let i = 0; i < wanted.length; i += 500) {
      const part = wanted.slice(i, i + 500);
      const rows = this.db
        .prepare(
          `SELECT d.id AS id, vec_distance_cosine(v.embedding, ?) AS distance FROM index_docs d JOIN index_vectors v ON v.rowid = d.rowid
           WHERE d.kind = ? AND d.id IN (${part.map(() => '?').join(', ')})`,
        )
        .all(vector, kind, ...part) as Array<{ id: string; distance: number }>;
      for (const r of rows) out.set(r.id, 1 - r.distance);
    }
    return out;
  }

  async storedVector(kind: IndexKind, id: string, text: string): Promise<Float32Array | undefined> {
    const row = this.db
      .prepare('SELECT v.embedding AS embedding, v.text_hash AS hash FROM index_docs d JOIN index_vectors v ON v.rowid = d.rowid WHERE d.kind = ? AND d.id = ?')
      .get(kind, id) as { embedding: Buffer; hash: string | null } | undefined;
    if (!row || row.hash !== textHash(text)) return undefined;
    return new Float32Array(row.embedding.buffer.slice(row.embedding.byteOffset, row.embedding.byteOffset + row.embedding.byteLength));
  }

  /**
   * Merges the FTS5 index into one segment ('optimize'). Every write
   * transaction (an import batch) adds a segment, and automerge leaves many of
   * them after a bulk import; a query ORs 20 to 40 phrases, each looked up in
   * every segment, so merging makes keyword search several times faster with
   * the same BM25 scores. It rewrites the whole index, so it runs only once the
   * documents written since the last merge (counted in `meta`, across
   * processes) are at least a twentieth of the index: after a bulk load, not
   * after every small import.
   */
  async optimize(kind: IndexKind): Promise<void> {
    const key = `unmerged:${kind}`;
    const written = Number((this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? 0);
    if (written === 0) return;
    const total = (this.db.prepare('SELECT count(*) AS n FROM index_docs WHERE kind = ?').get(kind) as { n: number }).n;
    if (written * 20 < total) return;
    const fts = this.tables(kind).fts;
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('optimize')`).run();
      this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
    })();
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
