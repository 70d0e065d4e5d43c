import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathMatcher, splitGlob, walkFiles, withRetry } from '../../src/pipelines/index.js';
import { RateLimitError, ValidationError } from '../../src/sdk/index.js';
import { progressLine, rateMeter } from '../../src/cli/io.js';

describe('walkFiles with globs', () => {
  const root = mkdtempSync(join(tmpdir(), 'talent-walk-'));
  for (const f of ['a.pdf', 'b.docx', 'notes.txt', '2024/c.pdf', '2024/old/d.pdf', '.hidden/e.pdf', 'node_modules/f.pdf']) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), 'x');
  }
  const walk = async (filter?: Parameters<typeof walkFiles>[1]) => {
    const out: string[] = [];
    for await (const f of walkFiles(root, filter)) out.push(relative(root, f));
    return out;
  };

  it.each([
    [undefined, ['2024/c.pdf', '2024/old/d.pdf', 'a.pdf', 'b.docx', 'notes.txt']],
    [{ include: ['*.pdf'] }, ['2024/c.pdf', '2024/old/d.pdf', 'a.pdf']],
    [{ include: ['*.pdf', '*.docx'], exclude: ['2024/old/**'] }, ['2024/c.pdf', 'a.pdf', 'b.docx']],
    [{ include: ['2024/*.pdf'] }, ['2024/c.pdf']],
    [{ exclude: ['*.txt'] }, ['2024/c.pdf', '2024/old/d.pdf', 'a.pdf', 'b.docx']],
  ])('filter %j', async (filter, expected) => {
    expect(await walk(filter)).toEqual(expected);
  });

  it('splits a glob argument into the folder to walk and a pattern', () => {
    expect(splitGlob('resumes/2024/**/*.pdf')).toEqual({ root: 'resumes/2024', pattern: '**/*.pdf' });
    expect(splitGlob('*.docx')).toEqual({ root: '.', pattern: '*.docx' });
    expect(splitGlob('resumes/plain')).toEqual({ root: 'resumes/plain' });
    expect(pathMatcher({ include: ['*.PDF'] })('a.pdf')).toBe(false);
  });
});

describe('withRetry', () => {
  it('retries transient errors with growing delays, then succeeds', async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await withRetry(
      async () => {
        if (++calls < 3) throw new RateLimitError('slow down');
        return 'ok';
      },
      { retries: 3, delayMs: (a) => (a + 1) * 2, onRetry: (_e, _attempt, d) => delays.push(d) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(delays).toEqual([2, 4]);
  });

  it('never retries a permanent error, and gives up after the retries', async () => {
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw new ValidationError('bad'); }, { retries: 5, delayMs: () => 1 })).rejects.toBeInstanceOf(ValidationError);
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRetry(async () => { calls++; throw new RateLimitError('slow'); }, { retries: 2, delayMs: () => 1 })).rejects.toBeInstanceOf(RateLimitError);
    expect(calls).toBe(3);
  });

  it('stops waiting when aborted', async () => {
    const ac = new AbortController();
    const p = withRetry(async () => { throw new RateLimitError('slow'); }, { retries: 3, delayMs: () => 10_000, signal: ac.signal });
    setTimeout(() => ac.abort(), 10);
    await expect(p).rejects.toMatchObject({ code: 'E_ABORTED' });
  });
});

describe('progress lines', () => {
  it('shows count, percentage, rate and ETA once the total is known', () => {
    expect(progressLine('importing', 120, 1000, 20, '3 failed')).toBe('importing 120/1000 (12%) · 20.0/s · ETA 44s · 3 failed');
    expect(progressLine('importing', 120, undefined, 20)).toBe('importing 120 · 20.0/s');
    expect(progressLine('importing', 0, 20_000, 0)).toBe('importing 0/20000 (0%) · 0.0/s');
    expect(progressLine('importing', 2000, 20_000, 10)).toContain('ETA 30m 0s');
  });

  it('measures the rate over a recent window, not since the start', () => {
    let t = 0;
    const rate = rateMeter(10_000, () => t);
    t = 60_000; // a slow minute (model loading)...
    rate(10);
    for (let i = 1; i <= 10; i++) {
      t += 1000;
      rate(10 + 20 * i); // ...then 20 per second
    }
    expect(rate(210)).toBeCloseTo(20, 0);
  });
});
