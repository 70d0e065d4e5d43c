/**
 * A small seeded PRNG for synthetic data. Seeds are strings or numbers; each
 * item is generated from `derive(seed, kind, index)`, so item 7 is the same
 * whether 10 or 10,000 items are asked for.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `n` distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[];
  chance(p: number): boolean;
}

/** FNV-1a over the UTF-16 code units of a string: a stable 32-bit hash for seeding. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32 (Chris Doty-Humphrey's small fast counter): good statistical quality, four 32-bit words of state. */
export function createRng(seed: string | number): Rng {
  const s = String(seed);
  let a = fnv1a(`a:${s}`);
  let b = fnv1a(`b:${s}`);
  let c = fnv1a(`c:${s}`);
  let d = fnv1a(`d:${s}`);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // mix the initial state
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    sample: (items, n) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, Math.min(n, copy.length));
    },
    chance: (p) => next() < p,
  };
  return rng;
}

/** The generator for one item: independent of how many items are generated. */
export const derive = (seed: string | number, kind: string, index: number): Rng => createRng(`${seed}/${kind}/${index}`);
