import type { Experience, Profile } from '../../model/index.js';
import type { ProfileParser } from '../../ports/index.js';
import type { SkillMention, SkillTaxonomy } from '../../matching/taxonomy.js';
import { findEmails, findLinks, findLocation, findName, findPhonesDetailed, inferCountry } from './contact.js';
import { toMonth, unionYears } from './dates.js';
import { confidenceOf, findHeadline, seniorityOf, statedYears } from './derived.js';
import { parseEducation } from './education.js';
import { parseExperience } from './experience.js';
import { isFormExperience, parseFormExperience } from './experience-form.js';
import { formTitles } from './form-titles.js';
import { certificationsIn } from './certifications.js';
import { languagesOfItem, spokenInProse } from './languages.js';
import { findRoles } from './roles.js';
import { normaliseResumeText } from './normalise.js';
import { sectionLines, splitSections, stripBullet } from './sections.js';

export interface RuleBasedParserOptions {
  taxonomy: SkillTaxonomy;
  /** ISO country for phone numbers without a country code, when the text does not name one. Default US. */
  defaultCountry?: string;
  /** "Now", for current positions. Default: the time of parsing. */
  referenceDate?: Date;
}

/**
 * The local parser: deterministic rules over the text's sections, with skills
 * resolved through the taxonomy. Pure: the same text gives the same profile.
 */
export class RuleBasedParser implements ProfileParser {
  constructor(private readonly options: RuleBasedParserOptions) {}

  async parse(text: string): Promise<Profile> {
    return parseProfile(text, this.options);
  }
}

/** "DATA WAREHOUSE- Exprience - 23 months": a skill with the months the form export recorded for it. */
const SKILL_MONTHS = /^(.*?)\s*[-–]\s*Exp[er]+ience\s*[-–:]\s*(?:(\d{1,3})\s*months?|less than 1 year(?: months)?)\s*$/i;

export function parseProfile(rawText: string, options: RuleBasedParserOptions): Profile {
  const { taxonomy } = options;
  const text = normaliseResumeText(rawText);
  const ref = options.referenceDate ?? new Date();
  const nowMonth = ref.getUTCFullYear() * 12 + ref.getUTCMonth();
  const { header, sections, lines } = splitSections(text);

  const summaryLines = sectionLines(sections, 'summary').filter((l) => l.trim());
  const summary = summaryLines.length ? summaryLines.map(stripBullet).join(' ') : header.find((l) => l.split(/\s+/).length >= 15);

  // Experience: labelled form fields ("company - X") or free layout.
  const experienceLines = sectionLines(sections, 'experience');
  const form = isFormExperience(experienceLines);
  const rawExperience = form ? parseFormExperience(experienceLines, (v) => taxonomy.canonical(v) !== undefined) : parseExperience(experienceLines);
  // Form exports put the current title (and "Title - Company") at the end of the education block.
  let educationLines = sectionLines(sections, 'education');
  let formHeadline: string | undefined;
  if (form) {
    const titles = formTitles(educationLines, rawExperience);
    educationLines = titles.education;
    formHeadline = titles.headline;
  }
  const experience: Experience[] = rawExperience.map((e) => {
    const named = taxonomy.findSkills([e.title ?? '', e.description].join('\n'));
    return { ...e, skills: [...new Set([...named, ...impliedSkills(taxonomy, e.description)])] };
  });

  const interval = (e: Experience): [number, number] | undefined => {
    if (!e.start) return undefined;
    const start = toMonth(e.start, 'start');
    const end = e.current || !e.end ? nowMonth : toMonth(e.end, 'end');
    return [start, Math.min(end, nowMonth)];
  };
  const intervals = experience.map(interval).filter((x): x is [number, number] => Boolean(x));
  const datedYears = unionYears(intervals);
  // A total the resume states wins over the dates, as a recruiter reads it ("over 15 years of
  // experience" beside jobs back to 1981); a referee's "37 Years of Experience" is not the candidate's.
  const isReferences = (s: { heading: string }) => /references/i.test(s.heading);
  const references = new Set(sections.filter(isReferences).flatMap((s) => s.lines));
  const stated = statedYears(lines.filter((l) => !references.has(l)).join('\n'));
  const totalYears = stated ?? datedYears;
  const yearsSource = stated !== undefined ? 'stated' : datedYears > 0 ? 'dates' : 'none';

  // Skills: those in a skills section first, then others mentioned outside the education
  // block and the employer names (a field of study or "Fino Payments Bank" is no skill).
  const skillMonths = new Map<string, number>();
  const formSkills = new Set<string>();
  const skillsSection = sectionLines(sections, 'skills')
    .map((l) => {
      const m = SKILL_MONTHS.exec(l.trim());
      if (!m) return l;
      // The whole item may be the name itself, in any case ("excel- Exprience - 6 months").
      const whole = taxonomy.canonical(m[1]!);
      if (whole) formSkills.add(whole);
      for (const name of [...taxonomy.findSkills(m[1]!), ...(whole ? [whole] : [])]) skillMonths.set(name, Math.max(skillMonths.get(name) ?? 0, Number(m[2] ?? 0)));
      return m[1]!;
    })
    .join('\n');
  const educationSet = new Set(sections.filter((s) => s.name === 'education').flatMap((s) => s.lines));
  const searchable = lines
    .filter((l) => !educationSet.has(l) && !/^\s*company\s*[-:–]/i.test(l))
    .map((l) => l.replace(SKILL_MONTHS, '$1'))
    .join('\n');
  // Named skills first, then those the work text implies ("handled the cash register").
  const names = [...new Set([...findSkillsIn(taxonomy, skillsSection), ...formSkills, ...findSkillsIn(taxonomy, searchable, true), ...impliedSkills(taxonomy, searchable)])];
  const skills = names.map((name) => {
    const used = experience.filter((e) => e.skills.includes(name)).map(interval).filter((x): x is [number, number] => Boolean(x));
    const months = skillMonths.get(name);
    const years = used.length ? unionYears(used) : months ? Math.round((months / 12) * 10) / 10 : undefined;
    const category = taxonomy.category(name);
    return { name, ...(category ? { category } : {}), ...(years ? { years } : {}) };
  });

  const listed = joinWrapped(sectionLines(sections, 'certifications').map(stripBullet)).filter((l) => l.length > 1 && l.length <= 120);
  // Certifications named elsewhere ("PMP-certified project manager", "Certified Scrum Master"), not in
  // job descriptions (what the person trained others for) or references.
  const elsewhere = [...header, ...sections.filter((s) => s.name !== 'certifications' && s.name !== 'experience' && !isReferences(s)).flatMap((s) => s.lines)];
  const certifications = [...listed, ...certificationsIn(elsewhere.join('\n')).filter((c) => !listed.some((l) => l.toLowerCase().includes(c.toLowerCase())))];
  // A languages section's items, then languages the sentences say are spoken ("fluent in French").
  const isSkill = (name: string) => taxonomy.canonical(name) !== undefined;
  const languages = [...new Set([...sectionLines(sections, 'languages').flatMap((l) => languagesOfItem(l, isSkill)), ...spokenInProse(text)])];

  const topLines = header.length ? header : lines.slice(0, 12);
  const name = findName(header.length ? header : lines);
  const location = findLocation(topLines);
  const headline = formHeadline ?? findHeadline(header, name);
  const country = inferCountry(text, options.defaultCountry ?? 'US');
  const { phones, validated } = findPhonesDetailed(text, country);
  const education = parseEducation(educationLines);
  const seniority = seniorityOf(experience, headline, totalYears);

  const profile: Omit<Profile, 'confidence'> = {
    ...(name ? { name } : {}),
    ...(headline ? { headline } : {}),
    emails: findEmails(text),
    phones,
    links: findLinks(text),
    ...(location ? { location } : {}),
    ...(summary ? { summary } : {}),
    skills,
    experience,
    roles: findRoles(searchable, [...(headline ? [headline] : []), ...experience.map((e) => e.title ?? '')]),
    education,
    certifications,
    languages,
    totalYears,
    ...(seniority.level ? { seniority: seniority.level } : {}),
  };
  const confidence = confidenceOf({
    profile,
    nameInFirstLines: Boolean(name && topLines.slice(0, 3).some((l) => l.includes(name.split(' ')[0]!))),
    validatedPhones: validated,
    locationLabelled: topLines.some((l) => /^(location|address|based in)\s*[:-]/i.test(l.trim())),
    summaryFromSection: summaryLines.length > 0,
    skillsSection: skillsSection.trim().length > 0,
    yearsSource,
    seniorityFromTitle: seniority.fromTitle,
  });
  return { ...profile, confidence };
}

/**
 * Skills mentioned in `text`; words glued by a hyphen ("IDE-Eclipse", "MySQL-Basics") are also
 * read apart. A skill that labels a list ("Virtualisation: VMware ESXi", "Excel: pivot tables")
 * counts: labellers count it too. `prose`: the text is the whole resume, not a skills section.
 */
function findSkillsIn(taxonomy: SkillTaxonomy, text: string, prose = false): string[] {
  const keep = (t: string) =>
    taxonomy.findMentions(t).filter((m) => {
      if (namesEnvironment(t, m.index) || namesSomethingElse(t, m)) return false;
      if (prose && modifiesNoun(taxonomy, t, m)) return false;
      return true;
    });
  const split = text.replace(/([\p{L}]{3,})-(?=\p{Lu}[\p{L}]{2,})/gu, '$1 - ');
  return [...new Set([...keep(text), ...(split === text ? [] : keep(split))].map((m) => m.name))];
}

/** Skills `text` implies without naming them (see SkillTaxonomy.findImplied), unless the words name a team or a product. */
function impliedSkills(taxonomy: SkillTaxonomy, text: string): string[] {
  return [...new Set(taxonomy.findImplied(text).filter((m) => !namesSomethingElse(text, m)).map((m) => m.name))];
}

/** Categories of business skills whose one-word names are also ordinary nouns ("sales", "payroll", "insurance"). */
const BUSINESS = new Set(['Sales', 'Finance & Accounting', 'Human Resources', 'Marketing', 'Operations & Supply Chain', 'Soft Skills', 'Manufacturing & Quality', 'Healthcare', 'Education & Training', 'Customer Service & BPO', 'Project Management', 'Business Analysis', 'Legal', 'Hospitality & Culinary']);
/** Words after a skill that leave it a skill ("sales and marketing", "payroll management"). */
const NOT_MODIFIED = /^(?:and|or|of|for|to|in|on|with|at|by|from|as|the|a|an|skills?|experience|management)$/;

/**
 * A business word in lower case, in running text, that modifies the noun after it ("computed
 * sales prices", "purchases of insurance contracts", "payroll accounts"): it names the domain
 * of the work, not a skill of the candidate. Technology names are left alone ("python scripts").
 */
function modifiesNoun(taxonomy: SkillTaxonomy, text: string, m: SkillMention): boolean {
  const word = text.slice(m.index, m.end);
  if (!/^\p{Ll}+$/u.test(word) || !BUSINESS.has(taxonomy.category(m.name) ?? '')) return false;
  const next = /^[ \t]+(\p{Ll}+)/u.exec(text.slice(m.end, m.end + 30))?.[1];
  return next !== undefined && !NOT_MODIFIED.test(next);
}

/** Words after a skill that make it name people ("the QA team", "reporting to the Sales Manager"). */
const PEOPLE = /^[ \t]+(?:teams?|members?|department|dept|staff|personnel|people|leads?|engineers?|executives?|heads?|managers?|folks|colleagues|counterparts)\b/i;
/** Words after an activity that make it name a product or a project ("Inventory Management System"). */
const PRODUCT = /^[ \t]+(?:systems?|applications?|apps?|modules?|portals?|software|project|tool|solution|platform)\b/i;

/**
 * A skill's words used for something else: a team of people, a university term ("Spring
 * 2014"), or (for an activity such as "Expense Management") the name of a module someone built.
 */
function namesSomethingElse(text: string, m: SkillMention): boolean {
  const after = text.slice(m.end, m.end + 24);
  if (PEOPLE.test(after)) return true;
  // "Dean's List Spring 2014": a term, not the framework.
  if (/^[ \t]+(?:19|20)\d\d\b/.test(after) && /^(?:spring|summer|fall|winter)$/i.test(text.slice(m.index, m.end))) return true;
  return PRODUCT.test(after) && /(?:ment|ing|tion|ance)$/i.test(text.slice(m.index, m.end));
}

const ENVIRONMENT_NAME = /^(?:DEV|QA|UAT|SIT|PROD|PRD|STG|PREPROD|Pre-Prod|Staging|Production|Test|DR)$/;

/**
 * "QA, DEV and UAT environments", "(DEV/QA/PROD)", "UAT DB servers": an acronym that names a
 * deployment environment there, not the testing skill. True when the mention is an upper-case
 * environment name and its line lists another one, or a word for environments or servers follows.
 */
function namesEnvironment(text: string, index: number): boolean {
  const word = /^[A-Z]{2,4}\b/.exec(text.slice(index))?.[0];
  if (!word || !ENVIRONMENT_NAME.test(word)) return false;
  const lineStart = text.lastIndexOf('\n', index) + 1;
  const lineEnd = text.indexOf('\n', index) < 0 ? text.length : text.indexOf('\n', index);
  const line = text.slice(lineStart, lineEnd);
  const others = line.split(/[\s,/&()]+/).filter((w) => w !== word && ENVIRONMENT_NAME.test(w) && w !== 'Test');
  if (others.length > 0) return true;
  return /^[A-Z]{2,4}(?:\s+(?:DB|database|app))?\s+(?:environments?|envs?|servers?|instances?|regions?|boxes)\b/i.test(text.slice(index, lineEnd));
}

/** Rejoins entries a narrow column wrapped: a line ending in a dash or comma, or a next line opening with "(" or lower case. */
function joinWrapped(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines.map((l) => l.trim())) {
    const prev = out[out.length - 1];
    if (prev !== undefined && line && (/[-–,&/]$/.test(prev) || /^[(a-z]/.test(line))) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}
