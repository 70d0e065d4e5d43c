import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../internal/paths.js';

export interface SkillEntry {
  name: string;
  category?: string;
  aliases?: string[];
  /**
   * Phrases that imply the skill without naming it ("cash register" for Cash Handling,
   * "critical thinker" for Critical Thinking). Found by `findImplied`, never by `findMentions`.
   */
  implied?: string[];
}

export interface SkillMention {
  /** Canonical skill name. */
  name: string;
  /** Character offset of the mention in the text. */
  index: number;
  /** Character offset just past the mention. */
  end: number;
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
  // Curated batch of 2026-11: tool and protocol names that are also lower-case English words.
  'gulp', 'prettier', 'celery', 'rip', 'raid', 'radius', 'pert', 'bullhorn', 'fiddler', 'nuke', 'soar', 'publisher',
]);

const OFFICE = new Set(['Excel', 'PowerPoint', 'Microsoft Word', 'Microsoft Outlook', 'Microsoft Access', 'Microsoft Project', 'Microsoft Teams', 'Microsoft Publisher', 'Microsoft Office', 'Visio', 'OneNote', 'SharePoint']);
const inOffice = (name: string) => OFFICE.has(name);
const inDevOps = (_: string, category: string | undefined) => category === 'Cloud & DevOps';

/**
 * Tools whose bare names are common words even when capitalised, and the company that makes
 * them tools: office applications ("Project: …", "Access to …", "Teams of five") count only as
 * a list item on a line naming another office application ("Word, Excel and Outlook"); "Chef"
 * only on a line naming another DevOps tool ("Puppet, Chef, Ansible"), not in "EXECUTIVE CHEF".
 */
const BESIDE: Record<string, (name: string, category: string | undefined) => boolean> = {
  word: inOffice,
  outlook: inOffice,
  access: inOffice,
  project: inOffice,
  teams: inOffice,
  publisher: inOffice,
  chef: inDevOps,
};

const TOKEN = /\.?[\p{L}\p{N}](?:[\p{L}\p{N}+#]|[.\-/&'](?=[\p{L}\p{N}]))*[+#]*/gu;

interface AliasTarget {
  name: string;
  needsCapital: boolean;
}

/**
 * The lookup key of a name or of a window of text: lower case, and a hyphen or slash inside a
 * word reads as a space, so "MS-SQL" finds "MS SQL" and "PL SQL" finds "PL/SQL".
 */
const keyOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/(?<=[\p{L}\p{N}])[-/](?=[\p{L}\p{N}])/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The key of consecutive tokens: an ampersand between two of them reads as "and", in names and
 * in text alike ("Training & Development", "Weights & Biases").
 */
function windowKey(window: Token[]): string {
  return window.map((t, k) => (k > 0 && t.amp ? `and ${t.key}` : t.key)).join(' ');
}

/**
 * The other number of a phrase's last word ("Windows Servers" for "Windows Server", "Use Case"
 * for "Use Cases"), for phrases of two or more words whose last word is a plain word; single
 * words are left alone ("Kubernetes", "Sales", "Analytics" are not plurals).
 */
function otherNumber(key: string): string | undefined {
  const words = key.split(' ');
  const last = words[words.length - 1]!;
  if (words.length < 2 || !/^\p{Ll}{3,}$/u.test(last)) return undefined;
  if (/(?:ss|us|is|ics|ous)$/.test(last)) return undefined;
  return last.endsWith('s') ? key.slice(0, -1) : `${key}s`;
}

/** The skill taxonomy: canonical names, aliases and categories; finds skills in text. */
export class SkillTaxonomy {
  private readonly byKey = new Map<string, AliasTarget>();
  /** Keys with their spaces taken out: written-as-one forms of multi-word names, and one-word names (so "Power shell" finds PowerShell). */
  private readonly squashed = new Map<string, AliasTarget>();
  /** The first words of every key of two words or more, so a window stops growing once it can name nothing. */
  private readonly prefixes = new Set<string>();
  private readonly categories = new Map<string, string>();
  private readonly aliases = new Map<string, string[]>();
  private readonly maxWords: number;
  private fingerprintCache: string | undefined;
  /** The implied phrases as a taxonomy of their own (each phrase an alias of its skill). */
  private readonly cues: SkillTaxonomy | undefined;
  readonly version: string;

  constructor(private readonly entries: SkillEntry[], version = 'custom') {
    this.version = version;
    const cued = entries.filter((e) => e.implied?.length).map((e) => ({ name: e.name, aliases: e.implied }));
    this.cues = cued.length ? new SkillTaxonomy(cued) : undefined;
    let maxWords = 1;
    const variants: Array<[string, string]> = [];
    for (const e of entries) {
      const forms = [e.name, ...(e.aliases ?? [])];
      if (e.category) this.categories.set(e.name, e.category);
      this.aliases.set(e.name, [...new Set([...(this.aliases.get(e.name) ?? []), ...(e.aliases ?? [])])]);
      for (const form of forms) {
        const tokens = tokenize(form);
        if (tokens.length === 0) continue;
        const key = windowKey(tokens);
        // Entries listed later (user extensions) win over earlier ones.
        this.byKey.set(key, { name: e.name, needsCapital: tokens.length === 1 && NEEDS_CAPITAL.has(key) });
        maxWords = Math.max(maxWords, tokens.length);
        const other = otherNumber(key);
        if (other) variants.push([other, e.name]);
      }
    }
    // Singular/plural variants never displace a name or alias of another skill.
    for (const [key, name] of variants) if (!this.byKey.has(key)) this.byKey.set(key, { name, needsCapital: false });
    // Names of two or more words also match written as one ("Sqlserver", "Power shell" for PowerShell).
    for (const [key, target] of this.byKey) {
      const words = key.split(' ');
      if (words.length < 2 || words.length > 3 || words.some((w) => w.length < 2)) continue;
      const squashed = words.join('');
      if (!this.byKey.has(squashed) && !this.squashed.has(squashed)) this.squashed.set(squashed, target);
    }
    for (const [key, target] of this.byKey) if (!key.includes(' ') && key.length >= 6 && !this.squashed.has(key)) this.squashed.set(key, target);
    for (const key of this.byKey.keys()) for (let at = key.indexOf(' '); at > 0; at = key.indexOf(' ', at + 1)) this.prefixes.add(key.slice(0, at));
    this.maxWords = Math.min(maxWords, 6);
  }

  /** The canonical name for a skill name or alias, case-insensitively; undefined when unknown. */
  canonical(name: string): string | undefined {
    return this.byKey.get(windowKey(tokenize(name)))?.name;
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

  /**
   * Every skill mention in `text`, longest alias first at each position. Its results are stored
   * with candidates (matching/match-data.ts): bump MATCH_DATA_VERSION there when they change.
   */
  findMentions(text: string): SkillMention[] {
    const tokens = tokenize(text);
    const out: SkillMention[] = [];
    let i = 0;
    while (i < tokens.length) {
      let matched = 0;
      // Phrases do not run across line breaks.
      let limit = 1;
      while (limit < this.maxWords && i + limit < tokens.length && !tokens[i + limit]!.breaks) limit++;
      // The window keys that can still name something: a window whose key is neither a name nor
      // the first words of one cannot grow into a name, so only its one-token extension (a
      // version glued to the next word, "Java8") and written-as-one forms (three tokens at most)
      // are looked up past it.
      const keys: string[] = [];
      let reach = 0;
      for (let n = 1, key = ''; n <= limit; n++) {
        const t = tokens[i + n - 1]!;
        key = n === 1 ? t.key : `${key}${t.amp ? ' and ' : ' '}${t.key}`;
        keys.push(key);
        if (!this.byKey.has(key) && !this.prefixes.has(key)) break;
        reach = n;
      }
      for (let n = Math.min(limit, Math.max(reach + 1, 3)); n >= 1 && !matched; n--) {
        const window = tokens.slice(i, i + n);
        const key = keys[n - 1] ?? windowKey(window);
        const target = this.byKey.get(key) ?? this.squashedTarget(key) ?? this.versioned(window);
        if (target && (!target.needsCapital || /^\.?\p{Lu}/u.test(window[0]!.text)) && (n > 1 || window[0]!.text.length > 1 || listed(text, window[0]!))) {
          out.push({ name: target.name, index: window[0]!.start, end: window[n - 1]!.end });
          matched = n;
          // "Epic EHR": a phrase's last word can name another skill of its own.
          const last = window[n - 1]!;
          // Only an acronym there ("Epic EHR", "Oracle RAC"): "Pastry Chef" is no Chef, "Event Sourcing" no Recruiting.
          const inner = n > 1 && /^[A-Z][A-Z0-9]{1,}$/.test(last.text) ? this.byKey.get(keyOf(last.text)) : undefined;
          if (inner && inner.name !== target.name && (!inner.needsCapital || /^\.?\p{Lu}/u.test(last.text))) out.push({ name: inner.name, index: last.start, end: last.end });
          out.push(...this.coordinated(tokens, i, n, target.name));
        }
      }
      // "React/Redux", "HTML/CSS": the parts of a slash-joined token count too.
      const tok = tokens[i]!;
      if (tok.text.includes('/') && matched <= 1) {
        let offset = tok.start;
        for (const part of tok.text.split('/')) {
          const target = part ? this.byKey.get(keyOf(part)) : undefined;
          if (target && (!target.needsCapital || /^\.?\p{Lu}/u.test(part))) out.push({ name: target.name, index: offset, end: offset + part.length });
          offset += part.length + 1;
        }
      }
      if (!matched) matched = 1;
      i += matched;
    }
    return this.inCompany(text, out).sort((a, b) => a.index - b.index);
  }

  /**
   * Words coordinated before a phrase share its head: "Regression and Integration testing" names
   * Regression Testing too, "analytical and problem solving skills" Analytical Skills. Walks back
   * over up to four items joined by commas, slashes, "&", "and" or "or" on the same line; the
   * head is the phrase's last words, or the word right after it.
   */
  private coordinated(tokens: Token[], i: number, n: number, name: string): SkillMention[] {
    const window = tokens.slice(i, i + n);
    const next = tokens[i + n];
    const heads = window.slice(1).map((_, k) => window.slice(k + 1).map((t) => t.text));
    if (next && !/\n/.test(next.gap)) heads.push([next.text]);
    const out: SkillMention[] = [];
    for (let j = i, step = 0; step < 4 && j > 0; step++) {
      let at = -1;
      if (/^\s*[,&/]\s*$/.test(tokens[j]!.gap)) at = j - 1;
      else if (j > 1 && /^(?:and|or)$/i.test(tokens[j - 1]!.text) && /^[ \t]+$/.test(tokens[j]!.gap) && /^[ \t,]+$/.test(tokens[j - 1]!.gap)) at = j - 2;
      if (at < 0) break;
      const item = tokens[at]!;
      const found = heads.map((h) => this.byKey.get(keyOf([item.text, ...h].join(' ')))).find((t) => t && t.name !== name && !t.needsCapital);
      if (!found) break;
      out.push({ name: found.name, index: item.start, end: item.end });
      j = at;
    }
    return out;
  }

  /**
   * A name with a version glued to its last word: "Java8", "SQL2008", "MS Access2007",
   * "Hadoop2.7", "Angular8" (tried only when the whole window names nothing).
   */
  private versioned(window: Token[]): AliasTarget | undefined {
    const last = window[window.length - 1]!;
    // Most windows end in a plain word: no version, no regex.
    if (!/\d/.test(last.text)) return undefined;
    const m = /^(.*?[\p{L}+#])v?\d+(?:\.\d+)*[a-z]?\d*$/iu.exec(last.text);
    // Three letters or more: "ML200" and "R410" are model numbers.
    if (!m || m[1]!.replace(/^\./, '').length < 3) return undefined;
    return this.byKey.get(windowKey([...window.slice(0, -1), { ...last, text: m[1]!, key: keyOf(m[1]!) }]));
  }

  /** A name written with its words run together or split apart: windows of up to three words of two letters or more, or one word of six letters or more ("Sqlserver"). */
  private squashedTarget(key: string): AliasTarget | undefined {
    const words = key.split(' ');
    if (words.length > 3 || words.some((w) => w.length < 2) || (words.length === 1 && key.length < 6)) return undefined;
    const target = this.squashed.get(words.join(''));
    return target && { name: target.name, needsCapital: false };
  }

  /** Drops the bare names of BESIDE that are no list item on a line with the company they need. */
  private inCompany(text: string, mentions: SkillMention[]): SkillMention[] {
    const need = (m: SkillMention) => BESIDE[text.slice(m.index, m.end).toLowerCase()];
    if (!mentions.some(need)) return mentions;
    // A list item: a separator on one side ("Access to Excel" is no item).
    const item = (m: SkillMention) => /^[ \t]*(?:[,;/)&|]|(?:and|or)\b|$)/im.test(text.slice(m.end, m.end + 6)) || /(?:[,/(:&|•]|\b(?:and|or))[ \t]*$/i.test(text.slice(Math.max(0, m.index - 6), m.index));
    const lineOf = (i: number) => text.lastIndexOf('\n', i - 1);
    return mentions.filter((m) => {
      const fits = need(m);
      return !fits || (item(m) && mentions.some((o) => o !== m && o.name !== m.name && fits(o.name, this.categories.get(o.name)) && lineOf(o.index) === lineOf(m.index)));
    });
  }

  /**
   * Skills that `text` implies without naming them, through the entries' `implied` phrases
   * ("Operated the cash register" implies Cash Handling). Weaker evidence than a mention:
   * the parser adds them after the named skills, and not from the education block.
   */
  findImplied(text: string): SkillMention[] {
    // A span the taxonomy names itself is a mention, judged by findMentions' rules, not a cue.
    return (this.cues?.findMentions(text) ?? []).filter((m) => !this.canonical(text.slice(m.index, m.end)));
  }

  /** Distinct canonical skills found in `text`, in order of first mention. */
  findSkills(text: string): string[] {
    return [...new Set(this.findMentions(text).map((m) => m.name))];
  }
}


/**
 * A one-letter name ("C", "R") counts only where a list or a phrase puts it: at a line's start,
 * after a comma, colon, slash, bracket or bullet, or after "and", "or", "with", "in" or
 * "language(s)" — never inside a model number or an initial ("ML200 R (PLC)", "R. K. Singh").
 */
function listed(text: string, token: Token): boolean {
  if (text[token.end] === '.' && /\p{L}/u.test(text[token.end + 1] ?? '')) return false;
  const before = text.slice(Math.max(0, token.start - 24), token.start).replace(/[ \t]+$/, '');
  if (before === '' || /[\n,;:(/|•?*\-–]$/.test(before)) return true;
  return /(?:^|\s)(?:and|or|with|in|languages?)$/i.test(before);
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** The text between the previous token and this one ('' for the first), read once here. */
  gap: string;
  /** The token's lookup key (keyOf): a window's key is its tokens' keys joined, tokens holding no space. */
  key: string;
  /** The gap ends a phrase: a line break or list punctuation. */
  breaks: boolean;
  /** The gap is an ampersand, read as "and". */
  amp: boolean;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let end = 0;
  for (const m of text.matchAll(TOKEN)) {
    const gap = out.length ? text.slice(end, m.index) : '';
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, gap, key: keyOf(m[0]), breaks: /[\n,;:()[\]|•]/.test(gap), amp: /^[ \t]*&[ \t]*$/.test(gap) });
    end = m.index + m[0].length;
  }
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
