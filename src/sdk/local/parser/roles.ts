/**
 * Roles named outside the experience entries' titles: "Role: Software Test Engineer" under a
 * project, "Position: Site Engineer" under a site, "Designation - Business Analyst". Resumes
 * from Indian job portals write most of a candidate's project work this way.
 */
import { TITLE_WORDS } from './experience.js';

/** A role field, at a line's start or inside running text, up to the next field or the line's end. */
const ROLE =
  /(?:^|\n|[.?•]\s+|\s)(?:role|position|designation)\s*[:\-–]?\s+(\p{L}[\p{L} .&/()-]{1,50}?)(?=\s+(?:project|description|location|duration|team|environment|client|technolog\w*|responsibilit\w*)\b|\s*(?:\n|$)|\.\s|,)/giu;

const PROSE = /^(?:such|as|in|of|for|to|with|at|and|or|the|a|an|that|which|where|including|requiring|like)$/i;

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The roles `text` names in role fields whose last word names a role ("Trainee", "Senior
 * Engineer"; not "Role: Requirement gathering"), once each, leaving out the titles already
 * found (`known`).
 */
export function findRoles(text: string, known: string[]): string[] {
  const seen = new Set(known.map(norm));
  const out: string[] = [];
  for (const m of text.matchAll(ROLE)) {
    const role = m[1]!.trim().replace(/[\s.,-]+$/, '');
    const words = role.split(/\s+/);
    // "a position such as Human Resources Manager", "the role of a lead": prose about a role, no field.
    if (words.length > 6 || !TITLE_WORDS.test(words[words.length - 1]!) || PROSE.test(words[0]!)) continue;
    const key = norm(role);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(role);
  }
  return out;
}
