/**
 * Worker thread entry for imports: extracts, parses and embeds resumes, the
 * CPU-bound part of an import, so N threads use N cores. Each worker loads the
 * embedding model once, then embeds the resumes it holds in small batches.
 * Storage stays on the main thread: this client has no record store or index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TalentError, createTalent, type PreparedCandidate, type RecordStore, type SearchIndex, type TalentClient, type TalentConfig } from '../../sdk/index.js';
import { toWireError, type FromWorker, type ToWorker } from './worker-pool.js';

export interface PrepareTask {
  bytes: Uint8Array;
  source: string;
}

export interface PrepareResult {
  candidate: PreparedCandidate['candidate'];
  warnings: string[];
  vector: Float32Array;
  embedder: string;
}

export interface PrepareWorkerData {
  config: TalentConfig;
  /** Resumes embedded together. */
  embedBatch: number;
}

/** Stands in for the storage ports, which a worker never uses: any call is a bug and says so. */
function unavailable<T extends object>(port: string): T {
  return new Proxy({} as T, {
    get: (_, method) =>
      method === 'close'
        ? async () => undefined
        : method === 'then'
          ? undefined
          : async () => {
              throw new TalentError(`${port}.${String(method)} is not available in an import worker thread`, { code: 'E_INTERNAL' });
            },
  });
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const post = (m: FromWorker<PrepareResult>) => port.postMessage(m);
  const data = workerData as PrepareWorkerData;
  let talent: TalentClient;
  try {
    talent = await createTalent(
      {},
      {
        resolved: { config: data.config, provenance: {}, files: {} },
        providers: { records: unavailable<RecordStore>('RecordStore'), index: unavailable<SearchIndex>('SearchIndex') },
      },
    );
    // Load the model now, so the first resume does not pay for it.
    await talent.candidates.embed([
      { candidate: { id: 'warm-up', source: 'warm-up.txt', contentHash: '', mediaType: 'text/plain', text: 'warm up', profile: emptyProfile() }, bytes: new Uint8Array(), warnings: [] },
    ]);
  } catch (err) {
    post({ fatal: toWireError(err) });
    return;
  }
  post({ ready: true });

  const waiting: Array<{ id: number; prepared: PreparedCandidate }> = [];
  let preparing = 0;
  let embedding = false;

  // Embeds whenever a batch is full, or nothing else is being prepared (so a lone resume is not held back).
  const embedWaiting = async () => {
    if (embedding) return;
    embedding = true;
    try {
      while (waiting.length >= data.embedBatch || (waiting.length > 0 && preparing === 0)) {
        const batch = waiting.splice(0, data.embedBatch);
        try {
          const embedded = await talent.candidates.embed(batch.map((b) => b.prepared));
          embedded.forEach((p, i) =>
            post({ id: batch[i]!.id, ok: true, output: { candidate: p.candidate, warnings: p.warnings, vector: p.vector!, embedder: p.embedder! } }),
          );
        } catch (err) {
          for (const b of batch) post({ id: b.id, ok: false, error: toWireError(err) });
        }
      }
    } finally {
      embedding = false;
    }
  };

  port.on('message', async ({ id, input }: ToWorker<PrepareTask>) => {
    preparing++;
    try {
      const prepared = await talent.candidates.prepare({ bytes: input.bytes, source: input.source });
      waiting.push({ id, prepared: { ...prepared, bytes: new Uint8Array() } });
    } catch (err) {
      post({ id, ok: false, error: toWireError(err) });
    } finally {
      preparing--;
    }
    await embedWaiting();
  });
}

function emptyProfile(): PreparedCandidate['candidate']['profile'] {
  return { emails: [], phones: [], links: [], skills: [], experience: [], education: [], certifications: [], languages: [], roles: [], totalYears: 0 };
}

void main();
