import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion, scoreCandidate, semanticValue, SkillTaxonomy, type Candidate, type Job } from '../../src/sdk/index.js';
import { WeightsSchema } from '../../src/sdk/config.js';

const taxonomy = new SkillTaxonomy([
  { name: 'Go', aliases: ['Golang'] },
  { name: 'Kubernetes', aliases: ['k8s'] },
  { name: 'PostgreSQL', aliases: ['Postgres'] },
  { name: 'React', aliases: ['ReactJS'] },
]);
const weights = WeightsSchema.parse({});

const job = (over: Partial<Job> = {}): Job => ({
  id: 'J-1',
  title: 'Backend Engineer',
  description: '',
  requiredSkills: ['Go', 'Kubernetes', 'PostgreSQL', 'gRPC'],
  niceToHaveSkills: ['React'],
  minYears: 5,
  updatedAt: '',
  ...over,
});
const candidate = (skills: string[], years: number, text = ''): Candidate => ({
  id: 'c_1',
  source: '/r.pdf',
  contentHash: '',
  mediaType: 'text/plain',
  text,
  importedAt: '',
  profile: { emails: [], phones: [], links: [], skills: skills.map((name) => ({ name })), experience: [], education: [], certifications: [], languages: [], roles: [], totalYears: years },
});
const score = (c: Candidate, j = job(), similarity = 0.6, keywordRelevance = 1) =>
  scoreCandidate({ job: j, candidate: c, similarity, keywordRelevance, retrieval: {} }, weights, taxonomy);

describe('scoreCandidate', () => {
  it('explains matched and missing required skills, through the taxonomy and the text', () => {
    const { explanation } = score(candidate(['Go', 'PostgreSQL'], 6, 'Built gRPC services'));
    expect(explanation.matchedRequiredSkills).toEqual(['Go', 'PostgreSQL', 'gRPC']);
    expect(explanation.missingRequiredSkills).toEqual(['Kubernetes']);
    expect(explanation.summary).toContain('meets 3/4 required skills (missing: Kubernetes)');
    expect(explanation.summary).toContain('6 years of experience vs 5 required');
  });

  it('keeps the score in [0, 1] and equal to the sum of contributions', () => {
    for (const [skills, years, sim, kw] of [
      [[], 0, -1, 0],
      [['Go', 'Kubernetes', 'PostgreSQL', 'React'], 30, 1, 1],
      [['Go'], 2, 0.4, 0.3],
    ] as const) {
      const { score: s, explanation } = score(candidate([...skills], years, 'gRPC'), job(), sim, kw);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(explanation.components.reduce((a, c) => a + c.contribution, 0)).toBeCloseTo(s, 3);
    }
  });

  it('ranks more required skills higher, all else equal', () => {
    const more = score(candidate(['Go', 'Kubernetes', 'PostgreSQL'], 6)).score;
    const fewer = score(candidate(['Go'], 6)).score;
    expect(more).toBeGreaterThan(fewer);
  });

  it('rewards years up to the minimum, and not beyond', () => {
    const junior = score(candidate(['Go'], 1)).score;
    const enough = score(candidate(['Go'], 5)).score;
    const veteran = score(candidate(['Go'], 25)).score;
    expect(enough).toBeGreaterThan(junior);
    expect(veteran).toBe(enough);
  });

  it('drops components that do not apply and renormalises the weights', () => {
    const { explanation, score: s } = score(candidate([], 0), job({ requiredSkills: [], niceToHaveSkills: [], minYears: 0 }), 0.7, 1);
    // The title component always applies (a title with content words); here it scores 0.
    expect(explanation.components.map((c) => c.name)).toEqual(['semantic', 'keyword', 'title']);
    expect(s).toBeCloseTo((weights.semantic + weights.keyword) / (weights.semantic + weights.keyword + weights.title), 4);
  });

  it('maps similarity to [0, 1] monotonically', () => {
    expect(semanticValue(-0.3)).toBe(0);
    expect(semanticValue(0.45)).toBeCloseTo(0.5, 5);
    expect(semanticValue(0.95)).toBe(1);
  });
});

describe('reciprocalRankFusion', () => {
  it('puts documents found by both lists first and records ranks', () => {
    const fused = reciprocalRankFusion([[{ id: 'a' }, { id: 'b' }, { id: 'c' }], [{ id: 'c' }, { id: 'a' }, { id: 'd' }]]);
    expect(fused.map((f) => f.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(fused[0]!.ranks).toEqual([1, 2]);
    expect(fused[3]!.ranks).toEqual([undefined, 3]);
    expect(fused[0]!.score).toBeCloseTo(1 / 61 + 1 / 62, 10);
  });
  it('counts a duplicate within one list once', () => {
    const fused = reciprocalRankFusion([[{ id: 'a' }, { id: 'a' }]]);
    expect(fused).toHaveLength(1);
    expect(fused[0]!.score).toBeCloseTo(1 / 61, 10);
  });
});
