import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { backoffDelayMs, ProviderUnavailableError, RateLimitError, shouldRetry, TalentError } from '../errors.js';
import type { MatchNotification, Notifier } from '../ports/index.js';

export interface WebhookNotifierOptions {
  url: string;
  /** Shared secret for the HMAC-SHA256 signature. */
  secret: string;
  /** Retries after the first attempt, for network errors, timeouts, 429 and 5xx. Default 4. */
  retries?: number;
  /** Per-attempt timeout. Default 10 s. */
  timeoutMs?: number;
  /** Injected in tests. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

export const SIGNATURE_HEADER = 'x-talent-signature';
export const TIMESTAMP_HEADER = 'x-talent-timestamp';
export const DELIVERY_HEADER = 'x-talent-delivery';

/** `sha256=<hex>` of HMAC-SHA256(secret, `<timestamp>.<raw body>`). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * For receivers: checks the signature of a delivery and that its timestamp is
 * within `toleranceSec` of now (default 5 minutes), which stops replays of an
 * old delivery. Compare in constant time.
 */
export function verifyWebhook(secret: string, body: string, headers: { signature?: string; timestamp?: string }, options: { toleranceSec?: number; now?: number } = {}): boolean {
  const ts = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(ts)) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - ts) > (options.toleranceSec ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * POSTs each notification as JSON to a webhook, signed with HMAC-SHA256
 * (`X-Talent-Signature: sha256=<hex>` over `<timestamp>.<raw body>`, with the
 * Unix timestamp in `X-Talent-Timestamp`) and identified by
 * `X-Talent-Delivery`, which stays the same across retries so the receiver can
 * drop duplicates. Network errors, timeouts, 429 and 5xx are retried with
 * exponential backoff (0.5 s to 8 s, jitter; `Retry-After` honoured up to 30 s);
 * other 4xx fail at once: retrying a rejected request cannot help.
 */
export class WebhookNotifier implements Notifier {
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: WebhookNotifierOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? sleepFor;
    this.now = options.now ?? Date.now;
  }

  async notify(n: MatchNotification): Promise<void> {
    const delivery = randomUUID();
    const body = JSON.stringify({ type: 'match.notification', delivery, ...n });
    const retries = this.options.retries ?? 4;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.post(body, delivery);
        return;
      } catch (err) {
        if (attempt >= retries || !shouldRetry(err)) throw err;
        const retryAfter = (err as { retryAfterMs?: number }).retryAfterMs ?? 0;
        await this.sleep(Math.max(backoffDelayMs(attempt, this.options.random), Math.min(retryAfter, 30_000)));
      }
    }
  }

  private async post(body: string, delivery: string): Promise<void> {
    // Signed per attempt, so a late retry still carries a fresh timestamp.
    const timestamp = Math.floor(this.now() / 1000);
    let res: Response;
    try {
      res = await this.fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'talent-webhook/1',
          [SIGNATURE_HEADER]: signWebhook(this.options.secret, timestamp, body),
          [TIMESTAMP_HEADER]: String(timestamp),
          [DELIVERY_HEADER]: delivery,
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new ProviderUnavailableError(`Webhook ${this.options.url} unreachable: ${(err as Error).message}`, {
        code: 'E_WEBHOOK_UNREACHABLE',
        provider: 'webhook',
        hint: 'Check notify.webhook.url and that the receiver is running.',
        cause: err,
      });
    }
    // Drain the body so the connection can be reused.
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok) return;
    const retryAfterMs = Number(res.headers.get('retry-after')) * 1000 || undefined;
    const message = `Webhook ${this.options.url} answered ${res.status} ${res.statusText}`.trim();
    if (res.status === 429) throw Object.assign(new RateLimitError(message, { code: 'E_WEBHOOK_RATE_LIMITED', provider: 'webhook' }), { retryAfterMs });
    if (res.status >= 500) throw Object.assign(new ProviderUnavailableError(message, { code: 'E_WEBHOOK_UNAVAILABLE', provider: 'webhook' }), { retryAfterMs });
    throw new TalentError(message, {
      code: 'E_WEBHOOK_REJECTED',
      fault: 'user',
      retryable: false,
      provider: 'webhook',
      hint: res.status === 401 || res.status === 403 ? 'The receiver rejected the signature: check notify.webhook.secret on both sides.' : 'Check notify.webhook.url and what the receiver expects.',
    });
  }
}
