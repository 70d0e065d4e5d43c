/**
 * Experience written as labelled fields, as job-portal exports and forms do:
 *
 *     company - Tata Consultancy Services
 *     description - Role: ETL Developer. Duration: January 2017 to Till Date …
 *
 * Each "company" line opens an entry; "Role", "Designation" or "Position"
 * lines name its title; the first date range in its text gives its dates.
 */
import type { Experience } from '../../model/index.js';
import { findDateRange } from './dates.js';
import { COMPANY_WORDS, TITLE_WORDS } from './experience.js';
import { stripBullet } from './sections.js';

const COMPANY_FIELD = /^\s*(?:company|employer|organi[sz]ation|company name)\s*[-:–]+\s*(.*)$/i;
const DESCRIPTION_FIELD = /^\s*(?:description|details|responsibilities)\s*[-:–]+\s*(.*)$/i;
const ROLE_FIELD = /^\s*(?:[•*-]\s*)?(?:role|designation|position|job title|title)\s*[.:–-]*\s+(?![&a])(.{2,60}?)\s*\.?$/i;

/** Values a form leaves in the company field that name no employer. */
const PLACEHOLDER = /^(?:current project|project|projects|career timeline|timeline|present|n\/?a|none|nil|-+)$/i;

/** True when the lines use labelled company fields. */
export function isFormExperience(lines: string[]): boolean {
  return lines.filter((l) => COMPANY_FIELD.test(l)).length >= 1;
}

/** A title in the company slot ("company - HR Assistant") is a title, not an employer. */
export function looksLikeTitle(s: string): boolean {
  return TITLE_WORDS.test(s) && !COMPANY_WORDS.test(s) && s.split(/\s+/).length <= 6;
}

export function parseFormExperience(lines: string[]): Array<Omit<Experience, 'skills'>> {
  const entries: Array<{ company?: string; title?: string; body: string[] }> = [];
  for (const line of lines) {
    const c = COMPANY_FIELD.exec(line);
    if (c) {
      const value = c[1]!.trim().replace(/[.,;]+$/, '');
      const entry: { company?: string; title?: string; body: string[] } = { body: [] };
      if (value && looksLikeTitle(value)) entry.title = value;
      else if (value && !PLACEHOLDER.test(value)) entry.company = value;
      entries.push(entry);
      continue;
    }
    const current = entries[entries.length - 1];
    if (!current) continue;
    const d = DESCRIPTION_FIELD.exec(line);
    current.body.push(d ? d[1]! : line);
  }
  return entries
    .filter((e) => e.company || e.title || e.body.some((l) => l.trim()))
    .map((e) => {
      const body = e.body.map((l) => l.trim()).filter(Boolean);
      let title = e.title;
      if (!title) {
        for (const l of body) {
          const r = ROLE_FIELD.exec(stripBullet(l));
          if (r && TITLE_WORDS.test(r[1]!)) {
            title = r[1]!.trim();
            break;
          }
        }
      }
      const range = body.map((l) => findDateRange(l)).find(Boolean);
      return {
        ...(title ? { title } : {}),
        ...(e.company ? { company: e.company } : {}),
        ...(range ? { start: range.start, ...(range.end ? { end: range.end } : {}), current: range.current } : { current: false }),
        description: body.map(stripBullet).join('\n'),
      };
    });
}
