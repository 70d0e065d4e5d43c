import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../internal/paths.js';

export interface SkillEntry {
  name: string;
  category?: string;
  aliases?: string[];
}

export interface SkillMention {
  /** Canonical skill name. */
  name: string;
  /** Character offset of the mention in the text. */
  index: number;
}

/**
 * Words that are skills only when written as a name ("Go", "Excel", "Spark"),
 * never in lower case, where they are ordinary English.
 */
const NEEDS_CAPITAL = new Set([
  'go', 'r', 'c', 'd', 'excel', 'spark', 'swift', 'rust', 'ruby', 'chef', 'puppet', 'access', 'word', 'less', 'express',
  'flask', 'ember', 'meteor', 'unity', 'shell', 'make', 'ant', 'jest', 'mocha', 'dart', 'julia', 'elm', 'crystal', 'pig',
  'hive', 'storm', 'flume', 'sketch', 'outlook', 'teams', 'project', 'office', 'basic', 'pascal', 'scheme', 'groovy',
  'vault', 'consul', 'nomad', 'helm', 'beam', 'mode', 'oracle', 'sage', 'next', 'angular', 'react', 'backbone', 'polymer',
  'node', 'windows', 'tally', 'epic', 'spring', 'slack', 'zoom', 'bootstrap', 'eclipse', 'snowflake', 'postman',
  'mercury', 'compass', 'pulse', 'square', 'falcon',
]);

const TOKEN = /\.?[\p{L}\p{N}](?:[\p{L}\p{N}+#]|[.\-/&'](?=[\p{L}\p{N}]))*[+#]*/gu;

interface AliasTarget {
  name: string;
  needsCapital: boolean;
}

const keyOf = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The skill taxonomy: canonical names, aliases and categories; finds skills in text. */
export class SkillTaxonomy {
  private readonly byKey = new Map<string, AliasTarget>();
  private readonly categories = new Map<string, string>();
  private readonly aliases = new Map<string, string[]>();
  private readonly maxWords: number;
  private fingerprintCache: string | undefined;
  readonly version: string;

  constructor(private readonly entries: SkillEntry[], version = 'custom') {
    this.version = version;
    let maxWords = 1;
    for (const e of entries) {
      const forms = [e.name, ...(e.aliases ?? [])];
      if (e.category) this.categories.set(e.name, e.category);
      this.aliases.set(e.name, [...new Set([...(this.aliases.get(e.name) ?? []), ...(e.aliases ?? [])])]);
      for (const form of forms) {
        const tokens = tokenize(form).map((t) => t.text);
        if (tokens.length === 0) continue;
        const key = keyOf(tokens.join(' '));
        // Entries listed later (user extensions) win over earlier ones.
        this.byKey.set(key, { name: e.name, needsCapital: tokens.length === 1 && NEEDS_CAPITAL.has(key) });
        maxWords = Math.max(maxWords, tokens.length);
      }
    }
    this.maxWords = Math.min(maxWords, 6);
  }

  /** The canonical name for a skill name or alias, case-insensitively; undefined when unknown. */
  canonical(name: string): string | undefined {
    const tokens = tokenize(name).map((t) => t.text);
    return this.byKey.get(keyOf(tokens.join(' ')))?.name;
  }

  /** The canonical name, or the input tidied when the taxonomy does not know it. */
  normalise(name: string): string {
    return this.canonical(name) ?? name.trim().replace(/\s+/g, ' ');
  }

  /** Other names of a skill (its aliases), given any of its names. */
  aliasesOf(name: string): string[] {
    return this.aliases.get(this.canonical(name) ?? name) ?? [];
  }

  category(name: string): string | undefined {
    return this.categories.get(name);
  }

  /**
   * A hash of every entry (bundled and user-added), so data derived from this
   * taxonomy and stored (see matching/match-data.ts) can tell when it is stale.
   */
  get fingerprint(): string {
    this.fingerprintCache ??= createHash('sha256').update(JSON.stringify(this.entries)).digest('hex').slice(0, 16);
    return this.fingerprintCache;
  }

  get size(): number {
    return new Set([...this.byKey.values()].map((t) => t.name)).size;
  }

  /** Every skill mention in `text`, longest alias first at each position. */
  findMentions(text: string): SkillMention[] {
    const tokens = tokenize(text);
    const out: SkillMention[] = [];
    let i = 0;
    while (i < tokens.length) {
      let matched = 0;
      for (let n = Math.min(this.maxWords, tokens.length - i); n >= 1 && !matched; n--) {
        // Phrases do not run across line breaks.
        const window = tokens.slice(i, i + n);
        if (n > 1 && window.some((t, k) => k > 0 && text.slice(window[k - 1]!.end, t.start).includes('\n'))) continue;
        const target = this.byKey.get(keyOf(window.map((t) => t.text).join(' ')));
        if (target && (!target.needsCapital || /^\.?\p{Lu}/u.test(window[0]!.text))) {
          out.push({ name: target.name, index: window[0]!.start });
          matched = n;
          // "Epic EHR": a phrase's last word can name another skill of its own.
          const last = window[n - 1]!;
          const inner = n > 1 ? this.byKey.get(keyOf(last.text)) : undefined;
          if (inner && inner.name !== target.name && (!inner.needsCapital || /^\.?\p{Lu}/u.test(last.text))) out.push({ name: inner.name, index: last.start });
        }
      }
      // "React/Redux", "HTML/CSS": the parts of a slash-joined token count too.
      const tok = tokens[i]!;
      if (tok.text.includes('/') && matched <= 1) {
        let offset = tok.start;
        for (const part of tok.text.split('/')) {
          const target = part ? this.byKey.get(keyOf(part)) : undefined;
          if (target && (!target.needsCapital || /^\.?\p{Lu}/u.test(part))) out.push({ name: target.name, index: offset });
          offset += part.length + 1;
        }
      }
      if (!matched) matched = 1;
      i += matched;
    }
    return out;
  }

  /** Distinct canonical skills found in `text`, in order of first mention. */
  findSkills(text: string): string[] {
    return [...new Set(this.findMentions(text).map((m) => m.name))];
  }
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

interface TaxonomyFile {
  version: string;
  skills: SkillEntry[];
}

let bundled: TaxonomyFile | undefined;

/** The bundled taxonomy (data/skills.json, O*NET-derived plus curated aliases), extended by `extra`. */
export function loadTaxonomy(extra: SkillEntry[] = []): SkillTaxonomy {
  bundled ??= JSON.parse(readFileSync(join(packageRoot(), 'data', 'skills.json'), 'utf8')) as TaxonomyFile;
  return new SkillTaxonomy([...bundled.skills, ...extra], bundled.version);
}
