import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTalent, type TalentClient } from '../../src/sdk/index.js';
import { BACKEND_JOB as JOB, fill, PERSONAS_A, PERSONAS_B, TEMPLATES, type Persona } from '../helpers/blind.js';

async function clientWith(personas: Persona[]): Promise<{ talent: TalentClient; idOf: Map<string, number> }> {
  const talent = await createTalent({ dataDir: mkdtempSync(join(tmpdir(), 'talent-rank-')), embedder: 'fake' }, { readConfigFiles: false, env: {} });
  const idOf = new Map<string, number>();
  for (const [i, t] of TEMPLATES.entries()) {
    const c = await talent.candidates.add({ bytes: Buffer.from(fill(t, personas[i]!)), source: `/resumes/template-${i + 1}.txt` });
    idOf.set(c.id, i + 1);
  }
  await talent.jobs.upsert([JOB, { id: 'J-JAVA', title: 'Java Developer', requiredSkills: ['Java', 'Spring Boot', 'MySQL'], minYears: 2, location: 'Remote' }]);
  return { talent, idOf };
}

describe('ranking on the local index (fake embedder)', () => {
  let a: Awaited<ReturnType<typeof clientWith>>;
  let b: Awaited<ReturnType<typeof clientWith>>;
  beforeAll(async () => {
    a = await clientWith(PERSONAS_A);
    b = await clientWith(PERSONAS_B);
  });
  afterAll(async () => {
    await a.talent.close();
    await b.talent.close();
  });

  const ranking = async (c: typeof a, blind: boolean) =>
    (await c.talent.match.candidatesForJob('J-GO', { blind, save: false })).matches.map((m) => [c.idOf.get(m.candidateId), m.score]);

  it('blind mode: the ranking and every score are identical when only personal details change', async () => {
    const blindA = await ranking(a, true);
    expect(blindA).toHaveLength(3);
    expect(await ranking(b, true)).toEqual(blindA);
  });

  it('without blind mode the same change moves scores (location fit), so the test above can fail', async () => {
    expect(await ranking(b, false)).not.toEqual(await ranking(a, false));
  });

  it('blind mode hides names and sources, and quotes evidence redacted', async () => {
    const { matches } = await a.talent.match.candidatesForJob('J-GO', { blind: true, save: false });
    const text = JSON.stringify(matches);
    for (const p of PERSONAS_A) for (const leak of [p.NAME, p.EMAIL, p.STREET]) expect(text).not.toContain(leak);
    expect(matches[0]!.explanation.blind).toBe(true);
    expect(matches[0]!.explanation.components.map((c) => c.name)).not.toContain('location');
  });

  it('explains each requirement with a verdict and resume lines', async () => {
    const { matches } = await a.talent.match.candidatesForJob('J-GO', { save: false });
    const top = matches[0]!;
    expect(a.idOf.get(top.candidateId)).toBe(1);
    const go = top.explanation.requirements!.find((r) => r.requirement === 'Go')!;
    expect(go).toMatchObject({ kind: 'skill', verdict: 'met', mustHave: false });
    expect(go.evidence.length).toBeGreaterThan(0);
    for (const e of go.evidence) expect(e.text).toMatch(/\bGo\b/);
    expect(top.explanation.requirements!.find((r) => r.kind === 'location')).toMatchObject({ verdict: 'met' });
    expect(top.explanation.requirements!.find((r) => r.kind === 'experience')).toMatchObject({ verdict: 'met' });
    const java = matches.find((m) => a.idOf.get(m.candidateId) === 2)!;
    expect(java.explanation.requirements!.find((r) => r.requirement === 'Kubernetes')).toMatchObject({ verdict: 'missing', evidence: [] });
  });

  it('filters: must-have skills, minimum years, minimum score, location', async () => {
    const m = a.talent.match;
    const ids = async (filters: object) => (await m.candidatesForJob('J-GO', { filters, save: false })).matches.map((x) => a.idOf.get(x.candidateId)).sort();
    expect(await ids({ skills: ['Terraform', 'Helm'] })).toEqual([3]);
    expect(await ids({ skills: ['Java'] })).toEqual([2]);
    expect(await ids({ minYears: 6 })).toEqual([1, 3]);
    expect(await ids({ location: 'WA' })).toEqual([1, 2]);
    expect(await ids({ location: 'Portland, OR' })).toEqual([3]);
    const all = (await m.candidatesForJob('J-GO', { save: false })).matches;
    const cut = (all[0]!.score + all[1]!.score) / 2;
    expect((await m.candidatesForJob('J-GO', { filters: { minScore: cut }, save: false })).matches).toHaveLength(1);
  });

  it('a job field mustHave works like --skills', async () => {
    await a.talent.jobs.upsert([{ ...JOB, id: 'J-MUST', mustHave: ['Helm'] }]);
    const job = await a.talent.jobs.get('J-MUST');
    expect(job.mustHave).toEqual(['Helm']);
    expect(job.requiredSkills).toContain('Helm');
    const { matches } = await a.talent.match.candidatesForJob('J-MUST', { save: false });
    expect(matches.map((x) => a.idOf.get(x.candidateId))).toEqual([3]);
    expect(matches[0]!.explanation.requirements!.find((r) => r.requirement === 'Helm')).toMatchObject({ mustHave: true, verdict: 'met' });
  });

  it('weights: overriding them changes the components and the score', async () => {
    const base = (await a.talent.match.candidatesForJob('J-GO', { save: false })).matches[0]!;
    const skew = (await a.talent.match.candidatesForJob('J-GO', { save: false, weights: { requiredSkills: 5 } })).matches[0]!;
    expect(skew.explanation.components.find((c) => c.name === 'requiredSkills')!.weight).toBe(5);
    expect(skew.score).not.toBe(base.score);
    for (const r of [base, skew]) expect(r.explanation.components.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(r.score, 3);
  });

  it('the other direction: jobs for a candidate, scored like candidates for the job', async () => {
    const javaDev = [...a.idOf].find(([, i]) => i === 2)![0];
    const res = await a.talent.match.jobsForCandidate(javaDev);
    expect(res.matches[0]).toMatchObject({ rank: 1, jobId: 'J-JAVA' });
    const forward = (await a.talent.match.candidatesForJob('J-JAVA', { save: false })).matches.find((m) => m.candidateId === javaDev)!;
    expect(res.matches[0]!.explanation.matchedRequiredSkills).toEqual(forward.explanation.matchedRequiredSkills);
    expect((await a.talent.match.jobsForCandidate(javaDev, { filters: { location: 'Boston, MA' } })).matches.map((m) => m.jobId)).toEqual(['J-JAVA']);
  });

  it('blind mode refuses a location filter', async () => {
    await expect(a.talent.match.candidatesForJob('J-GO', { blind: true, filters: { location: 'WA' } })).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('match.all ranks every job and stores each result', async () => {
    const seen: string[] = [];
    for await (const r of b.talent.match.all({ top: 2 })) seen.push(r.job.id);
    expect(seen.sort()).toEqual(['J-GO', 'J-JAVA']);
    expect((await b.talent.match.saved('J-JAVA'))?.matches.length).toBeGreaterThan(0);
  });
});
