/** Splits resume text into a header block and named sections by their headings. */
export type SectionName = 'summary' | 'skills' | 'experience' | 'education' | 'certifications' | 'languages' | 'projects' | 'other';

export interface Section {
  name: SectionName;
  heading: string;
  lines: string[];
  /** Index in the document's lines of the first line after the heading. */
  start: number;
}

const HEADINGS: Array<[SectionName, RegExp]> = [
  ['summary', /^(professional |career |executive |personal )?(summary|profile|objective|overview)$|^(career objective|about me|about|summary of qualifications)$/],
  ['skills', /^((technical|key|core|professional|relevant|computer|it|software) )?(skills|competencies|expertise|proficiencies)( (and|&) (tools|technologies|abilities|qualifications))?$|^(skill set|skillset|skill details|skills? learnt|personal skills|computer skill|technical strengths|areas of expertise|technologies|tools (and|&) technologies|technical proficiencies|tech stack|core qualifications|qualifications|highlights|skill highlights|skills? summary|summary of skills|soft skills|core strengths|key strengths|tools|languages (and|&) tools)$/],
  ['experience', /^((professional|work|relevant|industry|employment|career|research|related|teaching|clinical|military|leadership|freelance|consulting|internship|management|sales|legal|nursing) ){0,2}(experience|history)$|^(employment|employment history|work history|career history|professional background|experience details|positions held|company details|work experince|internships?|military service)$/],
  ['education', /^(education|academic background|academic qualifications?|educational qualifications?|education (and|&) training|educational background|academics|education details|academic profile)$/],
  ['certifications', /^(certifications?|certificates|licenses?( (and|&) certifications?)?|certifications? (and|&) licenses?|professional certifications|accreditations)$/],
  ['languages', /^(languages?|spoken languages|language skills|languages? known)$/],
  ['projects', /^((key|selected|personal|academic) )?projects$/],
  ['other', /^(awards|honors|honours|awards (and|&) honou?rs|publications|interests|hobbies|references|volunteer( experience| work)?|activities|achievements|accomplishments|additional information|personal details|personal information|declaration|strengths|links|websites|online profiles|(professional )?affiliations|memberships|professional memberships|core accomplishments|key achievements|career highlights|honou?rs (and|&) awards|awards (and|&) recognition|patents|conferences|extracurricular activities|volunteering|community service|hobbies (and|&) interests|relevant coursework|coursework|trainings?|courses|professional development)$/],
];

/** One-word headings that may also label part of a job, and so do not end an experience section. */
const INSIDE_JOB_WORDS = ['highlights', 'tools', 'trainings?', 'courses', 'coursework', 'memberships', 'affiliations', 'patents', 'conferences', 'volunteering'];
const INSIDE_JOB = new RegExp(`^(?:${INSIDE_JOB_WORDS.join('|')})$`);
/** One-word headings that are also ordinary words: those, and more. */
const GENERIC_WORD = new RegExp(
  `^(?:${[...INSIDE_JOB_WORDS, 'internships?', 'qualifications', 'technologies', 'interests', 'activities', 'achievements', 'accomplishments', 'strengths', 'employment', 'links', 'websites', 'awards', 'publications', 'references'].join('|')})$`,
);

const clean = (line: string) =>
  line
    .replace(/^[\s#*•▪●■◆\-–—=_:]+|[\s*:•▪●■\-–—=_]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The section a line heads, if it is a heading: short, and matching a known name. */
export function headingOf(line: string): { name: SectionName; rest: string } | undefined {
  const trimmed = line.trim();
  if (!trimmed) return undefined;
  // "Skills: Python, Go" — a heading with its content on the same line, however long the content.
  const colon = trimmed.indexOf(':');
  const candidates: Array<readonly [string, string]> = [];
  if (colon > 0 && colon <= 40) candidates.push([trimmed.slice(0, colon), trimmed.slice(colon + 1)]);
  if (trimmed.length <= 60) candidates.push([trimmed, '']);
  for (const [head, rest] of candidates) {
    const h = clean(head);
    if (!h || h.split(' ').length > 6) continue;
    // A common word alone in lower case ("courses", "tools") is a wrapped line's end, not a heading.
    if (GENERIC_WORD.test(h) && /^\p{Ll}/u.test(head.trim())) continue;
    for (const [name, re] of HEADINGS) {
      if (!re.test(h)) continue;
      // "Accomplishments: achieved positive outcomes in …" inside a job is a label on its prose,
      // not a new section; "Interests: chess, cycling" is a section.
      if (name === 'other' && rest.trim().length > 80) return undefined;
      // "Key Achievements: renegotiated a contract" inside a job is a label, whatever its length.
      if (name === 'other' && rest.trim() && /achievements|accomplishments|highlights/.test(h)) return undefined;
      return { name, rest: rest.trim() };
    }
  }
  return undefined;
}

export function splitSections(text: string): { header: string[]; sections: Section[]; lines: string[] } {
  const lines = text.split('\n');
  const header: string[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  lines.forEach((line, i) => {
    let h = headingOf(line);
    // Inside a job, an ordinary word alone on its line ("Training", "Tools", "Highlights") labels
    // part of the job; it does not end the experience section.
    if (h && current?.name === 'experience' && h.name !== 'experience' && INSIDE_JOB.test(clean(line))) h = undefined;
    if (h) {
      current = { name: h.name, heading: line.trim(), lines: h.rest ? [h.rest] : [], start: i + 1 };
      sections.push(current);
    } else if (current) current.lines.push(line);
    else header.push(line);
  });
  return { header, sections, lines };
}

export function sectionLines(sections: Section[], name: SectionName): string[] {
  return sections.filter((s) => s.name === name).flatMap((s) => s.lines);
}

const BULLET = /^\s*([•▪●■◆◦‣∙·*–—\-o]\s+|\d{1,2}[.)]\s+)/;
export const isBullet = (line: string) => BULLET.test(line);
export const stripBullet = (line: string) => line.replace(BULLET, '').trim();
