/**
 * The BUILT CLI on `backend: "aws"`, in a subprocess, end to end: import,
 * jobs ingest, match (with --notify), re-import, doctor.
 *
 * Why a subprocess with HTTP stand-ins rather than the SDK in-process with
 * mocked clients: this is the path a user runs. The config file, the AWS
 * default credential chain (from env), endpoint overrides, lazy client
 * loading, SigV4 signing, the wire protocols and a clean process exit are all
 * exercised for real. Behind the endpoints: dynalite (DynamoDB), s3rver (S3),
 * the OpenSearch fake (as a Serverless vector collection, SigV4 `aoss`), and
 * the HTTP fakes for Bedrock, Textract, SNS and STS (test/helpers/aws-http-fakes.ts).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/sdk/matching/taxonomy.js';
import { clearAwsEnv, createTalentTable, CREDENTIALS, dynamoClient, REGION, s3Client, startDynalite, startS3rver, type Emulator } from '../helpers/aws-emulators.js';
import { startBedrockFake, startQueryFake, startTextractFake, type HttpFake } from '../helpers/aws-http-fakes.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { startOpenSearchFake, type OpenSearchFake } from '../helpers/opensearch-fake/server.js';
import { makeScannedPdf } from '../fixtures/scanned-pdf.js';
import { pageBlocks, SCANNED_RESUME } from '../fixtures/textract.js';

clearAwsEnv();
const SAMPLES = join(ROOT, 'samples');
const expectedTop = JSON.parse(readFileSync(join(SAMPLES, 'expected-top.json'), 'utf8')) as Record<string, string>;
const BUCKET = 'talent-e2e';
const TABLE = 'talent-e2e';
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:talent-matches';

let dynalite: Emulator;
let s3rver: Emulator;
let opensearch: OpenSearchFake;
let bedrock: HttpFake;
let textract: HttpFake;
let sns: HttpFake;
let sts: HttpFake;
let cwd: string;
let resumes: string;
/** No real AWS configuration can leak in: credentials come from the env, files and IMDS are off. */
const env = (credentials = true): NodeJS.ProcessEnv => ({
  ...(credentials ? { AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey } : {}),
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});
const cli = (args: string[], credentials = true) => runCli(args, { cwd, env: env(credentials) });

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error(`Build first (npm run build): ${BIN} needs dist/`);
  [dynalite, s3rver, opensearch] = await Promise.all([startDynalite(), startS3rver([BUCKET]), startOpenSearchFake({ flavor: 'aoss-vector', sigv4: 'aoss' })]);
  await createTalentTable(dynamoClient(dynalite.endpoint), TABLE);

  resumes = mkdtempSync(join(tmpdir(), 'talent-aws-resumes-'));
  for (const f of readdirSync(join(SAMPLES, 'resumes'))) copyFileSync(join(SAMPLES, 'resumes', f), join(resumes, f));
  const scanned = await makeScannedPdf();
  writeFileSync(join(resumes, 'olivia-brennan-scan.pdf'), scanned);
  const documents = new Map([[createHash('sha256').update(scanned).digest('hex'), SCANNED_RESUME.map((lines, i) => pageBlocks(i + 1, lines))]]);

  [bedrock, textract, sns, sts] = await Promise.all([
    startBedrockFake(loadTaxonomy(), { breakFirstAnswerFor: 'Marcus Chen' }),
    startTextractFake(s3Client(s3rver.endpoint), documents),
    startQueryFake('sns'),
    startQueryFake('sts'),
  ]);
  cwd = mkdtempSync(join(tmpdir(), 'talent-aws-e2e-'));
  mkdirSync(join(cwd, '.git'));
  writeFileSync(
    join(cwd, '.talentrc.json'),
    JSON.stringify({
      backend: 'aws',
      aws: {
        region: REGION,
        bucket: BUCKET,
        table: TABLE,
        topicArn: TOPIC,
        opensearch: { endpoint: opensearch.url, service: 'aoss', index: 'talent' },
        bedrock: { embedDimensions: 256 },
        endpoints: { s3: s3rver.endpoint, dynamodb: dynalite.endpoint, bedrock: bedrock.url, textract: textract.url, sns: sns.url, sts: sts.url },
      },
    }),
  );
});
afterAll(async () => {
  await Promise.all([dynalite, s3rver, opensearch, bedrock, textract, sns, sts].map((x) => x?.close()));
});

describe('the built CLI on the aws backend (emulators and HTTP fakes)', () => {
  it('imports the samples and a scanned PDF: text layers read locally, the scan through Textract, profiles through Bedrock', async () => {
    const r = await cli(['import', resumes, '--json']);
    expect(r.stderr).toContain('aws backend');
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ imported: 13, failed: 0, total: 13 });

    // Textract: one job for the one scan, polled past IN_PROGRESS, two result pages.
    expect(textract.calls.map((c) => c.operation)).toEqual(['StartDocumentTextDetection', 'GetDocumentTextDetection', 'GetDocumentTextDetection', 'GetDocumentTextDetection']);
    // Bedrock: one Converse per resume, plus the repair turn for the answer the fake broke on purpose.
    expect(bedrock.calls.filter((c) => c.operation === 'Converse')).toHaveLength(14);
    const embeds = bedrock.calls.filter((c) => c.operation === 'InvokeModel').map((c) => c.input as { dimensions: number; normalize: boolean });
    expect(embeds).toHaveLength(13);
    expect(embeds.every((b) => b.dimensions === 256 && b.normalize === true)).toBe(true);
    expect(opensearch.indices.get('talent-candidate')!.docs.size).toBe(13);
  });

  it('ingests the sample jobs', async () => {
    const r = await cli(['jobs', 'ingest', join(SAMPLES, 'jobs.jsonl'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ingested: Object.keys(expectedTop).length, failed: 0 });
  });

  it.each(Object.entries(expectedTop))('ranks the expected candidate first for %s (hybrid k-NN + BM25 through OpenSearch)', async (jobId, file) => {
    const r = await cli(['match', '--job', jobId, '--top', '5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { matches: Array<{ source: string; score: number; explanation: { retrieval: { vectorRank?: number; keywordRank?: number } } }> };
    expect(basename(out.matches[0]!.source).replace(/\.(pdf|docx)$/, ''), JSON.stringify(out.matches.map((m) => [basename(m.source), m.score]))).toBe(file);
    expect(out.matches[0]!.explanation.retrieval.vectorRank).toBeGreaterThan(0);
    expect(out.matches[0]!.explanation.retrieval.keywordRank).toBeGreaterThan(0);
  });

  it('finds the scanned resume by what Textract read from it', async () => {
    const list = JSON.parse((await cli(['candidates', 'list', '--json'])).stdout) as { candidates: Array<{ id: string; name: string | null; source: string }> };
    expect(list.candidates).toHaveLength(13);
    const scan = list.candidates.find((c) => c.source.endsWith('olivia-brennan-scan.pdf'))!;
    const show = JSON.parse((await cli(['candidates', 'show', scan.id, '--json'])).stdout);
    expect(show.profile).toMatchObject({ name: 'Olivia Brennan', emails: ['olivia.brennan@example.com'] });
    expect(show.profile.skills.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Python', 'Spark', 'Airflow', 'Kafka', 'Terraform']));
  });

  it('--notify publishes the result to SNS with filterable attributes', async () => {
    const r = await cli(['match', '--job', 'J-101', '--top', '3', '--notify', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const top = JSON.parse(r.stdout).matches[0];
    const published = sns.calls.filter((c) => c.operation === 'Publish').at(-1)!.input as Record<string, string>;
    expect(published.TopicArn).toBe(TOPIC);
    expect(JSON.parse(published.Message!)).toMatchObject({ type: 'match.notification', job: { id: 'J-101' } });
    const attrs = Object.fromEntries(
      Object.keys(published)
        .filter((k) => /^MessageAttributes\.entry\.\d+\.Name$/.test(k))
        .map((k) => [published[k], published[k.replace('.Name', '.Value.StringValue')]]),
    );
    expect(attrs).toMatchObject({ jobId: 'J-101', topScore: top.score.toFixed(4), matchCount: '3' });
  });

  it('a re-import skips every file (the journal lives in DynamoDB)', async () => {
    const before = bedrock.calls.length;
    const r = await cli(['import', resumes, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ imported: 0, skipped: 13 });
    expect(bedrock.calls.length).toBe(before);
  });

  it('doctor checks every resource and exits 0', async () => {
    const r = await cli(['doctor', '--json']);
    const report = JSON.parse(r.stdout) as { ok: boolean; checks: Array<{ name: string; status: string; detail: string }> };
    expect(r.code, JSON.stringify(report.checks)).toBe(0);
    expect(report.checks.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(report.checks.find((c) => c.name === 'credentials')!.detail).toContain('arn:aws:iam::111122223333:user/e2e');
  });

  it('--profile and --region set aws.profile and aws.region (flag layer)', async () => {
    const r = await cli(['config', 'show', '--json', '--profile', 'dev', '--region', 'eu-west-1']);
    const settings = JSON.parse(r.stdout).settings as Array<{ key: string; value: unknown; layer: string }>;
    expect(settings.find((x) => x.key === 'aws.region')).toMatchObject({ value: 'eu-west-1', layer: 'flag' });
    expect(settings.find((x) => x.key === 'aws.profile')).toMatchObject({ value: 'dev', layer: 'flag' });
  });

  it('without credentials, doctor says how to configure them and exits 4; other commands exit 4 too', async () => {
    const r = await cli(['doctor'], false);
    expect(r.code, r.stdout + r.stderr).toBe(4);
    expect(r.stdout).toMatch(/credentials\s+FAIL/);
    expect(r.stdout).toContain('aws configure');
    const m = await cli(['jobs', 'show', 'J-101', '--json'], false);
    expect(m.code, m.stdout + m.stderr).toBe(4);
    expect(JSON.parse(m.stdout).error.code).toBe('E_AWS_CREDENTIALS');
  });
});
