/**
 * Hyperlink targets a document hides behind words ("LinkedIn", "Portfolio", an icon): the
 * text alone loses them, so the ones that point at the person are added to the text.
 */
import type { ExtractedText } from '../../ports/index.js';

/** A hyperlink in a document: where it points and the words it is set on ('' when unknown). */
export interface Hyperlink {
  target: string;
  text: string;
}

/** Collects hyperlinks while a converter walks a document: where each starts, its words, where it ends. */
export class LinkCollector {
  private current: Hyperlink | undefined;

  constructor(private readonly out: Hyperlink[] | undefined) {}

  open(target: string | undefined): void {
    if (target) this.current = { target, text: '' };
  }

  text(words: string): void {
    if (this.current) this.current.text += words;
  }

  close(): void {
    if (this.current) this.out?.push({ target: this.current.target, text: this.current.text.trim() });
    this.current = undefined;
  }
}

/** What a format's extractor returns: the text and the hyperlinks it found. */
export type Decoded = ExtractedText & { links?: Hyperlink[] };

/** Sites whose pages are a person's profile or work. */
const PROFILE_HOST =
  /(?:^|\.)(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|behance\.net|dribbble\.com|stackoverflow\.com|kaggle\.com|medium\.com|about\.me|wellfound\.com|angel\.co|orcid\.org|researchgate\.net|scholar\.google\.com|artstation\.com|vimeo\.com|youtube\.com|x\.com|twitter\.com)$/i;
/** Words a link to the person's own site is set on. */
const PROFILE_WORDS = /\b(?:portfolio|website|web ?site|home ?page|blog|personal site|my site|linkedin|github|gitlab|profile|resume|cv)\b/i;
const MAX_LINKS = 10;

const bare = (url: string) => url.toLowerCase().replace(/^[a-z]+:(?:\/\/)?/, '').replace(/^www\./, '').replace(/[/#?]+$/, '');

/**
 * The targets worth keeping, once each: e-mail addresses (mailto:), and web links to a
 * profile site or set on words such as "Portfolio" — not links to employers, schools or
 * certificates — that the text does not already show.
 */
export function personalLinks(text: string, links: Hyperlink[]): string[] {
  const shown = text.toLowerCase();
  const out: string[] = [];
  for (const { target, text: words } of links) {
    let keep: string | undefined;
    const mail = /^mailto:([^?\s]+)/i.exec(target.trim());
    if (mail) {
      let address = mail[1]!;
      try {
        address = decodeURIComponent(address);
      } catch {
        // kept as written
      }
      if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) keep = address;
    } else if (/^https?:\/\/[^\s"<>]+$/i.test(target.trim())) {
      let host = '';
      try {
        host = new URL(target.trim()).hostname;
      } catch {
        continue;
      }
      if (PROFILE_HOST.test(host) || PROFILE_WORDS.test(words)) keep = target.trim();
    }
    if (!keep || shown.includes(bare(keep)) || out.some((o) => bare(o) === bare(keep))) continue;
    out.push(keep);
    if (out.length === MAX_LINKS) break;
  }
  return out;
}

/** The text with the personal link targets it does not show added under a "Links" heading. */
export function withLinks(text: string, links: Hyperlink[] | undefined): string {
  const keep = links?.length ? personalLinks(text, links) : [];
  return keep.length ? `${text.replace(/\s+$/, '')}\n\nLinks\n${keep.join('\n')}` : text;
}
