import { describe, expect, it } from 'vitest';
import { WeightsSchema } from '../../src/sdk/config.js';
import { scoreCandidate, SkillTaxonomy, type Candidate, type Job } from '../../src/sdk/index.js';
import { candidateEmbeddingText, candidateKeywordText } from '../../src/sdk/matching/index-text.js';
import { analyseResume, computeMatchData, matchDataKey, withMatchData } from '../../src/sdk/matching/match-data.js';
import { redactResume } from '../../src/sdk/matching/redact.js';

const taxonomy = new SkillTaxonomy([
  { name: 'Go', aliases: ['Golang'] },
  { name: 'Kubernetes', aliases: ['k8s'] },
  { name: 'PostgreSQL', aliases: ['Postgres'] },
  { name: 'Ruby' },
  { name: 'Terraform' },
  { name: 'SAP' },
]);

const TEXT = [
  'Ruby Jones',
  'ruby.jones@example.com | +1 206 555 0142 | 1204 Pine Street, Seattle, WA',
  'Senior Backend Engineer',
  'She built Golang services on k8s, backed by Postgres.',
  'Ruby Jones led the migration of 40 services; her team of five wrote the Terraform modules.',
  'Languages: Go, SQL',
].join('\n');

const candidate = (over: Partial<Candidate> = {}): Candidate => ({
  id: 'c_1',
  source: '/r.pdf',
  contentHash: '',
  mediaType: 'text/plain',
  text: TEXT,
  importedAt: '',
  profile: {
    name: 'Ruby Jones',
    emails: ['ruby.jones@example.com'],
    phones: ['+12065550142'],
    links: [],
    location: 'Seattle, WA',
    // SAP is stated only in structured data (not in the text): it counts, without evidence.
    skills: [{ name: 'Go' }, { name: 'Kubernetes' }, { name: 'PostgreSQL' }, { name: 'Terraform' }, { name: 'Ruby' }, { name: 'SAP' }],
    experience: [{ title: 'Senior Backend Engineer', start: '2018-01', current: true, description: '', skills: [] }],
    education: [],
    certifications: [],
    languages: [],
    roles: [],
    totalYears: 7,
  },
  ...over,
});

const job: Job = {
  id: 'J-1',
  title: 'Backend Engineer',
  description: '',
  requiredSkills: ['Go', 'Kubernetes', 'PostgreSQL', 'Ruby', 'SAP', 'service migration'],
  niceToHaveSkills: ['Terraform'],
  minYears: 5,
  location: 'Seattle, WA',
  updatedAt: '',
};

describe('precomputed match data', () => {
  it('holds the redacted resume as changed lines and the mentions found in it', () => {
    const m = computeMatchData(candidate(), taxonomy);
    expect(m.key).toBe(matchDataKey(taxonomy));
    expect(m.redacted).toBeUndefined();
    // Only the lines redaction changed are stored; line 2 (the title) and the last line are not.
    expect(m.lines!.map(([i]) => i)).toEqual([0, 1, 3, 4]);
    const mentions = new Map(m.mentions);
    // "Ruby" is the person's name, redacted away: not a skill found in the text, and not
    // structured-only either (the original text names it), so it is not listed at all.
    expect(mentions.has('Ruby')).toBe(false);
    expect(mentions.get('SAP')).toEqual([]);
    expect(mentions.get('Go')!.length).toBe(2);
  });

  it('gives exactly what redacting and scanning at query time gives', () => {
    const stored = withMatchData(candidate(), taxonomy);
    const fresh = analyseResume(candidate(), taxonomy);
    const fromStore = analyseResume(stored, taxonomy);
    expect(fromStore.redacted).toBe(redactResume(TEXT, candidate().profile));
    expect(fromStore).toEqual(fresh);
    expect(candidateKeywordText(stored, taxonomy)).toBe(candidateKeywordText(candidate(), taxonomy));
    expect(candidateEmbeddingText(stored, taxonomy)).toBe(candidateEmbeddingText(candidate(), taxonomy));
    for (const blind of [false, true]) {
      const input = (c: Candidate) => ({ job, candidate: c, similarity: 0.55, keywordRelevance: 0.8, retrieval: { vectorRank: 3 } });
      const weights = WeightsSchema.parse({});
      expect(scoreCandidate(input(stored), weights, taxonomy, { blind })).toEqual(scoreCandidate(input(candidate()), weights, taxonomy, { blind }));
    }
  });

  it('is read from the record when current (so a query does no redaction)', () => {
    const stored = withMatchData(candidate(), taxonomy);
    // Tampered but current data is believed: proof that the stored copy, not a recomputation, is used.
    const tampered = { ...stored, match: { ...stored.match, mentions: [['Go', [0]]] as Array<[string, number[]]>, lines: [] } };
    const a = analyseResume(tampered, taxonomy);
    expect(a.skills).toEqual(['Go']);
    expect(a.redacted).toBe(TEXT);
  });

  it('is ignored and recomputed when stale: another taxonomy, or an older version', () => {
    const stored = withMatchData(candidate(), taxonomy);
    const bogus = { ...stored.match, mentions: [['Go', [0]]] as Array<[string, number[]]>, lines: [] };
    const other = new SkillTaxonomy([{ name: 'Go', aliases: ['Golang'] }, { name: 'Terraform' }]);
    expect(other.fingerprint).not.toBe(taxonomy.fingerprint);
    expect(analyseResume({ ...stored, match: bogus }, other)).toEqual(analyseResume(candidate(), other));
    expect(analyseResume({ ...stored, match: { ...bogus, key: '0:old' } }, taxonomy)).toEqual(analyseResume(candidate(), taxonomy));
    // withMatchData replaces stale data and keeps current data as it is.
    expect(withMatchData({ ...stored, match: { ...bogus, key: '0:old' } }, taxonomy).match).toEqual(stored.match);
    expect(withMatchData(stored, taxonomy)).toBe(stored);
  });

  it('keeps the whole redacted text when line counts differ', () => {
    const stored = withMatchData(candidate(), taxonomy);
    const whole = { ...stored, match: { key: stored.match.key, redacted: 'x\ny', mentions: [] } };
    expect(analyseResume(whole, taxonomy).redacted).toBe('x\ny');
  });
});
