import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook, WebhookNotifier } from '../../src/sdk/local/webhook-notifier.js';
import type { MatchNotification } from '../../src/sdk/index.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A receiver on 127.0.0.1 that answers each request with the next status in `statuses`. */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)]!).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

const notification: MatchNotification = { job: { id: 'J-1', title: 'Go Engineer' }, matches: [{ rank: 1, candidateId: 'c_1', name: 'Ada', score: 0.9 }], createdAt: '2024-01-01T00:00:00.000Z' };
const SECRET = 'test-secret';
let server: Server | undefined;
afterEach(() => server?.close());

describe('WebhookNotifier', () => {
  it('POSTs JSON signed with HMAC-SHA256 over the timestamp and the raw body', async () => {
    const r = await receiver([204]);
    server = r.server;
    await new WebhookNotifier({ url: r.url, secret: SECRET }).notify(notification);
    expect(r.received).toHaveLength(1);
    const { headers, body } = r.received[0]!;
    expect(headers['content-type']).toBe('application/json');
    expect(JSON.parse(body)).toMatchObject({ type: 'match.notification', job: { id: 'J-1' }, matches: [{ candidateId: 'c_1' }] });
    const signature = headers['x-talent-signature'] as string;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signature).toBe(signWebhook(SECRET, Number(headers['x-talent-timestamp']), body));
    expect(verifyWebhook(SECRET, body, { signature, timestamp: headers['x-talent-timestamp'] as string })).toBe(true);
    expect(verifyWebhook('wrong', body, { signature, timestamp: headers['x-talent-timestamp'] as string })).toBe(false);
    expect(verifyWebhook(SECRET, `${body} `, { signature, timestamp: headers['x-talent-timestamp'] as string })).toBe(false);
  });

  it('rejects a replayed delivery whose timestamp is too old', () => {
    const body = '{}';
    const ts = 1_700_000_000;
    const signature = signWebhook(SECRET, ts, body);
    expect(verifyWebhook(SECRET, body, { signature, timestamp: String(ts) }, { now: ts * 1000 + 60_000 })).toBe(true);
    expect(verifyWebhook(SECRET, body, { signature, timestamp: String(ts) }, { now: ts * 1000 + 3_600_000 })).toBe(false);
  });

  it('retries after a 503 with backoff, keeping the delivery id', async () => {
    const r = await receiver([503, 200]);
    server = r.server;
    const waits: number[] = [];
    await new WebhookNotifier({ url: r.url, secret: SECRET, sleep: async (ms) => void waits.push(ms), random: () => 0.5 }).notify(notification);
    expect(r.received).toHaveLength(2);
    expect(waits).toEqual([375]);
    expect(r.received[0]!.headers['x-talent-delivery']).toBe(r.received[1]!.headers['x-talent-delivery']);
  });

  it('does not retry a 400, and says why', async () => {
    const r = await receiver([400, 200]);
    server = r.server;
    const err = await new WebhookNotifier({ url: r.url, secret: SECRET, sleep: async () => undefined }).notify(notification).catch((e: unknown) => e);
    expect(r.received).toHaveLength(1);
    expect(err).toMatchObject({ code: 'E_WEBHOOK_REJECTED', retryable: false });
  });

  it('gives up after the configured retries on 5xx, and retries network errors', async () => {
    const r = await receiver([500]);
    server = r.server;
    const err = await new WebhookNotifier({ url: r.url, secret: SECRET, retries: 2, sleep: async () => undefined }).notify(notification).catch((e: unknown) => e);
    expect(r.received).toHaveLength(3);
    expect(err).toMatchObject({ code: 'E_WEBHOOK_UNAVAILABLE', retryable: true });

    let calls = 0;
    const flaky: typeof fetch = async (...args) => {
      if (++calls === 1) throw new TypeError('fetch failed');
      return fetch(...args);
    };
    const ok = await receiver([200]);
    server.close();
    server = ok.server;
    await new WebhookNotifier({ url: ok.url, secret: SECRET, fetch: flaky, sleep: async () => undefined }).notify(notification);
    expect(calls).toBe(2);
    expect(ok.received).toHaveLength(1);
  });
});
