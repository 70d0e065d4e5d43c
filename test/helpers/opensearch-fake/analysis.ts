/**
 * Text analysis and scoring for the OpenSearch fake, honest about what it is:
 * - `english` analyzer ≈ Lucene's: lowercase, split on non-alphanumerics,
 *   drop Lucene's English stop words (keeping their positions, so phrases
 *   line up as in Lucene), strip possessive 's, then Porter's step 1 (plurals
 *   and -ed/-ing). Lucene runs the full Porter stemmer; step 1 is what the
 *   tests' vocabulary needs ("nurses" → "nurse"), and index and query use
 *   the same analysis, so matching stays consistent.
 * - BM25 (k1 = 1.2, b = 0.75), Lucene's default similarity, per index.
 */
import { cosine } from '../../../src/sdk/matching/vectors.js';

const STOP = new Set('a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '));

export interface Token {
  term: string;
  position: number;
}

const vowelIn = (s: string) => /[aeiou]|[^aeiou]y/.test(s);

/** Porter step 1a and 1b. */
export function porterStep1(w: string): string {
  if (w.length <= 2) return w;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1);
  if (w.endsWith('eed')) return w.length > 4 ? w.slice(0, -1) : w;
  for (const suffix of ['ed', 'ing']) {
    if (w.endsWith(suffix) && vowelIn(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      if (/(at|bl|iz)$/.test(w)) return `${w}e`;
      if (/([^aeiouslz])\1$/.test(w)) return w.slice(0, -1);
      return w;
    }
  }
  return w;
}

export function analyze(text: string, analyzer: string): Token[] {
  const out: Token[] = [];
  let position = 0;
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu)) {
    let word = m[0];
    if (analyzer === 'english') {
      word = word.replace(/'s$/, '').replace(/'/g, '');
      if (STOP.has(word)) {
        position++;
        continue;
      }
      word = porterStep1(word);
    }
    out.push({ term: word, position: position++ });
  }
  return out;
}

export interface FieldStats {
  docs: number;
  totalLength: number;
  docFreq: Map<string, number>;
}

export function bm25(freq: number, docLength: number, stats: FieldStats, docFreq: number): number {
  const k1 = 1.2;
  const b = 0.75;
  const avg = stats.docs ? stats.totalLength / stats.docs : 1;
  const idf = Math.log(1 + (stats.docs - docFreq + 0.5) / (docFreq + 0.5));
  return idf * ((freq * (k1 + 1)) / (freq + k1 * (1 - b + (b * docLength) / avg)));
}

/** How often the query tokens occur as a phrase (consecutive positions, stop-word gaps kept) in the field. */
export function phraseFreq(doc: Token[], query: Token[]): number {
  if (query.length === 0) return 0;
  const positions = new Map<string, Set<number>>();
  for (const t of doc) positions.set(t.term, (positions.get(t.term) ?? new Set()).add(t.position));
  const first = query[0]!;
  let n = 0;
  for (const start of positions.get(first.term) ?? []) {
    if (query.every((q) => positions.get(q.term)?.has(start + q.position - first.position))) n++;
  }
  return n;
}

/** The k-NN plugin's score for a space type (docs: "Spaces" table). */
export function knnScore(space: string, a: number[], b: number[]): number {
  if (space === 'cosinesimil') return (1 + cosine(a, b)) / 2;
  if (space === 'innerproduct') {
    const ip = a.reduce((s, x, i) => s + x * b[i]!, 0);
    return ip >= 0 ? ip + 1 : 1 / (1 - ip);
  }
  const l2 = a.reduce((s, x, i) => s + (x - b[i]!) ** 2, 0);
  return 1 / (1 + l2);
}
