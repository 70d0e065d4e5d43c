import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { TalentConfig, Weights } from './config.js';
import { NotFoundError, TalentError, ValidationError } from './errors.js';
import { candidateEmbeddingText, candidateKeywordText } from './matching/index-text.js';
import { withMatchData } from './matching/match-data.js';
import { rankCandidatesForJob, rankJobsForCandidate, jobEmbeddingText, type MatchFilters } from './matching/rank.js';
import type { SkillTaxonomy } from './matching/taxonomy.js';
import { JobInputSchema, type Candidate, type Job, type JobMatch, type Match, type Profile } from './model/index.js';
import type { JournalEntry, Page, Providers, RecordStore, StoredMatches } from './ports/index.js';

export interface ResumeInput {
  bytes: Uint8Array;
  /** Where the resume came from: a path, a URL, an id in another system. */
  source: string;
}

export interface ParsedResume {
  text: string;
  mediaType: string;
  profile: Profile;
  warnings: string[];
}

/** A resume extracted and parsed, not yet stored; embedded too once `vector` is set. */
export interface PreparedCandidate {
  candidate: Omit<Candidate, 'importedAt'>;
  bytes: Uint8Array;
  warnings: string[];
  /** The candidate's embedding, when computed ahead of `save` (e.g. in an import worker thread). */
  vector?: Float32Array;
  /** The `Embedder.id` that computed `vector`; `save` re-embeds when it is not the client's embedder. */
  embedder?: string;
}

export interface SaveOptions {
  /**
   * Also write a `done` journal entry per candidate (keyed by its content hash),
   * in the same atomic batch as the records and index where the backend allows.
   * Default false.
   */
  journal?: boolean;
}

export interface MatchOptions {
  /** How many candidates to return. Default 10. */
  top?: number;
  /** Overrides of the configured weights. */
  weights?: Partial<Weights>;
  /** Store the result so `getMatches` returns it. Default true. */
  save?: boolean;
  /** Blind mode (default: the config's `matching.blind`): no location fit; names, sources and evidence redacted. */
  blind?: boolean;
  /** Applied after scoring: `minScore`, `location`, `minYears`, `skills` (must-have). */
  filters?: MatchFilters;
}

export interface MatchResult {
  job: Job;
  matches: Match[];
  createdAt: string;
}

/** Jobs ranked for one candidate. */
export interface CandidateMatchResult {
  /** Name and source are null/hidden in blind mode. */
  candidate: { id: string; name: string | null; source: string };
  matches: JobMatch[];
  createdAt: string;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const candidateIdFor = (contentHash: string) => `c_${contentHash.slice(0, 16)}`;
export { candidateEmbeddingText, candidateKeywordText };

/**
 * The SDK's facade. Create it with `createTalent()`; close it when done.
 *
 * @example
 * const talent = await createTalent({ dataDir: './.talent' });
 * const ranked = await talent.match.candidatesForJob('J-101', { top: 5 });
 * await talent.close();
 */
export class TalentClient {
  constructor(
    readonly config: TalentConfig,
    private readonly providers: Providers,
    readonly taxonomy: SkillTaxonomy,
  ) {}

  /** `local` or `aws`. */
  get backend(): TalentConfig['backend'] {
    return this.config.backend;
  }

  /** Where this client's data lives. */
  get location(): string {
    return this.providers.location;
  }

  readonly resumes = {
    /** Extracts and parses one resume without storing anything. */
    parse: async (input: { bytes: Uint8Array; fileName?: string }): Promise<ParsedResume> => {
      const extracted = await this.providers.extractor.extract(input);
      const profile = await this.providers.parser.parse(extracted.text, { fileName: input.fileName });
      return { text: extracted.text, mediaType: extracted.mediaType, profile, warnings: extracted.warnings };
    },
  };

  readonly candidates = {
    /**
     * Hashes, extracts and parses a resume, and computes what ranking needs from
     * it whatever the job (redacted text, skill mentions: `candidate.match`): the
     * CPU-bound half of an import.
     */
    prepare: async (input: ResumeInput): Promise<PreparedCandidate> => {
      const contentHash = sha256(input.bytes);
      const parsed = await this.resumes.parse({ bytes: input.bytes, fileName: input.source });
      const candidate = { id: candidateIdFor(contentHash), source: input.source, contentHash, mediaType: parsed.mediaType, profile: parsed.profile, text: parsed.text };
      return {
        candidate: withMatchData(candidate, this.taxonomy),
        bytes: input.bytes,
        warnings: parsed.warnings,
      };
    },
    /**
     * Embeds prepared candidates in one batch (those whose vector is missing or
     * came from another embedder) and returns them with `vector` set.
     */
    embed: async (prepared: PreparedCandidate[]): Promise<PreparedCandidate[]> => {
      const embedder = this.providers.embedder;
      const todo = prepared.filter((p) => !p.vector || p.embedder !== embedder.id);
      if (todo.length === 0) return prepared;
      const vectors = await embedder.embedDocuments(todo.map((p) => candidateEmbeddingText(p.candidate, this.taxonomy)));
      const byPrepared = new Map(todo.map((p, i) => [p, vectors[i]!]));
      return prepared.map((p) => (byPrepared.has(p) ? { ...p, vector: byPrepared.get(p)!, embedder: embedder.id } : p));
    },
    /**
     * Stores originals, embeds in one batch what is not embedded yet, and writes
     * records, index entries and (with `journal`) journal entries — atomically
     * where the backend can (the local one does). Idempotent per content.
     */
    save: async (prepared: PreparedCandidate[], options: SaveOptions = {}): Promise<Candidate[]> => {
      if (prepared.length === 0) return [];
      const importedAt = new Date().toISOString();
      const embedded = await this.candidates.embed(prepared);
      const candidates: Candidate[] = [];
      for (const p of embedded) {
        const { key } = await this.providers.blobs.put(p.bytes, { extension: extname(p.candidate.source).slice(1) });
        // Match data is computed here when the caller prepared the candidate some other way (or with another taxonomy).
        candidates.push(withMatchData({ ...p.candidate, blobKey: key, importedAt }, this.taxonomy));
      }
      const documents = candidates.map((c, i) => {
        const vector = embedded[i]!.vector!;
        if (vector.length !== this.providers.embedder.dimensions) {
          throw new TalentError(`A vector for ${c.source} has ${vector.length} dimensions, the embedder ${this.providers.embedder.dimensions}`, {
            code: 'E_EMBEDDER_MISMATCH',
            hint: 'Compute vectors with the same embedder as the client, or leave `vector` unset.',
          });
        }
        return { id: c.id, text: candidateKeywordText(c, this.taxonomy), vector };
      });
      const journal: JournalEntry[] = options.journal
        ? candidates.map((c) => ({ contentHash: c.contentHash, source: c.source, status: 'done', candidateId: c.id, updatedAt: importedAt }))
        : [];
      if (this.providers.batch) await this.providers.batch.writeCandidateBatch({ candidates, documents, journal });
      else {
        // Each step is an idempotent upsert keyed by content, and the journal goes last:
        // a crash in between is repaired by re-running the import.
        await this.providers.records.putCandidates(candidates);
        await this.providers.index.upsert('candidate', documents);
        if (journal.length) await this.providers.records.putJournalEntries(journal);
      }
      return candidates;
    },
    /** Prepares and saves one resume. */
    add: async (input: ResumeInput): Promise<Candidate> => {
      const [c] = await this.candidates.save([await this.candidates.prepare(input)]);
      return c!;
    },
    get: async (id: string): Promise<Candidate> => {
      const c = await this.providers.records.getCandidate(id);
      if (!c) throw new NotFoundError(`No candidate "${id}"`, { hint: 'Run `talent candidates list` to see the imported candidates.' });
      return c;
    },
    list: (options?: { limit?: number; cursor?: string }): Promise<Page<Candidate>> => this.providers.records.listCandidates(options),
    count: (): Promise<number> => this.providers.records.countCandidates(),
    /**
     * Compacts the candidate index after a bulk import (the local keyword index
     * is merged into one segment: the same results, faster searches). Cheap to
     * call: the index does the work only after a bulk load. The import pipeline calls it.
     */
    compactIndex: async (): Promise<void> => {
      await this.providers.index.optimize?.('candidate');
    },
  };

  /** The import journal: one entry per file content (SHA-256), done or failed. Used by the import pipeline. */
  readonly journal: Pick<RecordStore, 'getJournalEntries' | 'putJournalEntries'> = {
    getJournalEntries: (hashes) => this.providers.records.getJournalEntries(hashes),
    putJournalEntries: (entries) => this.providers.records.putJournalEntries(entries),
  };

  readonly jobs = {
    /** Validates jobs (JSON objects as in a JSONL/CSV file), normalises their skills, embeds and stores them. Upserts by id. */
    upsert: async (inputs: unknown[]): Promise<Job[]> => {
      const updatedAt = new Date().toISOString();
      const jobs = inputs.map((raw, i) => this.toJob(raw, i, updatedAt));
      if (jobs.length === 0) return [];
      const vectors = await this.providers.embedder.embedDocuments(jobs.map(jobEmbeddingText));
      await this.providers.records.putJobs(jobs);
      await this.providers.index.upsert(
        'job',
        jobs.map((j, i) => ({ id: j.id, text: jobEmbeddingText(j), vector: vectors[i]! })),
      );
      return jobs;
    },
    /** Validates one job without storing it; throws ValidationError naming the field. */
    validate: (raw: unknown): Job => this.toJob(raw, 0, new Date().toISOString()),
    get: async (id: string): Promise<Job> => {
      const j = await this.providers.records.getJob(id);
      if (!j) throw new NotFoundError(`No job "${id}"`, { hint: 'Run `talent jobs list` to see the ingested jobs, or `talent jobs ingest <file>` to add some.' });
      return j;
    },
    list: (options?: { limit?: number; cursor?: string }): Promise<Page<Job>> => this.providers.records.listJobs(options),
  };

  readonly match = {
    /** Ranked, explained candidates for a job. */
    candidatesForJob: async (jobId: string, options: MatchOptions = {}): Promise<MatchResult> => {
      const job = await this.jobs.get(jobId);
      const { top, weights, blind } = this.matchSettings(options);
      const matches = await rankCandidatesForJob(job, this.rankDeps(), {
        top,
        weights,
        blind,
        depth: Math.max(this.config.matching.retrievalDepth, top),
        ...(options.filters ? { filters: options.filters } : {}),
      });
      const result = { job, matches, createdAt: new Date().toISOString() };
      if (options.save ?? true) await this.providers.records.putMatches({ jobId: job.id, createdAt: result.createdAt, matches });
      return result;
    },
    /** Ranked, explained jobs for a candidate (the other direction). Filters: `minScore`, `location`. */
    jobsForCandidate: async (candidateId: string, options: Omit<MatchOptions, 'save'> = {}): Promise<CandidateMatchResult> => {
      const candidate = await this.candidates.get(candidateId);
      const { top, weights, blind } = this.matchSettings(options);
      const matches = await rankJobsForCandidate(candidate, this.rankDeps(), {
        top,
        weights,
        blind,
        depth: Math.max(this.config.matching.retrievalDepth, top),
        ...(options.filters ? { filters: { minScore: options.filters.minScore, location: options.filters.location } } : {}),
      });
      return {
        candidate: { id: candidate.id, name: blind ? null : (candidate.profile.name ?? null), source: blind ? `(hidden in blind mode: ${candidate.id})` : candidate.source },
        matches,
        createdAt: new Date().toISOString(),
      };
    },
    /** Every job, one after another: ranks, stores (unless `save: false`) and yields each result. */
    all: (options: MatchOptions = {}): AsyncGenerator<MatchResult> => this.matchEveryJob(options),
    /** The last stored result for a job. */
    saved: (jobId: string): Promise<StoredMatches | undefined> => this.providers.records.getMatches(jobId),
  };

  private async *matchEveryJob(options: MatchOptions): AsyncGenerator<MatchResult> {
    let cursor: string | undefined;
    do {
      const page = await this.jobs.list({ limit: 100, ...(cursor ? { cursor } : {}) });
      for (const job of page.items) yield await this.match.candidatesForJob(job.id, options);
      cursor = page.cursor;
    } while (cursor);
  }

  private matchSettings(options: MatchOptions): { top: number; weights: Weights; blind: boolean } {
    const top = options.top ?? 10;
    if (!Number.isInteger(top) || top < 1) throw new ValidationError(`top must be a positive integer, got ${top}`, { field: 'top' });
    const blind = options.blind ?? this.config.matching.blind;
    if (blind && options.filters?.location !== undefined) {
      throw new ValidationError('A location filter cannot be used in blind mode: blind ranking must not depend on where a candidate lives', {
        field: 'location',
        code: 'E_USAGE',
        hint: 'Drop --location, or match without --blind (and with matching.blind off).',
      });
    }
    return { top, blind, weights: { ...this.config.matching.weights, ...options.weights } };
  }

  private rankDeps() {
    return { embedder: this.providers.embedder, index: this.providers.index, records: this.providers.records, taxonomy: this.taxonomy };
  }

  /** Sends the top matches of a result through the configured notifier. */
  async notify(result: MatchResult): Promise<void> {
    await this.providers.notifier.notify({
      job: { id: result.job.id, title: result.job.title },
      matches: result.matches.map(({ rank, candidateId, name, score }) => ({ rank, candidateId, name, score })),
      createdAt: result.createdAt,
    });
  }

  async close(): Promise<void> {
    await this.providers.index.close();
    await this.providers.records.close();
    await this.providers.extractor.close?.();
  }

  private toJob(raw: unknown, index: number, updatedAt: string): Job {
    const parsed = JobInputSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.');
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? ` "${(raw as { id: string }).id}"` : '';
      throw new ValidationError(`Job #${index + 1}${id}: ${field ? `${field}: ` : ''}${issue.message}`, {
        field,
        code: 'E_JOB_INVALID',
        hint: 'Each job needs id and title; requiredSkills and niceToHaveSkills are lists (or comma-separated); minYears is a number.',
      });
    }
    const j = parsed.data;
    const norm = (skills: string[]) => [...new Set(skills.map((s) => this.taxonomy.normalise(s)))];
    return {
      id: j.id,
      title: j.title,
      description: j.description,
      // Must-have skills are required skills too.
      requiredSkills: norm([...j.requiredSkills, ...(j.mustHave ?? [])]),
      niceToHaveSkills: norm(j.niceToHaveSkills),
      minYears: j.minYears,
      ...(j.location ? { location: j.location } : {}),
      ...(j.mustHave?.length ? { mustHave: norm(j.mustHave) } : {}),
      updatedAt,
    };
  }
}
