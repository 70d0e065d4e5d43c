/**
 * Entry of the extraction worker thread (see extract-thread.ts): decodes one
 * document at a time and answers with its text or a serialised error. It lives
 * as long as its host lets it, so pdf.js and mammoth load once, not per file;
 * the host terminates it when a file runs past its time limit, and V8 stops it
 * when a file exceeds its heap limit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeDocument, type DecodeOptions } from './extract/decode.js';
import { toWire, type ExtractReply, type ExtractRequest } from './extract-wire.js';

const port = parentPort;
if (port) {
  const options = (workerData as { decode: DecodeOptions }).decode;
  port.on('message', async ({ id, bytes, file }: ExtractRequest) => {
    let reply: ExtractReply;
    try {
      reply = { id, ok: true, result: await decodeDocument(bytes, file, options) };
    } catch (err) {
      reply = { id, ok: false, error: toWire(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies ExtractReply);
}
