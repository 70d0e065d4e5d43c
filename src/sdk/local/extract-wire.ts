/** Messages between the extraction worker thread and its host, and errors as they cross the boundary. */
import { ExtractionError, TalentError, type Fault } from '../errors.js';
import type { ExtractedText } from '../ports/index.js';

export interface ExtractRequest {
  id: number;
  bytes: Uint8Array;
  file?: string;
}

export interface WireError {
  name: string;
  code: string;
  message: string;
  fault: Fault;
  retryable: boolean;
  hint?: string;
  file?: string;
}

export type ExtractReply = { ready: true } | { id: number; ok: true; result: ExtractedText } | { id: number; ok: false; error: WireError };

export function toWire(err: unknown): WireError {
  if (err instanceof TalentError) {
    return { name: err.name, code: err.code, message: err.message, fault: err.fault, retryable: err.retryable, hint: err.hint, file: err.file };
  }
  // A decoder threw something that is not ours: a bug or a failure we did not foresee.
  return { name: 'Error', code: 'E_INTERNAL', message: err instanceof Error ? err.message : String(err), fault: 'internal', retryable: false };
}

/** Rebuilds the error on the host's side, as an ExtractionError when it was one, so `instanceof` keeps working. */
export function fromWire(e: WireError): TalentError {
  const options = { code: e.code, retryable: e.retryable, hint: e.hint, file: e.file };
  return e.name === 'ExtractionError' ? new ExtractionError(e.message, options) : new TalentError(e.message, { ...options, fault: e.fault });
}
