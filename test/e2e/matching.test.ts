import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/sdk/local/webhook-notifier.js';
import { fill, PERSONAS_A, PERSONAS_B, TEMPLATES, type Persona } from '../helpers/blind.js';
import { ROOT, runCli } from '../helpers/cli.js';

const SAMPLES = join(ROOT, 'samples');
const json = (s: string) => JSON.parse(s);

describe('talent match and report, end to end', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'talent-e2e-match-'));
  const env = { TALENT_DATA_DIR: dataDir };
  let marcus = '';

  beforeAll(async () => {
    expect((await runCli(['import', join(SAMPLES, 'resumes'), '--json'], { env })).code).toBe(0);
    expect((await runCli(['jobs', 'ingest', join(SAMPLES, 'jobs.jsonl'), '--json'], { env })).code).toBe(0);
    const list = json((await runCli(['candidates', 'list', '--json'], { env })).stdout);
    marcus = list.candidates.find((c: { source: string }) => basename(c.source) === 'marcus-chen.pdf').id;
  });

  it('--candidate ranks jobs for a candidate, best first, with explanations', async () => {
    const r = await runCli(['match', '--candidate', marcus, '--top', '3', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const out = json(r.stdout);
    expect(out.candidate).toMatchObject({ id: marcus, name: 'Marcus Chen' });
    expect(out.matches[0]).toMatchObject({ rank: 1, jobId: 'J-101' });
    expect(out.matches[0].explanation.requirements.length).toBeGreaterThan(3);
    expect(out.matches).toHaveLength(3);
  });

  it('--job explains every requirement with verdicts and resume lines', async () => {
    const out = json((await runCli(['match', '--job', 'J-101', '--top', '2', '--json'], { env })).stdout);
    const reqs = out.matches[0].explanation.requirements;
    expect(reqs.filter((r: { verdict: string }) => r.verdict === 'met').length).toBeGreaterThan(4);
    const go = reqs.find((r: { requirement: string }) => r.requirement === 'Go');
    expect(go.evidence[0]).toMatchObject({ line: expect.any(Number), text: expect.stringMatching(/\bGo\b/) });
  });

  it('filters: --skills (must-have), --min-years, --min-score, --location', async () => {
    const ids = async (...flags: string[]) => json((await runCli(['match', '--job', 'J-101', '--top', '20', '--json', ...flags], { env })).stdout).matches;
    for (const m of await ids('--skills', 'Go,Kubernetes')) expect(m.explanation.matchedRequiredSkills).toEqual(expect.arrayContaining(['Go', 'Kubernetes']));
    expect((await ids('--skills', 'Go,Kubernetes')).length).toBeLessThan((await ids()).length);
    for (const m of await ids('--min-years', '8')) expect(m.explanation.candidateYears).toBeGreaterThanOrEqual(8);
    for (const m of await ids('--min-score', '0.5')) expect(m.score).toBeGreaterThanOrEqual(0.5);
    const seattle = await ids('--location', 'Seattle, WA');
    expect(seattle.map((m: { name: string }) => m.name)).toContain('Marcus Chen');
    for (const m of seattle) expect(m.explanation.requirements.find((r: { kind: string }) => r.kind === 'location').verdict).toBe('met');
  });

  it('--weights overrides the configured weights; a bad one is a usage error', async () => {
    const out = json((await runCli(['match', '--job', 'J-101', '--top', '1', '--weights', 'requiredSkills=0.9,semantic=0', '--json'], { env })).stdout);
    expect(out.matches[0].explanation.components.find((c: { name: string }) => c.name === 'requiredSkills').weight).toBe(0.9);
    const bad = await runCli(['match', '--job', 'J-101', '--weights', 'charisma=1', '--json'], { env });
    expect(bad.code).toBe(2);
    expect(json(bad.stdout).error).toMatchObject({ code: 'E_USAGE', hint: expect.stringContaining('requiredSkills') });
    expect((await runCli(['match', '--job', 'J-101', '--candidate', marcus], { env })).code).toBe(2);
  });

  it('--all ranks every job, stores the results and exports CSV to a file and NDJSON to stdout', async () => {
    const file = join(dataDir, 'all.csv');
    const r = await runCli(['match', '--all', '--top', '3', '--output', 'csv', '--out', file], { env });
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^job_id,job_title,rank,candidate_id,name,score,/);
    expect(lines).toHaveLength(1 + 9 * 3);
    const nd = await runCli(['match', '--all', '--top', '2', '--output', 'ndjson', '--dry-run'], { env });
    const rows = nd.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(9 * 2);
    expect(new Set(rows.map((x) => x.jobId)).size).toBe(9);
  });

  it('report --html writes one self-contained page with bars and evidence', async () => {
    const file = join(dataDir, 'report.html');
    const r = await runCli(['report', '--job', 'J-101', '--top', '4', '--html', file], { env });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(html.match(/<section class="card"/g)).toHaveLength(4);
    expect(html).toContain('Marcus Chen');
    expect(html).toMatch(/class="fill" style="width:\d+%"/);
    expect(html).toMatch(/<span class="ln">line \d+<\/span>/);
  });
});

describe('blind mode, end to end', () => {
  const JOB = { id: 'J-GO', title: 'Senior Backend Engineer', description: 'Go services on Kubernetes in AWS with PostgreSQL.', requiredSkills: ['Go', 'Kubernetes', 'PostgreSQL', 'AWS'], niceToHaveSkills: ['Kafka', 'Terraform'], minYears: 5, location: 'Seattle, WA' };

  async function setUp(personas: Persona[]) {
    const folder = mkdtempSync(join(tmpdir(), 'talent-blind-'));
    mkdirSync(join(folder, 'resumes'));
    TEMPLATES.forEach((t, i) => writeFileSync(join(folder, 'resumes', `template-${i + 1}.txt`), fill(t, personas[i]!)));
    writeFileSync(join(folder, 'jobs.jsonl'), `${JSON.stringify(JOB)}\n`);
    const env = { TALENT_DATA_DIR: join(folder, 'data') };
    expect((await runCli(['import', join(folder, 'resumes'), '--json'], { env })).code).toBe(0);
    expect((await runCli(['jobs', 'ingest', join(folder, 'jobs.jsonl'), '--json'], { env })).code).toBe(0);
    const list = json((await runCli(['candidates', 'list', '--json'], { env })).stdout);
    const template = new Map(list.candidates.map((c: { id: string; source: string }) => [c.id, basename(c.source)]));
    const rank = async (...flags: string[]) => {
      const r = await runCli(['match', '--job', 'J-GO', '--json', ...flags], { env });
      expect(r.code, r.stderr).toBe(0);
      return { raw: r.stdout, ranking: json(r.stdout).matches.map((m: { candidateId: string; score: number }) => [template.get(m.candidateId), m.score]) };
    };
    return { rank };
  }

  it('gives the same ranking and scores when only name, contacts, address, age and gender words change', async () => {
    const a = await setUp(PERSONAS_A);
    const b = await setUp(PERSONAS_B);
    const blindA = await a.rank('--blind');
    const blindB = await b.rank('--blind');
    expect(blindA.ranking).toHaveLength(3);
    expect(blindB.ranking).toEqual(blindA.ranking);
    for (const p of PERSONAS_A) for (const leak of [p.NAME, p.EMAIL, p.PHONE]) expect(blindA.raw).not.toContain(leak);
    // Without --blind, location fit reads where people live, so the same change shows.
    expect((await b.rank()).ranking).not.toEqual((await a.rank()).ranking);
  });
});

describe('talent match --notify to a webhook', () => {
  let server: Server;
  let url = '';
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  let statuses: number[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'talent-e2e-hook-'));
  const SECRET = 'e2e-secret';
  const env = () => ({ TALENT_DATA_DIR: dataDir, TALENT_NOTIFY_TARGET: 'webhook', TALENT_NOTIFY_WEBHOOK_URL: url, TALENT_NOTIFY_WEBHOOK_SECRET: SECRET });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(statuses.shift() ?? 200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/talent`;
    expect((await runCli(['import', join(SAMPLES, 'resumes'), '--json'], { env: env() })).code).toBe(0);
    expect((await runCli(['jobs', 'ingest', join(SAMPLES, 'jobs.jsonl'), '--json'], { env: env() })).code).toBe(0);
  });
  afterAll(() => server.close());

  it('sends the top matches signed, retrying after a 503', async () => {
    received.length = 0;
    statuses = [503, 200];
    const r = await runCli(['match', '--job', 'J-102', '--top', '3', '--notify', '--json'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(received).toHaveLength(2);
    const last = received[1]!;
    const ok = verifyWebhook(SECRET, last.body, { signature: last.headers['x-talent-signature'] as string, timestamp: last.headers['x-talent-timestamp'] as string });
    expect(ok).toBe(true);
    const payload = json(last.body);
    expect(payload).toMatchObject({ type: 'match.notification', job: { id: 'J-102' } });
    expect(payload.matches.map((m: { candidateId: string }) => m.candidateId)).toEqual(json(r.stdout).matches.map((m: { candidateId: string }) => m.candidateId));
  });

  it('fails with the reason after a 400, without retrying', async () => {
    received.length = 0;
    statuses = [400];
    const r = await runCli(['match', '--job', 'J-102', '--top', '3', '--notify', '--json'], { env: env() });
    expect(r.code).toBe(1);
    expect(json(r.stdout).error).toMatchObject({ code: 'E_WEBHOOK_REJECTED' });
    expect(received).toHaveLength(1);
  });
});
