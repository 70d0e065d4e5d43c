/**
 * Errors carry a stable `code`, who is at fault, whether a retry can help and,
 * where we know it, the remedy (`hint`). Callers branch on the subclass or on `code`.
 *
 * @example
 * try { await talent.jobs.get('J-1') } catch (e) {
 *   if (e instanceof NotFoundError) console.error(e.hint)
 * }
 */
export type Fault = 'user' | 'provider' | 'internal';

export interface TalentErrorOptions {
  code: string;
  fault?: Fault;
  retryable?: boolean;
  hint?: string;
  file?: string;
  requestId?: string;
  provider?: string;
  cause?: unknown;
}

export class TalentError extends Error {
  readonly code: string;
  readonly fault: Fault;
  readonly retryable: boolean;
  readonly hint?: string;
  readonly file?: string;
  readonly requestId?: string;
  readonly provider?: string;

  constructor(message: string, options: TalentErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.fault = options.fault ?? 'internal';
    this.retryable = options.retryable ?? false;
    this.hint = options.hint;
    this.file = options.file;
    this.requestId = options.requestId;
    this.provider = options.provider;
  }

  /** A plain object for JSON output and journals. */
  toJSON(): { code: string; message: string; hint?: string; file?: string; fault: Fault; retryable: boolean } {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.file ? { file: this.file } : {}),
      fault: this.fault,
      retryable: this.retryable,
    };
  }
}

type SubOptions = Omit<TalentErrorOptions, 'code' | 'fault'> & { code?: string };

export class ConfigError extends TalentError {
  constructor(message: string, o: SubOptions = {}) {
    super(message, { ...o, code: o.code ?? 'E_CONFIG_INVALID', fault: 'user' });
  }
}

export class ValidationError extends TalentError {
  /** The offending field path, e.g. `requiredSkills[2]`. */
  readonly field?: string;
  constructor(message: string, o: SubOptions & { field?: string } = {}) {
    super(message, { ...o, code: o.code ?? 'E_VALIDATION', fault: 'user' });
    this.field = o.field;
  }
}

export class NotFoundError extends TalentError {
  constructor(message: string, o: SubOptions = {}) {
    super(message, { ...o, code: o.code ?? 'E_NOT_FOUND', fault: 'user' });
  }
}

/** A document we cannot turn into text: unsupported, empty, encrypted, corrupt. */
export class ExtractionError extends TalentError {
  constructor(message: string, o: SubOptions & { code: string }) {
    super(message, { ...o, fault: 'user' });
  }
}

export class AuthError extends TalentError {
  constructor(message: string, o: SubOptions = {}) {
    super(message, { ...o, code: o.code ?? 'E_AUTH', fault: 'user' });
  }
}

export class RateLimitError extends TalentError {
  constructor(message: string, o: SubOptions = {}) {
    super(message, { ...o, code: o.code ?? 'E_RATE_LIMITED', fault: 'provider', retryable: o.retryable ?? true });
  }
}

export class ProviderUnavailableError extends TalentError {
  constructor(message: string, o: SubOptions = {}) {
    super(message, { ...o, code: o.code ?? 'E_PROVIDER_UNAVAILABLE', fault: 'provider', retryable: o.retryable ?? true });
  }
}

export class AbortError extends TalentError {
  constructor(message = 'The operation was aborted', o: SubOptions = {}) {
    super(message, { ...o, code: o.code ?? 'E_ABORTED', fault: 'user' });
  }
}

/** Wraps anything thrown into a TalentError, keeping the original as `cause`. */
export function toTalentError(err: unknown, fallback: Partial<TalentErrorOptions> = {}): TalentError {
  if (err instanceof TalentError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new TalentError(message, {
    code: fallback.code ?? 'E_INTERNAL',
    fault: fallback.fault ?? 'internal',
    retryable: fallback.retryable ?? false,
    hint: fallback.hint,
    file: fallback.file,
    cause: err,
  });
}

/**
 * One place decides whether to retry: an explicit flag on the error wins,
 * then the class (rate limits and unavailable providers are transient).
 */
export function shouldRetry(err: unknown): boolean {
  if (err instanceof TalentError) return err.retryable;
  const flagged = (err as { retryable?: unknown; $retryable?: unknown } | null) ?? null;
  if (flagged && typeof flagged.retryable === 'boolean') return flagged.retryable;
  if (flagged && flagged.$retryable) return true;
  return false;
}

/** Exponential backoff from 0.5 s to 8 s with full jitter. */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(8000, 500 * 2 ** attempt);
  return Math.round(cap / 2 + (random() * cap) / 2);
}
