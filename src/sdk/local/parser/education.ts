import type { Education } from '../../model/index.js';
import { stripBullet } from './sections.js';

const DEGREE =
  /\b(Ph\.?\s?D\.?|Doctor(?:ate)? of [A-Z][a-z]+|D\.?Phil|M\.?B\.?A\.?|M\.?\s?S\.?c?\.?(?=\s|,|$)|M\.?\s?A\.?(?=\s|,|$)|M\.?\s?Eng\.?|M\.?\s?Tech\.?|M\.?C\.?A\.?|Master'?s?(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?| degree)?|B\.?\s?S\.?c?\.?(?=\s|,|$)|B\.?\s?A\.?(?=\s|,|$)|B\.?\s?E\.?(?=\s|,|$)|B\.?\s?Eng\.?|B\.?\s?Tech\.?|B\.?\s?Com\.?|B\.?C\.?A\.?|B\.?B\.?A\.?|L\.?L\.?B\.?|L\.?L\.?M\.?|J\.?D\.?(?=\s|,|$)|Bachelor'?s?(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?| degree)?|Associate'?s?(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?| degree)?|A\.?A\.?S\.?(?=\s|,|$)|Diploma|High School Diploma|GED|HSC|SSC)/;
const NAME = "[A-Z][\\w.&'’-]*";
const SUFFIX = `(?:\\s+at\\s+${NAME}(?:\\s+${NAME})*|[–—-]${NAME}(?:\\s+${NAME})*)?`;
const INSTITUTION = new RegExp(
  `\\b(?:${NAME}(?:\\s+(?:of|and|for|the|&|${NAME}))*\\s+(?:University|College|Institute|School|Academy|Polytechnic)(?:\\s+of(?:\\s+${NAME})+)?${SUFFIX}` +
    `|(?:University|College|Institute|School|Academy|Polytechnic)\\s+of(?:\\s+(?:${NAME}|and|&))+${SUFFIX}(?:,\\s+(?!(?:19|20)\\d\\d)${NAME}(?:\\s+${NAME})?(?=\\s*(?:,|\\||$)))?)`,
);
const YEAR = /\b(19[5-9]\d|20[0-4]\d)\b/g;

function levelOf(degree: string): string {
  const d = degree.replace(/[.\s]/g, '').toLowerCase();
  if (/^(phd|doctor|dphil)/.test(d)) return 'Doctorate';
  if (/^(m|master|llm)/.test(d)) return 'Master';
  if (/^(b|bachelor|llb)/.test(d)) return 'Bachelor';
  if (/^(associate|aas)/.test(d)) return 'Associate';
  if (/^jd$/.test(d)) return 'Doctorate';
  return 'Diploma';
}

/** Education entries: each starts at a line naming a degree; institution and year may be on it or next to it. */
export function parseEducation(lines: string[]): Education[] {
  const clean = lines.map(stripBullet);
  const out: Education[] = [];
  clean.forEach((line, i) => {
    const m = DEGREE.exec(line);
    if (!m) return;
    const degree = m[0].trim();
    const after = line.slice(m.index + m[0].length);
    const field = /^\s*(?:,\s*|\s+)?(?:in|of)\s+([A-Z][A-Za-z&/ -]+?)(?=\s*(?:[,|–—(]|\s-\s|\bat\b|\d|$))/.exec(after)?.[1]?.trim();
    // Blank lines between paragraphs (DOCX) do not separate a degree from its school.
    const nextLine = clean.slice(i + 1).find((l) => l.trim()) ?? '';
    const prevLine = clean.slice(0, i).reverse().find((l) => l.trim()) ?? '';
    const near = [line, nextLine, prevLine];
    let institution: string | undefined;
    for (const l of near) {
      if (l !== line && DEGREE.test(l)) continue;
      const inst = INSTITUTION.exec(l);
      if (inst) {
        institution = inst[0].trim();
        break;
      }
    }
    let graduationYear: number | undefined;
    for (const l of [line, nextLine]) {
      if (l !== line && DEGREE.test(l)) continue;
      const years = [...l.matchAll(YEAR)].map((y) => Number(y[1]));
      if (years.length) {
        graduationYear = Math.max(...years);
        break;
      }
    }
    out.push({
      degree,
      level: levelOf(degree),
      ...(field ? { field } : {}),
      ...(institution ? { institution } : {}),
      ...(graduationYear ? { graduationYear } : {}),
    });
  });
  return out;
}
