/**
 * Matching rules of the parse evaluation (documented in docs/parsing.md):
 * - skills: canonical names through the taxonomy, compared case-insensitively;
 * - titles and companies: normalised strings (lower case, punctuation dropped,
 *   "sr"/"jr" expanded; for companies, legal suffixes such as Pvt, Ltd, Inc dropped),
 *   matched one-to-one when their token Dice overlap is at least 0.6;
 * - degrees: short codes (BE, BTech, MSc, HSC …) compared exactly;
 * - e-mails: lower case; phones: digits only.
 */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Exact set comparison after `key`. */
export function compareExact(predicted: string[], expected: string[], key: (s: string) => string): Counts {
  const p = new Set(predicted.map(key).filter(Boolean));
  const e = new Set(expected.map(key).filter(Boolean));
  let tp = 0;
  for (const x of p) if (e.has(x)) tp++;
  return { tp, fp: p.size - tp, fn: e.size - tp };
}

const tokens = (s: string) => s.split(' ').filter(Boolean);

export function dice(a: string, b: string): number {
  const ta = new Set(tokens(a));
  const tb = new Set(tokens(b));
  if (!ta.size || !tb.size) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return (2 * common) / (ta.size + tb.size);
}

/** Greedy one-to-one matching, best pairs first, at Dice ≥ threshold. */
export function compareFuzzy(predicted: string[], expected: string[], norm: (s: string) => string, threshold = 0.6): Counts {
  const p = [...new Set(predicted.map(norm).filter(Boolean))];
  const e = [...new Set(expected.map(norm).filter(Boolean))];
  const pairs: Array<[number, number, number]> = [];
  p.forEach((x, i) => e.forEach((y, j) => {
    const s = x === y ? 1 : dice(x, y);
    if (s >= threshold) pairs.push([s, i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0]);
  const usedP = new Set<number>();
  const usedE = new Set<number>();
  for (const [, i, j] of pairs) {
    if (usedP.has(i) || usedE.has(j)) continue;
    usedP.add(i);
    usedE.add(j);
  }
  return { tp: usedP.size, fp: p.length - usedP.size, fn: e.length - usedE.size };
}

const basic = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function normTitle(s: string): string {
  return basic(s)
    .split(' ')
    .map((t) => (t === 'sr' ? 'senior' : t === 'jr' ? 'junior' : t))
    .join(' ');
}

const LEGAL = new Set(['pvt', 'private', 'ltd', 'limited', 'inc', 'llp', 'llc', 'corp', 'corporation', 'co', 'p', 'i', 'plc', 'gmbh', 'the']);

export function normCompany(s: string): string {
  return basic(s)
    .split(' ')
    .filter((t) => !LEGAL.has(t))
    .join(' ');
}

export const normEmail = (s: string) => s.trim().toLowerCase();
export const normPhone = (s: string) => s.replace(/\D/g, '').replace(/^0+/, '');
