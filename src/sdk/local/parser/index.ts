import type { Experience, Profile } from '../../model/index.js';
import type { ProfileParser } from '../../ports/index.js';
import type { SkillTaxonomy } from '../../matching/taxonomy.js';
import { findEmails, findLinks, findLocation, findName, findPhones } from './contact.js';
import { toMonth, unionYears } from './dates.js';
import { parseEducation } from './education.js';
import { parseExperience } from './experience.js';
import { sectionLines, splitSections, stripBullet } from './sections.js';

export interface RuleBasedParserOptions {
  taxonomy: SkillTaxonomy;
  /** ISO country for phone numbers without a country code. Default US. */
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

export function parseProfile(text: string, options: RuleBasedParserOptions): Profile {
  const { taxonomy } = options;
  const ref = options.referenceDate ?? new Date();
  const nowMonth = ref.getUTCFullYear() * 12 + ref.getUTCMonth();
  const { header, sections } = splitSections(text);
  const headerText = header.join('\n');

  const summaryLines = sectionLines(sections, 'summary').filter((l) => l.trim());
  const summary = summaryLines.length
    ? summaryLines.map(stripBullet).join(' ')
    : header.find((l) => l.split(/\s+/).length >= 15);

  const rawExperience = parseExperience(sectionLines(sections, 'experience'));
  const experience: Experience[] = rawExperience.map((e) => ({
    ...e,
    skills: taxonomy.findSkills([e.title ?? '', e.description].join('\n')),
  }));

  const interval = (e: Experience): [number, number] | undefined => {
    if (!e.start) return undefined;
    const start = toMonth(e.start, 'start');
    const end = e.current || !e.end ? nowMonth : toMonth(e.end, 'end');
    return [start, Math.min(end, nowMonth)];
  };
  const intervals = experience.map(interval).filter((x): x is [number, number] => Boolean(x));
  const totalYears = unionYears(intervals);

  // Skills: those in a skills section first, then any others mentioned anywhere.
  const skillsSection = sectionLines(sections, 'skills').join('\n');
  const names = [...new Set([...taxonomy.findSkills(skillsSection), ...taxonomy.findSkills(text)])];
  const skills = names.map((name) => {
    const used = experience.filter((e) => e.skills.includes(name)).map(interval).filter((x): x is [number, number] => Boolean(x));
    const years = used.length ? unionYears(used) : undefined;
    const category = taxonomy.category(name);
    return { name, ...(category ? { category } : {}), ...(years ? { years } : {}) };
  });

  const certifications = sectionLines(sections, 'certifications')
    .map(stripBullet)
    .filter((l) => l.length > 1 && l.length <= 120);
  const languages = [
    ...new Set(
      sectionLines(sections, 'languages')
        .flatMap((l) => stripBullet(l).split(/[,;•|]/))
        .map((l) => l.replace(/\(.*?\)|[-–—:].*$/g, '').trim())
        .filter((l) => /^[A-Z][a-zA-Z ]{1,30}$/.test(l)),
    ),
  ];

  const name = findName(header.length ? header : text.split('\n'));
  const location = findLocation(header.length ? header : text.split('\n').slice(0, 12));

  return {
    ...(name ? { name } : {}),
    emails: findEmails(text),
    phones: findPhones(headerText || text.slice(0, 2000), options.defaultCountry ?? 'US'),
    links: findLinks(text),
    ...(location ? { location } : {}),
    ...(summary ? { summary } : {}),
    skills,
    experience,
    education: parseEducation(sectionLines(sections, 'education')),
    certifications,
    languages,
    totalYears,
  };
}
