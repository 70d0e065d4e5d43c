/**
 * Ports: one small interface per capability. Adapters (local/, aws/) implement
 * them; only the factory chooses which. Every port has a contract suite in
 * test/contract that each adapter runs.
 */
import type { Candidate, Job, Match, Profile } from '../model/index.js';

/** Content-addressed storage of original documents. */
export interface BlobStore {
  /** Stores bytes under their SHA-256; storing the same bytes twice is a no-op. */
  put(bytes: Uint8Array, options?: { extension?: string; contentType?: string }): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Uint8Array>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export interface ExtractInput {
  bytes: Uint8Array;
  /** Used in messages and as a hint only: detection is by content. */
  fileName?: string;
}

export interface ExtractedText {
  text: string;
  /** Detected media type, e.g. `application/pdf`. */
  mediaType: string;
  pages?: number;
  warnings: string[];
}

export interface TextExtractor {
  extract(input: ExtractInput): Promise<ExtractedText>;
  /** Releases what the extractor holds (e.g. a worker thread). */
  close?(): Promise<void>;
}

export interface ProfileParser {
  parse(text: string, options?: { fileName?: string }): Promise<Profile>;
}

/** Like LangChain's embeddings interface, batch first. Vectors are L2-normalised. */
export interface Embedder {
  /** Identifies the model; stored with the index so a model change is detected. */
  readonly id: string;
  readonly dimensions: number;
  embedDocuments(texts: string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last page. */
  cursor?: string;
}

/** One file's outcome in an import, keyed by the SHA-256 of its bytes. */
export interface JournalEntry {
  contentHash: string;
  source: string;
  status: 'done' | 'failed';
  candidateId?: string;
  errorCode?: string;
  errorMessage?: string;
  retryable?: boolean;
  updatedAt: string;
}

export interface StoredMatches {
  jobId: string;
  createdAt: string;
  matches: Match[];
}

/** Durable records: candidates, jobs, match results and the import journal. */
export interface RecordStore {
  putCandidates(candidates: Candidate[]): Promise<void>;
  getCandidate(id: string): Promise<Candidate | undefined>;
  getCandidates(ids: string[]): Promise<Candidate[]>;
  listCandidates(options?: { limit?: number; cursor?: string }): Promise<Page<Candidate>>;
  countCandidates(): Promise<number>;

  putJobs(jobs: Job[]): Promise<void>;
  getJob(id: string): Promise<Job | undefined>;
  listJobs(options?: { limit?: number; cursor?: string }): Promise<Page<Job>>;

  putMatches(result: StoredMatches): Promise<void>;
  getMatches(jobId: string): Promise<StoredMatches | undefined>;

  getJournalEntries(contentHashes: string[]): Promise<Map<string, JournalEntry>>;
  putJournalEntries(entries: JournalEntry[]): Promise<void>;

  close(): Promise<void>;
}

export type IndexKind = 'candidate' | 'job';

export interface IndexDocument {
  id: string;
  /** The text searched by keyword (BM25). */
  text: string;
  vector: Float32Array;
}

export interface SearchHit {
  id: string;
  /** Vector search: cosine similarity in [-1, 1]. Keyword search: BM25 relevance, higher is better. */
  score: number;
}

/** Vector and keyword retrieval over candidates and jobs. */
export interface SearchIndex {
  upsert(kind: IndexKind, docs: IndexDocument[]): Promise<void>;
  remove(kind: IndexKind, ids: string[]): Promise<void>;
  vectorSearch(kind: IndexKind, vector: Float32Array, k: number): Promise<SearchHit[]>;
  /** `terms` are OR-ed; each term may be a phrase of several words. */
  keywordSearch(kind: IndexKind, terms: string[], k: number): Promise<SearchHit[]>;
  /** Cosine similarity of `vector` to each stored document (missing ids are left out). */
  similarities(kind: IndexKind, vector: Float32Array, ids: string[]): Promise<Map<string, number>>;
  /**
   * The vector stored for document `id`, if that document was written with
   * exactly this `text` (its `IndexDocument.text`); undefined otherwise. Lets a
   * caller reuse an embedding computed at write time instead of computing it
   * again, and never get a stale one.
   */
  storedVector(kind: IndexKind, id: string, text: string): Promise<Float32Array | undefined>;
  /**
   * Optional: compacts the index after bulk writes, for faster searches with
   * the same results. An index that maintains itself (OpenSearch) leaves it out.
   */
  optimize?(kind: IndexKind): Promise<void>;
  close(): Promise<void>;
}

export interface MatchNotification {
  job: { id: string; title: string };
  matches: Array<Pick<Match, 'rank' | 'candidateId' | 'name' | 'score'>>;
  createdAt: string;
}

export interface Notifier {
  notify(notification: MatchNotification): Promise<void>;
}

/** One batch of an import: the candidates, their search documents and their journal entries. */
export interface CandidateBatch {
  candidates: Candidate[];
  /** One per candidate, written to the `candidate` kind of the index. */
  documents: IndexDocument[];
  /** Usually one `done` entry per candidate; may be empty. */
  journal: JournalEntry[];
}

/**
 * Optional capability of a backend whose records, index and journal live in one
 * transactional store (the local SQLite database): writes a whole import batch
 * so that all of it lands or none of it does. A backend without it is written
 * record, index, journal in that order, each an idempotent upsert keyed by
 * content, so a re-run after a crash repairs any gap.
 */
export interface BatchWriter {
  writeCandidateBatch(batch: CandidateBatch): Promise<void>;
}

/** Everything a client is composed from. */
export interface Providers {
  blobs: BlobStore;
  extractor: TextExtractor;
  parser: ProfileParser;
  embedder: Embedder;
  records: RecordStore;
  index: SearchIndex;
  notifier: Notifier;
  /** Atomic import batches, where the backend can do them (see BatchWriter). */
  batch?: BatchWriter;
  /** Where the data lives, for messages (`/home/me/.local/share/talent`, `s3://bucket`). */
  location: string;
}
