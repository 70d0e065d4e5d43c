import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { TalentError } from '../errors.js';
import { l2normalise } from '../matching/vectors.js';
import type { Embedder } from '../ports/index.js';
import { awsCall } from './errors.js';

/** Titan Text Embeddings V2 reads at most 8,192 tokens or 50,000 characters per text. */
const MAX_CHARS = 50_000;

export interface TitanEmbedderOptions {
  /** Default `amazon.titan-embed-text-v2:0`. */
  modelId?: string;
  /** 256, 512 or 1024 (Titan V2's choices). Default 1024. */
  dimensions?: 256 | 512 | 1024;
  /** InvokeModel calls in flight at once. Default 4. */
  concurrency?: number;
}

/**
 * Embeddings from Amazon Titan Text Embeddings V2 on Bedrock.
 *
 * Titan V2 embeds ONE text per InvokeModel call (the request body is
 * `{inputText, dimensions, normalize}`; there is no batch form outside the
 * asynchronous batch-inference jobs), so `embedDocuments` runs a bounded pool
 * of concurrent calls instead: a batch of 16 resumes costs 16 calls, at most
 * `concurrency` at a time, each retried by the SDK's adaptive retry mode.
 * Body and response: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-text.html
 */
export class TitanEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: 256 | 512 | 1024;
  private readonly modelId: string;
  private readonly concurrency: number;

  constructor(private readonly bedrock: BedrockRuntimeClient, options: TitanEmbedderOptions = {}) {
    this.modelId = options.modelId ?? 'amazon.titan-embed-text-v2:0';
    this.dimensions = options.dimensions ?? 1024;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.id = `bedrock:${this.modelId}`;
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    const out = new Array<Float32Array>(texts.length);
    let next = 0;
    const worker = async () => {
      while (next < texts.length) {
        const i = next++;
        out[i] = await this.embedOne(texts[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, texts.length) }, worker));
    return out;
  }

  embedQuery(text: string): Promise<Float32Array> {
    return this.embedOne(text);
  }

  private async embedOne(text: string): Promise<Float32Array> {
    const { InvokeModelCommand } = await import('@aws-sdk/client-bedrock-runtime');
    // Titan rejects an empty inputText; a single space embeds "nothing" consistently.
    const inputText = text.trim() ? text.slice(0, MAX_CHARS) : ' ';
    const res = await awsCall({ service: 'bedrock', operation: 'InvokeModel', resource: this.modelId }, () =>
      this.bedrock.send(
        new InvokeModelCommand({
          modelId: this.modelId,
          contentType: 'application/json',
          accept: 'application/json',
          body: JSON.stringify({ inputText, dimensions: this.dimensions, normalize: true }),
        }),
      ),
    );
    let embedding: unknown;
    try {
      embedding = (JSON.parse(new TextDecoder().decode(res.body)) as { embedding?: unknown }).embedding;
    } catch (err) {
      throw this.badResponse('the body is not JSON', err);
    }
    if (!Array.isArray(embedding) || embedding.length !== this.dimensions || !embedding.every((x) => typeof x === 'number')) {
      throw this.badResponse(`expected ${this.dimensions} numbers in "embedding", got ${Array.isArray(embedding) ? embedding.length : typeof embedding}`);
    }
    // Titan normalises already (normalize: true); normalising again guards the port's unit-length promise.
    return l2normalise(Float32Array.from(embedding as number[]));
  }

  private badResponse(detail: string, cause?: unknown): TalentError {
    return new TalentError(`${this.modelId} returned an unexpected embedding response: ${detail}`, {
      code: 'E_EMBED_RESPONSE',
      fault: 'provider',
      provider: 'aws:bedrock',
      cause,
      hint: 'Check that aws.bedrock.embedModelId is a Titan Text Embeddings V2 model (amazon.titan-embed-text-v2:0).',
    });
  }
}
