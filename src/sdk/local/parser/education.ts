import type { Education } from '../../model/index.js';
import { CITY_INDIAN_STATE, isLocation } from './contact.js';
import { DATE_RANGE } from './dates.js';
import { degreeCode, degreeLevel, leadingDegree } from './degrees.js';
import { stripBullet } from './sections.js';

const DEGREE =
  /\b(Ph\.?\s?D\.?|Doctor(?:ate)? of [A-Z][a-z]+|D\.?Phil|M\.?B\.?A\.?|M\.?\s?S\.?c?\.?(?=\s|,|$)|M\.?\s?A\.?(?=\s|,|$)|M\.?\s?Eng\.?|M\.?\s?Tech\.?|M\.?C\.?A\.?|Master'?s?(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?| degree)?|B\.?\s?S\.?\s?B\.?\s?A\.?(?=\s|,|:|$)|B\.?\s?S\.?c?\.?(?=\s|,|$)|B\.?\s?A\.?(?=\s|,|$)|B\.?\s?E\.?(?=\s|,|$)|B\.?\s?Eng\.?|B\.?\s?Tech\.?|B\.?\s?Com\.?|B\.?C\.?A\.?|B\.?B\.?A\.?|L\.?L\.?B\.?|L\.?L\.?M\.?|J\.?D\.?(?=\s|,|$)|Bachelor'?s?(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?| degree)?|Associate'?s?(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?| degree)?|A\.?A\.?S\.?(?=\s|,|$)|(?:High School|H\.?S\.?) Diploma|Diploma|GED|HSC|SSC)/;
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

const LEADING_DATES = new RegExp(`^\\s*(?:${DATE_RANGE.source}|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+(?:19|20)\\d\\d|(?:19|20)\\d\\d)\\s+`, 'i');
const SCHOOL_WORDS = /\b(university|college|institute|institution|school|academy|polytechnic|vidyalaya|board|iit|nit)\b/i;
/** A second, explicitly written degree on the same line: "M.Tech (IT) B.Tech (CSE) SRM University". */
const EXTRA_DEGREE = /(?:^|[\s,;/()])(B\.\s?Tech|M\.\s?Tech|B\.\s?E\.|M\.\s?E\.|B\.\s?Sc|M\.\s?Sc|MBA|MCA|BCA|BBA|B\.\s?Com|M\.\s?Com|LL\.\s?B|LL\.\s?M|Ph\.?\s?D)\.?(?=[\s,;()]|$)/g;

/**
 * One-line entries as form exports write them: `[dates] DEGREE [field] [City, State] INSTITUTION`,
 * e.g. "January 2014 BE Civil Engineering Chandrapur, Maharashtra Nagpur University".
 */
export function parseEducationLine(raw: string): Education[] {
  const line = stripBullet(raw);
  const dates = LEADING_DATES.exec(line);
  const rest = dates ? line.slice(dates[0].length) : line;
  const lead = leadingDegree(rest);
  if (!lead) return [];
  const years = [...(dates?.[0] ?? '').matchAll(/(?:19|20)\d\d/g)].map((m) => Number(m[0]));
  let after = rest.slice(lead.text.length).replace(/^[\s.,:-]+/, '');
  const extras = [...after.matchAll(EXTRA_DEGREE)].map((m) => m[1]!);
  // With a second degree on the line, what follows both is the shared institution.
  if (extras.length) after = after.replace(EXTRA_DEGREE, ' ').replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  let field: string | undefined;
  let institution: string | undefined;
  const place = CITY_INDIAN_STATE.exec(after);
  if (place) {
    field = after.slice(0, place.index).trim();
    institution = after.slice(place.index + place[0].length).trim();
  } else {
    // Without a place, the institution is the tail that names a school; what comes before it is the field.
    const words = after.split(/\s+/);
    const at = words.findIndex((w, k) => SCHOOL_WORDS.test(words.slice(k, k + 4).join(' ')) && /^[A-Z]/.test(w));
    if (at >= 0) {
      field = words.slice(0, at).join(' ');
      institution = words.slice(at).join(' ');
    } else field = after;
  }
  field = field?.replace(/\(.*?\)|[,;]+$/g, '').replace(/\b(pursuing|secured)\b/gi, '').trim() || undefined;
  if (field && (field.split(/\s+/).length > 6 || /\d/.test(field))) field = undefined;
  // Not the grade after it ("IIT Bombay 8.5 CGPA", "Pune University 72%").
  institution = institution?.replace(/\b(secured|pursuing)\b/gi, '').replace(/\s+(?:with\s+)?\d+(?:\.\d+)?\s*(?:%|cgpa|gpa|sgpa|cpi|percent(?:age)?)(?:\s.*)?$/i, '').replace(/[,;\s]+$/, '').trim() || undefined;
  const graduationYear = years.length ? Math.max(...years) : undefined;
  const entry = (degree: string): Education => ({
    degree,
    ...(degreeLevel(degree) ? { level: degreeLevel(degree) } : {}),
    ...(field && degree === lead.text ? { field } : {}),
    ...(institution ? { institution } : {}),
    ...(graduationYear ? { graduationYear } : {}),
  });
  return [entry(lead.text), ...extras.map(entry)];
}

const MONTH_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|present|current|expected)\b/i;

/**
 * The field of study written after a degree: "in Nursing", "B.A., Economics", "MS Computer
 * Science", "Bachelor of Science : Criminal Justice", "B.Tech (CSE)"; not a school, a month or a
 * place written there instead ("B.S., Stanford University", "MBA, May 2019").
 */
function fieldAfter(after: string): string | undefined {
  const rest = after.replace(/^\s*\((?:hons?\.?|honou?rs)\)/i, '');
  const short = /^\s*\(([A-Z]{2,6})\)/.exec(rest)?.[1];
  // "(CSE)" is a field; "(AAS)" after "Associate of Applied Science" is the degree again.
  if (short) return DEGREE.test(short) ? undefined : short;
  const m = /^\s*(?:[,:]\s*|\s+)?(?:(?:in|of)\s+)?([A-Z][A-Za-z&/ -]+?)(?=\s*(?:[,|–—(:]|\s-\s|\bat\b|\d|$))/.exec(rest);
  if (!m) return undefined;
  let words = m[1]!.trim().split(/\s+/);
  // "Criminal Justice Austin, TX", "Theatre Arts City , State": the last word starts the place.
  if (/^\s*,\s*(?:[A-Z]{2}\b|State\b)/.test(rest.slice(m.index + m[0].length))) words = words.slice(0, -1);
  // "… May 2019": a month closes it; "Bachelors Degree": the word "degree" is none.
  while (words.length && MONTH_WORD.test(words[words.length - 1]!)) words.pop();
  words = words.filter((w) => !/^degree$/i.test(w));
  const field = words.join(' ');
  if (!field || words.length > 6 || SCHOOL_WORDS.test(field) || MONTH_WORD.test(field) || isLocation(field)) return undefined;
  return field;
}

/** Education entries: each starts at a line naming a degree; institution and year may be on it or next to it. */
export function parseEducation(lines: string[]): Education[] {
  const clean = lines.map(stripBullet);
  const out: Education[] = [];
  clean.forEach((line, i) => {
    const twoDegrees = (line.match(EXTRA_DEGREE) ?? []).length >= 2;
    const form = !DEGREE.test(line) || LEADING_DATES.test(line) || CITY_INDIAN_STATE.test(line) || twoDegrees ? parseEducationLine(line) : [];
    if (form.length) {
      out.push(...form);
      return;
    }
    const m = DEGREE.exec(line);
    if (!m) return;
    // "Bachelor Of Computer Engineering": the code table may read further than the pattern (BE, not Bachelor).
    const longer = leadingDegree(line.slice(m.index));
    // "Associate General Contractors", "Associated Builders": the code table knows them for no degree.
    if (!longer && /^associate/i.test(m[0])) return;
    const degree = longer && longer.text.length > m[0].trim().length ? longer.text : m[0].trim();
    const after = line.slice(m.index + degree.length);
    const field = fieldAfter(after);
    // Blank lines between paragraphs (DOCX) do not separate a degree from its school.
    const nextLine = clean.slice(i + 1).find((l) => l.trim()) ?? '';
    const prevLine = clean.slice(0, i).reverse().find((l) => l.trim()) ?? '';
    const near = [line, nextLine, prevLine];
    let institution: string | undefined;
    for (const l of near) {
      if (l !== line && DEGREE.test(l)) continue;
      // Not in the degree's own words ("High School Diploma - Lincoln High School").
      const inst = INSTITUTION.exec(l === line ? line.slice(0, m.index) + ' '.repeat(degree.length) + line.slice(m.index + degree.length) : l);
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
  // "Bachelor's : Marketing … B.S.B.A : Marketing": a degree written a second time without its
  // type is the same degree, so a bare Bachelor's or Master's gives way to a named one of its level.
  const codes = out.map((e) => degreeCode(e.degree ?? ''));
  const bare = (c: string | undefined) => c === 'Bachelor' || c === 'Master';
  const named = new Set(codes.filter((c) => c && !bare(c)).map((c) => degreeLevel(c!)));
  return out.filter((_, i) => !bare(codes[i]) || !named.has(codes[i]!));
}
