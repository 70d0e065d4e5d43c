/**
 * HTTP stand-ins for the AWS services no emulator exists for here, so the
 * BUILT CLI can run the aws backend in a subprocess with endpoint overrides
 * (aws-sdk-client-mock cannot reach into another process). Each speaks the
 * service's wire protocol as the SDK sends it and checks the SigV4 scope:
 * - Bedrock Runtime, restJson1: POST /model/{modelId}/converse and /invoke.
 *   The "model" behind Converse is the local rule-based parser run on the
 *   resume text in the prompt: deterministic, and honest about being no LLM.
 *   Titan embeddings are hashed bag-of-words vectors (FakeEmbedder).
 * - Textract, awsJson1_1 (X-Amz-Target): Start/GetDocumentTextDetection. It
 *   reads the staged PDF from S3 (s3rver) and answers with the blocks
 *   registered for that document's SHA-256 — there is no OCR here.
 * - SNS and STS, awsQuery (form-encoded POST, XML answers): Publish and
 *   GetCallerIdentity.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Block } from '@aws-sdk/client-textract';
import { parseProfile } from '../../src/sdk/local/parser/index.js';
import type { SkillTaxonomy } from '../../src/sdk/matching/taxonomy.js';
import { FakeEmbedder } from '../../src/sdk/testing.js';

export interface HttpFake {
  url: string;
  /** Every request: the operation and its decoded input. */
  calls: Array<{ operation: string; input: unknown }>;
  close(): Promise<void>;
}

type Handler = (req: { method: string; path: string; headers: IncomingMessage['headers']; body: string }) => Promise<{ status: number; headers?: Record<string, string>; body: string }>;

/** `http2`: Bedrock Runtime's client speaks HTTP/2 only (NodeHttp2Handler), as cleartext h2c to an http:// endpoint. */
async function serve(service: string, handler: Handler, http2 = false): Promise<HttpFake> {
  const calls: HttpFake['calls'] = [];
  const onRequest = (req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const auth = String(req.headers.authorization ?? '');
      let out: Awaited<ReturnType<Handler>>;
      if (!new RegExp(`^AWS4-HMAC-SHA256 Credential=[^/]+/\\d{8}/[a-z0-9-]+/${service}/aws4_request,`).test(auth)) {
        out = { status: 403, headers: { 'x-amzn-errortype': 'InvalidSignatureException' }, body: JSON.stringify({ message: `expected a SigV4 signature for ${service}` }) };
      } else {
        try {
          out = await handler({ method: req.method ?? 'GET', path: decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname), headers: req.headers, body });
        } catch (err) {
          out = { status: 500, headers: { 'x-amzn-errortype': 'InternalServerException' }, body: JSON.stringify({ message: (err as Error).message }) };
        }
      }
      res.writeHead(out.status, { 'content-type': 'application/json', 'x-amzn-requestid': 'fake-request-id', ...out.headers });
      res.end(out.body);
    });
  };
  const server = http2 ? createHttp2Server(onRequest) : createServer(onRequest);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const jsonError = (status: number, type: string, message: string) => ({ status, headers: { 'x-amzn-errortype': type }, body: JSON.stringify({ __type: type, message }) });

/** Bedrock Runtime: Converse answered by the rule-based parser through the profile tool; Titan V2 InvokeModel. */
export async function startBedrockFake(taxonomy: SkillTaxonomy, options: { breakFirstAnswerFor?: string } = {}): Promise<HttpFake> {
  const handler: Handler = async ({ method, path, body }) => {
    const m = path.match(/^\/model\/(.+)\/(converse|invoke)$/);
    if (method !== 'POST' || !m) return jsonError(404, 'ResourceNotFoundException', `no route ${method} ${path}`);
    const [, modelId, op] = m;
    if (op === 'invoke') {
      const input = JSON.parse(body) as { inputText?: unknown; dimensions?: unknown; normalize?: unknown };
      fake.calls.push({ operation: 'InvokeModel', input: { modelId, ...input } });
      if (typeof input.inputText !== 'string' || input.inputText.length === 0 || input.inputText.length > 50_000) return jsonError(400, 'ValidationException', 'inputText must be 1 to 50,000 characters');
      if (![256, 512, 1024].includes(input.dimensions as number)) return jsonError(400, 'ValidationException', 'dimensions must be 256, 512 or 1024');
      const v = Array.from(await new FakeEmbedder(input.dimensions as number).embedQuery(input.inputText));
      return { status: 200, body: JSON.stringify({ embedding: v, inputTextTokenCount: input.inputText.split(/\s+/).length, embeddingsByType: { float: v } }) };
    }
    const input = JSON.parse(body) as { messages: Array<{ role: string; content: Array<{ text?: string; toolResult?: unknown }> }>; toolConfig?: { tools?: Array<{ toolSpec?: { name: string; inputSchema?: { json?: { type?: string } } } }> } };
    fake.calls.push({ operation: 'Converse', input: { modelId, ...input } });
    const tool = input.toolConfig?.tools?.[0]?.toolSpec;
    if (!input.toolConfig) {
      // A plain chat turn (talent doctor's ping): a short text answer.
      const reply = { role: 'assistant', content: [{ text: 'OK' }] };
      return { status: 200, body: JSON.stringify({ output: { message: reply }, stopReason: 'end_turn', usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 }, metrics: { latencyMs: 1 } }) };
    }
    if (!tool || tool.inputSchema?.json?.type !== 'object') return jsonError(400, 'ValidationException', 'toolConfig.tools[0].toolSpec.inputSchema.json must be an object schema');
    const text = input.messages[0]?.content[0]?.text?.match(/<resume>\n([\s\S]*)\n<\/resume>/)?.[1];
    if (!text) return jsonError(400, 'ValidationException', 'no resume in the first message');
    const profile: Record<string, unknown> = { ...parseProfile(text, { taxonomy }) };
    const repairing = input.messages.some((msg) => msg.content.some((c) => c.toolResult));
    if (!repairing && options.breakFirstAnswerFor && text.includes(options.breakFirstAnswerFor)) profile.experience = 'see resume'; // invalid: not an array
    return {
      status: 200,
      body: JSON.stringify({
        output: { message: { role: 'assistant', content: [{ toolUse: { toolUseId: `tooluse_${fake.calls.length}`, name: tool.name, input: profile } }] } },
        stopReason: 'tool_use',
        usage: { inputTokens: Math.ceil(text.length / 4), outputTokens: 300, totalTokens: Math.ceil(text.length / 4) + 300 },
        metrics: { latencyMs: 1 },
      }),
    };
  };
  const fake = await serve('bedrock', handler, true);
  return fake;
}

/** Textract's asynchronous text detection over documents staged in S3; blocks come from `documents` by SHA-256. */
export async function startTextractFake(s3: S3Client, documents: Map<string, Block[][]>): Promise<HttpFake> {
  const jobs = new Map<string, { pages: Block[][] | undefined; polls: number }>();
  const handler: Handler = async ({ headers, body }) => {
    const target = String(headers['x-amz-target'] ?? '');
    const input = JSON.parse(body || '{}') as Record<string, unknown>;
    fake.calls.push({ operation: target.replace('Textract.', ''), input });
    if (target === 'Textract.StartDocumentTextDetection') {
      const loc = (input.DocumentLocation as { S3Object?: { Bucket?: string; Name?: string } } | undefined)?.S3Object;
      let bytes: Uint8Array;
      try {
        const obj = await s3.send(new GetObjectCommand({ Bucket: loc?.Bucket, Key: loc?.Name }));
        bytes = await obj.Body!.transformToByteArray();
      } catch {
        return jsonError(400, 'InvalidS3ObjectException', 'Unable to get object metadata from S3. Check object key, region and/or access permissions.');
      }
      const sha = createHash('sha256').update(bytes).digest('hex');
      const JobId = `job-${sha.slice(0, 12)}`;
      jobs.set(JobId, { pages: documents.get(sha), polls: 0 });
      return { status: 200, body: JSON.stringify({ JobId }) };
    }
    if (target === 'Textract.GetDocumentTextDetection') {
      const job = jobs.get(String(input.JobId));
      if (!job) return jsonError(400, 'InvalidJobIdException', 'An invalid job identifier was passed.');
      if (job.polls++ === 0) return { status: 200, body: JSON.stringify({ JobStatus: 'IN_PROGRESS', DocumentMetadata: { Pages: 0 } }) };
      if (!job.pages) return { status: 200, body: JSON.stringify({ JobStatus: 'FAILED', StatusMessage: 'the fake has no OCR for this document' }) };
      const page = input.NextToken ? Number(input.NextToken) : 0;
      const next = page + 1 < job.pages.length ? String(page + 1) : undefined;
      return { status: 200, body: JSON.stringify({ JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: job.pages.length }, Blocks: job.pages[page], DetectDocumentTextModelVersion: '1.0', ...(next ? { NextToken: next } : {}) }) };
    }
    return jsonError(400, 'UnknownOperationException', `the fake does not model ${target}`);
  };
  const fake = await serve('textract', handler);
  return fake;
}

const xml = (action: string, ns: string, result: string) => ({
  status: 200,
  headers: { 'content-type': 'text/xml' },
  body: `<${action}Response xmlns="${ns}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>fake-request-id</RequestId></ResponseMetadata></${action}Response>`,
});

/** SNS Publish and STS GetCallerIdentity (both awsQuery); published messages are decoded into `calls`. */
export async function startQueryFake(service: 'sns' | 'sts'): Promise<HttpFake> {
  const handler: Handler = async ({ body }) => {
    const form = Object.fromEntries(new URLSearchParams(body));
    fake.calls.push({ operation: form.Action ?? '?', input: form });
    if (service === 'sts' && form.Action === 'GetCallerIdentity') {
      return xml('GetCallerIdentity', 'https://sts.amazonaws.com/doc/2011-06-15/', '<Arn>arn:aws:iam::111122223333:user/e2e</Arn><UserId>AIDAE2E</UserId><Account>111122223333</Account>');
    }
    if (service === 'sns' && form.Action === 'Publish') return xml('Publish', 'http://sns.amazonaws.com/doc/2010-03-31/', `<MessageId>msg-${fake.calls.length}</MessageId>`);
    if (service === 'sns' && form.Action === 'GetTopicAttributes') {
      return xml('GetTopicAttributes', 'http://sns.amazonaws.com/doc/2010-03-31/', `<Attributes><entry><key>TopicArn</key><value>${form.TopicArn}</value></entry><entry><key>SubscriptionsConfirmed</key><value>1</value></entry></Attributes>`);
    }
    return { status: 400, headers: { 'content-type': 'text/xml' }, body: `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>the fake does not model ${form.Action}</Message></Error></ErrorResponse>` };
  };
  const fake = await serve(service, handler);
  return fake;
}
