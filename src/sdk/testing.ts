/**
 * Test helpers shipped with the SDK (`import { FakeEmbedder } from 'talent/testing'`).
 * Never used by the product's own backends.
 */
import { createHash } from 'node:crypto';
import type { Embedder, MatchNotification, Notifier } from './ports/index.js';
import { l2normalise } from './matching/vectors.js';

/**
 * A deterministic embedder for unit tests: a bag of hashed word features, so
 * texts sharing words are closer. It carries no semantics beyond shared words;
 * use it to test plumbing, never to judge ranking quality.
 */
export class FakeEmbedder implements Embedder {
  readonly id = 'fake-hash-v1';
  readonly calls: string[][] = [];
  constructor(readonly dimensions = 64) {}

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    this.calls.push(texts);
    return texts.map((t) => this.vector(t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.vector(text);
  }

  private vector(text: string): Float32Array {
    const v = new Float32Array(this.dimensions);
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}+#]+/gu) ?? []) {
      const h = createHash('sha1').update(word).digest();
      v[h.readUInt32BE(0) % this.dimensions]! += h[4]! & 1 ? 1 : -1;
    }
    return l2normalise(v);
  }
}

/** A notifier that keeps what it was sent. */
export class MemoryNotifier implements Notifier {
  readonly sent: MatchNotification[] = [];
  async notify(n: MatchNotification): Promise<void> {
    this.sent.push(n);
  }
}
