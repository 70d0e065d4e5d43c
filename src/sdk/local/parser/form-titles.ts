/**
 * Form exports (job-portal resumes: "Education Details … Skill Details …
 * Company Details") write the candidate's current title, and often
 * "Title - Employer", as the last lines before the skills block, which puts
 * them at the end of the education section. This takes them out of the
 * education lines: the first becomes the headline, and a "Title - Employer"
 * line gives that employer's entry its title.
 */
import type { Experience } from '../../model/index.js';
import { isTitleLine } from './derived.js';
import { leadingDegree } from './degrees.js';
import { namesEmployer, sameEmployer, TITLE_FROM_TEXT } from './experience-form.js';

const SCHOOL = /\b(university|college|institute|school|academy|polytechnic|board|vidyalaya)\b/i;
const SCHOOLISH = new RegExp(`${SCHOOL.source}|(?:19|20)\\d\\d`, 'i');

export function formTitles(educationLines: string[], entries: Array<Omit<Experience, 'skills'>>): { education: string[]; headline?: string } {
  const taken: number[] = [];
  for (let i = educationLines.length - 1; i >= 0 && taken.length < 3; i--) {
    const line = educationLines[i]!.trim();
    if (!line) continue;
    if (leadingDegree(line.replace(/^[A-Za-z]+\s+(?:19|20)\d\d\s+/, ''))) break;
    const left = line.split(/\s+[-–]\s+/)[0]!;
    // "Group Fitness Instructor, India - Columbia University": a title, whatever its employer is.
    if (isTitleLine(left) && left !== line && !SCHOOLISH.test(left)) {
      taken.unshift(i);
      continue;
    }
    // A summary sentence ("Microsoft Certified Professional with 11 years of experience …") is
    // passed over; a school or a year on a short line ends the titles.
    if (line.split(/\s+/).length > 10 && !SCHOOL.test(line)) continue;
    if (SCHOOLISH.test(line)) break;
    if (isTitleLine(left)) taken.unshift(i);
  }
  if (!taken.length) return { education: educationLines };
  let headline: string | undefined;
  for (const i of taken) {
    const line = educationLines[i]!.trim();
    const [title, employer] = line.split(/\s+[-–]\s+/, 2) as [string, string | undefined];
    if (!headline) headline = title;
    if (employer) {
      const entry = entries.find((e) => e.company && sameEmployer(e.company, employer));
      if (entry && (!entry.title || TITLE_FROM_TEXT.has(entry))) entry.title = title;
      else if (!entry && entries[0] && !entries[0].company && (!entries[0].title || TITLE_FROM_TEXT.has(entries[0]))) {
        entries[0].title = title;
        // "Senior Manager - PMO", "Advocate - Gauhati High Court": a department or a court is no employer.
        if (namesEmployer(employer)) entries[0].company = employer;
      }
    } else if (line !== headline && entries[0] && (!entries[0].title || TITLE_FROM_TEXT.has(entries[0]))) entries[0].title = line;
  }
  const drop = new Set(taken);
  return { education: educationLines.filter((_, i) => !drop.has(i)), headline };
}
