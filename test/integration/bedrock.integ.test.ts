/**
 * The Bedrock profile parser (Converse + tool use, one repair turn) and the
 * Titan V2 embedder through aws-sdk-client-mock with documented response
 * shapes (test/fixtures/bedrock.ts).
 */
import { AccessDeniedException, BedrockRuntimeClient, ConverseCommand, InvokeModelCommand, ThrottlingException, ValidationException } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { TitanEmbedder } from '../../src/sdk/aws/bedrock-embedder.js';
import { BedrockProfileParser, PROFILE_TOOL, profileToolSchema } from '../../src/sdk/aws/bedrock-parser.js';
import { loadTaxonomy } from '../../src/sdk/matching/taxonomy.js';
import { FakeEmbedder } from '../../src/sdk/testing.js';
import { embedderContract } from '../contract/embedder.contract.js';
import { clearAwsEnv } from '../helpers/aws-emulators.js';
import { converseText, converseToolUse, PROFILE_INPUT, titanResponse } from '../fixtures/bedrock.js';

clearAwsEnv();
const bedrock = mockClient(BedrockRuntimeClient);
const taxonomy = loadTaxonomy();
const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const parser = () => new BedrockProfileParser(new BedrockRuntimeClient({ region: 'us-east-1' }), { modelId: MODEL, taxonomy, referenceDate: new Date('2026-01-15T00:00:00Z') });
beforeEach(() => bedrock.reset());

describe('Bedrock profile parser (Converse tool use)', () => {
  it('forces the profile tool, whose input schema is the zod schema as JSON Schema, and normalises the answer', async () => {
    bedrock.on(ConverseCommand).resolves(converseToolUse(PROFILE_INPUT));
    const profile = await parser().parse('Olivia Brennan\nSenior Data Engineer…', { fileName: 'olivia.pdf' });

    const input = bedrock.commandCalls(ConverseCommand)[0]!.args[0].input;
    expect(input.modelId).toBe(MODEL);
    expect(input.toolConfig).toEqual({
      tools: [{ toolSpec: { name: PROFILE_TOOL, description: expect.any(String), inputSchema: { json: profileToolSchema() } } }],
      toolChoice: { any: {} },
    });
    expect(profileToolSchema()).toMatchObject({ type: 'object', properties: { experience: { type: 'array' }, skills: { type: 'array' } } });
    expect(profileToolSchema()).not.toHaveProperty('$schema');
    expect(input.messages![0]!.content![0]!.text).toContain('<resume>\nOlivia Brennan');
    expect(input.inferenceConfig).toMatchObject({ temperature: 0 });

    // Canonical, de-duplicated skills; years from the dates, not the model's 99.
    expect(profile.skills.map((s) => s.name)).toEqual(['Python', 'Kubernetes', 'Spark']);
    expect(profile.totalYears).toBe(10.7); // 2015-06 … 2026-01, contiguous: 128 months
    expect(profile.emails).toEqual(['olivia.brennan@example.com']);
    expect(profile.experience[0]!.skills).toEqual(expect.arrayContaining(['Spark', 'Kubernetes', 'Airflow']));
  });

  it('sends the validation errors back as a tool result once, and accepts the repaired answer', async () => {
    const broken = { ...PROFILE_INPUT, experience: [{ ...PROFILE_INPUT.experience[0], start: 'March 2019' }], emails: 'olivia@example.com' };
    bedrock.on(ConverseCommand).resolvesOnce(converseToolUse(broken)).resolves(converseToolUse(PROFILE_INPUT));
    const profile = await parser().parse('resume text');
    expect(profile.name).toBe('Olivia Brennan');

    const calls = bedrock.commandCalls(ConverseCommand);
    expect(calls).toHaveLength(2);
    const messages = calls[1]!.args[0].input.messages!;
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    const toolUseId = messages[1]!.content!.find((b) => b.toolUse)!.toolUse!.toolUseId;
    const result = messages[2]!.content![0]!.toolResult!;
    expect(result).toMatchObject({ toolUseId, status: 'error' });
    expect(result.content![0]!.text).toMatch(/emails: .*experience\.0\.start: /);
  });

  it('asks again when the model answers in prose instead of calling the tool', async () => {
    bedrock.on(ConverseCommand).resolvesOnce(converseText('Here is the profile: Olivia, data engineer.')).resolves(converseToolUse(PROFILE_INPUT));
    expect((await parser().parse('resume text')).name).toBe('Olivia Brennan');
    const second = bedrock.commandCalls(ConverseCommand)[1]!.args[0].input.messages!;
    expect(second.at(-1)!.content![0]!.text).toContain(`calling the ${PROFILE_TOOL} tool`);
  });

  it('fails clearly after one repair attempt', async () => {
    bedrock.on(ConverseCommand).resolves(converseToolUse({ ...PROFILE_INPUT, skills: 'Python, SQL' }, 'max_tokens'));
    await expect(parser().parse('resume text', { fileName: 'x.pdf' })).rejects.toMatchObject({
      code: 'E_PARSE_MODEL_OUTPUT',
      file: 'x.pdf',
      message: expect.stringMatching(/invalid profile for x\.pdf twice: the output was cut off at the token limit; skills: /),
      hint: expect.stringContaining('aws.bedrock.parseModelId'),
    });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(2);
  });

  it('treats null as "not stated"', async () => {
    bedrock.on(ConverseCommand).resolves(converseToolUse({ ...PROFILE_INPUT, location: null, summary: null }));
    const p = await parser().parse('resume text');
    expect(p.location).toBeUndefined();
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(1);
  });

  it.each([
    ['throttling', new ThrottlingException({ message: 'Too many requests, please wait before trying again.', $metadata: { httpStatusCode: 429 } }), { name: 'RateLimitError', retryable: true }],
    [
      'no model access',
      new AccessDeniedException({ message: "You don't have access to the model with the specified model ID.", $metadata: { httpStatusCode: 403 } }),
      { name: 'AuthError', code: 'E_AWS_ACCESS_DENIED', hint: expect.stringContaining('Model access') },
    ],
    [
      'a model that needs an inference profile',
      new ValidationException({ message: 'Invocation of model ID anthropic.claude-3-5-haiku-20241022-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.', $metadata: { httpStatusCode: 400 } }),
      { name: 'ConfigError', code: 'E_AWS_BEDROCK_MODEL', hint: expect.stringContaining('inference profile') },
    ],
  ])('translates %s', async (_name, error, expected) => {
    bedrock.on(ConverseCommand).rejects(error);
    await expect(parser().parse('resume text')).rejects.toMatchObject({ ...expected, cause: error });
  });
});

describe('Titan Text Embeddings V2 embedder', () => {
  /** A mocked Titan: deterministic hashed vectors of the requested width, as the real one would return floats. */
  const titan = (delayMs = 0) => {
    const fake = new FakeEmbedder(256);
    let inFlight = 0;
    let maxInFlight = 0;
    bedrock.on(InvokeModelCommand).callsFake(async (input: { body: string }) => {
      const { inputText, dimensions } = JSON.parse(input.body) as { inputText: string; dimensions: number };
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, delayMs));
      inFlight--;
      const v = await new FakeEmbedder(dimensions).embedQuery(inputText);
      return titanResponse(Array.from(v));
    });
    return { fake, max: () => maxInFlight };
  };
  const embedder = (concurrency = 4) => new TitanEmbedder(new BedrockRuntimeClient({ region: 'us-east-1' }), { dimensions: 256, concurrency });

  it('sends one InvokeModel per text with the documented body', async () => {
    titan();
    await embedder().embedDocuments(['Go engineer', '']);
    const calls = bedrock.commandCalls(InvokeModelCommand).map((c) => c.args[0].input);
    expect(calls[0]).toMatchObject({ modelId: 'amazon.titan-embed-text-v2:0', contentType: 'application/json', accept: 'application/json' });
    expect(JSON.parse(calls[0]!.body as string)).toEqual({ inputText: 'Go engineer', dimensions: 256, normalize: true });
    expect(JSON.parse(calls[1]!.body as string).inputText).toBe(' ');
  });

  it('keeps at most `concurrency` calls in flight and the results in order', async () => {
    const t = titan(5);
    const texts = Array.from({ length: 10 }, (_, i) => `text ${i}`);
    const vs = await embedder(3).embedDocuments(texts);
    expect(t.max()).toBe(3);
    for (let i = 0; i < texts.length; i++) expect(Array.from(vs[i]!)).toEqual(Array.from(await new FakeEmbedder(256).embedQuery(texts[i]!)).map((x) => Math.fround(x)));
  });

  it('rejects a response of the wrong width', async () => {
    bedrock.on(InvokeModelCommand).resolves(titanResponse([0.1, 0.2]));
    await expect(embedder().embedQuery('x')).rejects.toMatchObject({ code: 'E_EMBED_RESPONSE' });
  });

  beforeEach(() => titan());
  embedderContract('Titan V2 on Bedrock (mocked runtime)', async () => embedder(), { semantic: false });
});
