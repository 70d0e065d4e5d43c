/**
 * Flat exports of match results: one row per (job, candidate) pair, as CSV
 * (RFC 4180), NDJSON or one JSON document. Used by `talent match --output`.
 */
import type { Explanation, Job, JobMatch, Match } from '../model/index.js';

export type ExportFormat = 'csv' | 'json' | 'ndjson';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson'];

/** One exported row. Component values are in [0, 1]; absent components are empty. */
export interface MatchRow {
  jobId: string;
  jobTitle: string;
  rank: number;
  candidateId: string;
  name: string | null;
  score: number;
  components: Record<string, number>;
  matchedRequiredSkills: string[];
  missingRequiredSkills: string[];
  matchedNiceToHaveSkills: string[];
  candidateYears: number;
  summary: string;
  source: string;
}

const COMPONENTS = ['requiredSkills', 'niceToHaveSkills', 'semantic', 'keyword', 'experience', 'title', 'location'] as const;

const componentsOf = (e: Explanation) => Object.fromEntries(e.components.map((c) => [c.name, c.value]));

/** The columns both directions take from an explanation. */
function explanationColumns(e: Match['explanation']) {
  return {
    components: componentsOf(e),
    matchedRequiredSkills: e.matchedRequiredSkills,
    missingRequiredSkills: e.missingRequiredSkills,
    matchedNiceToHaveSkills: e.matchedNiceToHaveSkills,
    candidateYears: e.candidateYears,
    summary: e.summary,
  };
}

/** Rows for candidates ranked for a job. */
export function rowsForJob(job: Pick<Job, 'id' | 'title'>, matches: Match[]): MatchRow[] {
  return matches.map((m) => ({
    jobId: job.id,
    jobTitle: job.title,
    rank: m.rank,
    candidateId: m.candidateId,
    name: m.name,
    score: m.score,
    ...explanationColumns(m.explanation),
    source: m.source,
  }));
}

/** Rows for jobs ranked for a candidate (rank is the job's rank for this candidate). */
export function rowsForCandidate(candidate: { id: string; name: string | null; source?: string }, matches: JobMatch[]): MatchRow[] {
  return matches.map((m) => ({
    jobId: m.jobId,
    jobTitle: m.title,
    rank: m.rank,
    candidateId: candidate.id,
    name: candidate.name,
    score: m.score,
    ...explanationColumns(m.explanation),
    source: candidate.source ?? '',
  }));
}

/** A CSV field, quoted when it holds a comma, quote or line break; formula-like text is prefixed so spreadsheets do not run it. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_HEADER = [
  'job_id', 'job_title', 'rank', 'candidate_id', 'name', 'score',
  ...COMPONENTS.map((c) => `c_${c}`),
  'matched_required', 'missing_required', 'matched_nice_to_have', 'candidate_years', 'summary', 'source',
];

/** Serialises rows in the given format; CSV and NDJSON end with a newline. */
export function formatRows(rows: MatchRow[], format: ExportFormat, meta: { createdAt: string } = { createdAt: new Date().toISOString() }): string {
  if (format === 'json') return `${JSON.stringify({ createdAt: meta.createdAt, rows }, null, 2)}\n`;
  if (format === 'ndjson') return rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.jobId, r.jobTitle, r.rank, r.candidateId, r.name, r.score.toFixed(4),
        ...COMPONENTS.map((c) => (r.components[c] === undefined ? '' : r.components[c]!.toFixed(4))),
        r.matchedRequiredSkills, r.missingRequiredSkills, r.matchedNiceToHaveSkills, r.candidateYears, r.summary, r.source,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
