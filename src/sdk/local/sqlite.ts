import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { ConfigError } from '../errors.js';

export type Db = Database.Database;

const SCHEMA_VERSION = 2;

/**
 * Opens (creating if needed) the local database: WAL mode, sqlite-vec loaded,
 * schema migrated. `dimensions` fixes the vector tables' width on creation; a
 * later open with another embedder is refused with a remedy.
 */
export function openDatabase(file: string, embedder: { id: string; dimensions: number }): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  sqliteVec.load(db);
  migrate(db, embedder);
  return db;
}

function migrate(db: Db, embedder: { id: string; dimensions: number }): void {
  db.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
  const get = (k: string) => (db.prepare('SELECT value FROM meta WHERE key = ?').get(k) as { value: string } | undefined)?.value;
  const version = Number(get('schema_version') ?? 0);
  if (version > SCHEMA_VERSION) {
    throw new ConfigError(`The database was written by a newer talent (schema ${version}, this one knows ${SCHEMA_VERSION})`, {
      code: 'E_DB_TOO_NEW',
      hint: 'Upgrade talent, or point --data-dir at another folder.',
    });
  }
  const storedModel = get('embedder');
  if (storedModel && storedModel !== `${embedder.id}:${embedder.dimensions}`) {
    throw new ConfigError(`The index was built with embedder ${storedModel}, but ${embedder.id}:${embedder.dimensions} is configured`, {
      code: 'E_EMBEDDER_MISMATCH',
      hint: 'Use the same embedder setting as when the data was imported, or import into a fresh --data-dir.',
    });
  }
  if (version === SCHEMA_VERSION) return;
  const d = embedder.dimensions;
  db.transaction(() => {
    if (version < 1) createV1(db, d);
    if (version < 2) migrateV2(db);
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('embedder', `${embedder.id}:${d}`);
  })();
}

/**
 * Version 2: a plain copy of every indexed vector, with a hash of the text the
 * document was written with. Point reads from it are cheap (one B-tree row),
 * where a vec0 lookup by rowid reads into a chunk of 1024 vectors and slows
 * down as the store grows: similarities of keyword-only hits and the stored
 * vector of a job read it. Existing vectors are copied; their text hash is
 * unknown (NULL), so a job's stored vector is reused only once it is written again.
 */
function migrateV2(db: Db): void {
  db.exec(`
    CREATE TABLE index_vectors (
      rowid INTEGER PRIMARY KEY,
      embedding BLOB NOT NULL,
      text_hash TEXT
    );
    INSERT INTO index_vectors (rowid, embedding) SELECT rowid, embedding FROM candidate_vec;
    INSERT INTO index_vectors (rowid, embedding) SELECT rowid, embedding FROM job_vec;
  `);
}

function createV1(db: Db, d: number): void {
  db.exec(`
    CREATE TABLE candidates (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      content_hash TEXT NOT NULL,
      source TEXT NOT NULL,
      name TEXT,
      doc TEXT NOT NULL,
      imported_at TEXT NOT NULL
    );
    CREATE TABLE jobs (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      doc TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE matches (
      job_id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      doc TEXT NOT NULL
    );
    CREATE TABLE import_journal (
      content_hash TEXT PRIMARY KEY,
      source TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
      candidate_id TEXT,
      error_code TEXT,
      error_message TEXT,
      retryable INTEGER,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE index_docs (
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      rowid INTEGER PRIMARY KEY,
      UNIQUE (kind, id)
    );
    CREATE VIRTUAL TABLE candidate_vec USING vec0(embedding float[${d}] distance_metric=cosine);
    CREATE VIRTUAL TABLE job_vec USING vec0(embedding float[${d}] distance_metric=cosine);
    CREATE VIRTUAL TABLE candidate_fts USING fts5(text, content='', contentless_delete=1, tokenize='porter unicode61');
    CREATE VIRTUAL TABLE job_fts USING fts5(text, content='', contentless_delete=1, tokenize='porter unicode61');
  `);
}
