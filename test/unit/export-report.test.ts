import { describe, expect, it } from 'vitest';
import { formatRows, renderMatchReport, rowsForJob, type Job, type Match } from '../../src/sdk/index.js';
import { csvField } from '../../src/sdk/matching/export.js';
import { mean, metricsFor, ndcgAt, precisionAt, reciprocalRank } from '../../scripts/eval/metrics.js';

const job: Job = { id: 'J-1', title: 'Go <Engineer>', description: '', requiredSkills: ['Go', 'Kafka'], niceToHaveSkills: [], minYears: 3, mustHave: ['Go'], updatedAt: '' };
const match = (rank: number, name: string | null, score: number): Match => ({
  rank,
  candidateId: `c_${rank}`,
  name,
  score,
  source: `/r/${rank}.pdf`,
  explanation: {
    components: [
      { name: 'requiredSkills', value: 0.5, weight: 0.4, contribution: 0.2 },
      { name: 'semantic', value: 0.8, weight: 0.2, contribution: 0.1 },
    ],
    matchedRequiredSkills: ['Go'],
    missingRequiredSkills: ['Kafka'],
    matchedNiceToHaveSkills: [],
    semanticSimilarity: 0.6,
    candidateYears: 4,
    requiredYears: 3,
    retrieval: { vectorRank: 1 },
    summary: 'meets 1/2 required skills, "quoted"',
    requirements: [
      { kind: 'skill', requirement: 'Go', mustHave: true, verdict: 'met', evidence: [{ line: 4, text: 'Built <b>Go</b> services & tools' }] },
      { kind: 'skill', requirement: 'Kafka', mustHave: false, verdict: 'missing', evidence: [] },
    ],
  },
});

describe('exports', () => {
  const rows = rowsForJob(job, [match(1, 'Ada, "the" Dev', 0.3), match(2, null, 0.2)]);

  it('CSV: a header, one row per match, fields quoted per RFC 4180, formulas neutralised', () => {
    const csv = formatRows(rows, 'csv');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^job_id,job_title,rank,candidate_id,name,score,c_requiredSkills,/);
    expect(lines[1]).toContain('"Ada, ""the"" Dev"');
    expect(lines[1]).toContain(',0.5000,,0.8000,');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('NDJSON: one parseable object per line; JSON: one document', () => {
    const nd = formatRows(rows, 'ndjson').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(nd.map((r) => r.candidateId)).toEqual(['c_1', 'c_2']);
    expect(nd[0].components).toEqual({ requiredSkills: 0.5, semantic: 0.8 });
    expect(JSON.parse(formatRows(rows, 'json')).rows).toHaveLength(2);
  });
});

describe('HTML report', () => {
  const html = renderMatchReport({ job, matches: [match(1, 'Ada <script>alert(1)</script>', 0.3), match(2, null, 0.2)], createdAt: '2024-05-01T10:00:00.000Z' });

  it('is one self-contained document: inline CSS, no scripts, no external assets', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|href=|url\(/i);
  });

  it('has a card per candidate, a bar per component and the verdicts with evidence', () => {
    expect(html.match(/<section class="card" data-candidate=/g)).toHaveLength(2);
    expect(html.match(/class="bar"/g)).toHaveLength(2 * 3);
    expect(html).toContain('style="width:50%"');
    expect(html).toContain('<span class="v met">met</span>');
    expect(html).toContain('<span class="v missing">missing</span>');
    expect(html).toContain('<span class="ln">line 4</span>');
    expect(html).toContain('Candidate c_2');
    expect(html).toContain('Go (must)');
  });

  it('escapes everything that came from a resume or a job', () => {
    expect(html).toContain('Ada &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Go &lt;Engineer&gt;');
    expect(html).toContain('Built &lt;b&gt;<mark>Go</mark>&lt;/b&gt; services &amp; tools');
  });
});

describe('evaluation metrics', () => {
  const relevant = new Set(['a', 'b', 'c']);
  it('precision, nDCG and reciprocal rank', () => {
    expect(precisionAt(['a', 'x', 'b', 'y', 'z'], relevant, 5)).toBeCloseTo(0.4, 10);
    expect(precisionAt(['a'], relevant, 10)).toBeCloseTo(0.1, 10);
    expect(ndcgAt(['a', 'b', 'c', 'x'], relevant, 10)).toBeCloseTo(1, 10);
    expect(ndcgAt(['x', 'a'], new Set(['a']), 10)).toBeCloseTo(1 / Math.log2(3), 10);
    expect(reciprocalRank(['x', 'y', 'c'], relevant)).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRank(['x'], relevant)).toBe(0);
  });
  it('macro-averages over queries', () => {
    const m = mean([metricsFor(['a'], relevant), metricsFor(['x'], relevant)]);
    expect(m.mrr).toBeCloseTo(0.5, 10);
    expect(m.p5).toBeCloseTo(0.1, 10);
  });
});
