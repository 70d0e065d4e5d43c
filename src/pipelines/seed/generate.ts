/**
 * Synthetic resumes and jobs: invented people (example.com/.org e-mail
 * addresses, 555-01xx phone numbers) across the professions in professions.ts.
 * Each item depends only on (seed, index), never on how many are generated.
 */
import { PROFESSIONS, type Profession } from './professions.js';
import { derive, type Rng } from './prng.js';

export interface SeedExperience {
  title: string;
  company: string;
  location: string;
  /** `Mon YYYY` */
  start: string;
  /** `Mon YYYY` or `Present` */
  end: string;
  bullets: string[];
}

export interface SeedResume {
  /** Output file name without the extension. */
  file: string;
  profession: string;
  layout: 'classic' | 'modern' | 'compact';
  name: string;
  headline: string;
  contact: { email: string; phone: string; location: string; linkedin?: string; github?: string };
  summary: string;
  skills: string[];
  experience: SeedExperience[];
  education: Array<{ degree: string; institution: string; year: number }>;
  certifications: string[];
  languages: string[];
}

export interface SeedJob {
  id: string;
  title: string;
  description: string;
  requiredSkills: string[];
  niceToHaveSkills: string[];
  minYears: number;
  location: string;
}

const FIRST = 'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Sandra Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Rebecca Jason Laura Aisha Wei Priya Mateo Sofia Omar Yuki Amara Lukas Ines Tomasz Fatima Diego Mei Ravi Elena Kwame Noor Hiroshi Camila Arjun Leila Jonas Zanele'.split(' ');
const LAST = 'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Chen Patel Okafor Novak Kowalski Haddad Tanaka Schmidt Rossi Ivanova Mensah Kim Singh Ali Costa Andersen Dubois Yilmaz Murphy Sato'.split(' ');
const CITIES = 'Seattle, WA|Portland, OR|San Francisco, CA|Los Angeles, CA|San Diego, CA|Phoenix, AZ|Denver, CO|Austin, TX|Dallas, TX|Houston, TX|Chicago, IL|Minneapolis, MN|Milwaukee, WI|Detroit, MI|Columbus, OH|Atlanta, GA|Miami, FL|Charlotte, NC|Raleigh, NC|Nashville, TN|Boston, MA|New York, NY|Philadelphia, PA|Pittsburgh, PA|Baltimore, MD|Salt Lake City, UT|Kansas City, MO|St. Louis, MO'.split('|');
const COMPANY_NAMES = 'Northwind Bluefin Meridian Clearwater Brightpath Pixelcraft Riverbend Summit Ironwood Silverline Redwood Harborview Lakeshore Granite Cedar Evergreen Pinnacle Crestview Oakridge Stonegate Westfield Sunrise Horizon Keystone Beacon Lighthouse Copperleaf Fairview Highland Maple'.split(' ');
const UNIVERSITIES = 'University of Washington|Oregon State University|University of California, Davis|Arizona State University|University of Colorado Boulder|The University of Texas at Austin|Texas A&M University|University of Illinois Urbana-Champaign|University of Minnesota|University of Michigan|Ohio State University|Georgia Institute of Technology|University of Florida|North Carolina State University|Vanderbilt University|Boston University|Northeastern University|New York University|Temple University|Purdue University|University of Utah|University of Wisconsin-Madison'.split('|');
const LANGUAGES = ['Spanish', 'French', 'German', 'Mandarin', 'Hindi', 'Portuguese', 'Arabic', 'Japanese', 'Polish', 'Korean'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LAYOUTS = ['classic', 'modern', 'compact'] as const;
/** "Now" for generated dates: fixed, so output does not change with the calendar. */
const NOW = { year: 2026, month: 0 };

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function fill(template: string, rng: Rng, skills: string[]): string {
  return template
    .replace(/\{s\}/g, () => rng.pick(skills))
    .replace(/\{n\}/g, () => String(rng.int(2, 9)))
    .replace(/\{p\}/g, () => String(rng.int(12, 60)))
    .replace(/\{m\}/g, () => `$${rng.int(2, 40)}M`);
}

/** The profession of resume or job `index`: round-robin, so every profession is represented evenly. */
export const professionOf = (index: number): Profession => PROFESSIONS[index % PROFESSIONS.length]!;

/** One synthetic resume; the same (seed, index) always gives the same resume. */
export function generateResume(seed: string | number, index: number): SeedResume {
  const rng = derive(seed, 'resume', index);
  const prof = professionOf(index);
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const name = `${first} ${last}`;
  const city = rng.pick(CITIES);
  const years = rng.int(1, 22);
  const level = years < 3 ? 0 : years < 7 ? 1 : years < 13 ? 2 : 3;
  const skills = [...rng.sample(prof.core, rng.int(Math.min(4, prof.core.length), prof.core.length)), ...rng.sample(prof.extra, rng.int(2, 5))];

  // Work history backwards from now: 2-4 jobs covering `years`, each 1-6 years.
  const experience: SeedExperience[] = [];
  let endMonth = NOW.year * 12 + NOW.month;
  let remaining = years * 12;
  const jobs = Math.min(rng.int(2, 4), Math.max(1, Math.ceil(years / 2)));
  for (let j = 0; j < jobs && remaining > 0; j++) {
    const span = j === jobs - 1 ? remaining : Math.max(8, Math.min(remaining, rng.int(12, 72)));
    const startMonth = endMonth - span;
    const fmt = (m: number) => `${MONTHS[m % 12]} ${Math.floor(m / 12)}`;
    const title = prof.titles[Math.max(0, level - j)]!;
    experience.push({
      title,
      company: `${rng.pick(COMPANY_NAMES)} ${rng.pick(prof.industries)}`,
      location: rng.chance(0.7) ? city : rng.pick(CITIES),
      start: fmt(startMonth),
      end: j === 0 && rng.chance(0.8) ? 'Present' : fmt(endMonth),
      bullets: rng.sample(prof.bullets, rng.int(3, 4)).map((b) => fill(b, rng, skills)),
    });
    remaining -= span;
    endMonth = startMonth - rng.int(0, 3);
  }
  const gradYear = NOW.year - years - rng.int(0, 2);
  const education = [{ degree: rng.pick(prof.degrees), institution: rng.pick(UNIVERSITIES), year: gradYear }];
  const user = `${slug(first)}.${slug(last)}${index}`;
  const tech = ['backend', 'frontend', 'data', 'devops'].includes(prof.key);
  return {
    file: `${String(index + 1).padStart(6, '0')}-${slug(name)}`,
    profession: prof.key,
    layout: rng.pick(LAYOUTS),
    name,
    headline: prof.titles[level]!,
    contact: {
      email: `${user}@example.${rng.chance(0.5) ? 'com' : 'org'}`,
      phone: `(${rng.int(201, 989)}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`,
      location: city,
      ...(rng.chance(0.6) ? { linkedin: `linkedin.com/in/${slug(name)}-${index}` } : {}),
      ...(tech && rng.chance(0.6) ? { github: `github.com/${slug(first)}${slug(last)}${index}` } : {}),
    },
    summary: prof.summary.replace('{y}', String(years)).replace('{s}', skills[0]!).replace('{s2}', skills[1]!),
    skills,
    experience,
    education,
    certifications: rng.chance(0.6) ? rng.sample(prof.certifications, rng.int(1, 2)) : [],
    languages: rng.chance(0.5) ? ['English', ...rng.sample(LANGUAGES, rng.int(1, 2))] : [],
  };
}

/** One synthetic job; the same (seed, index) always gives the same job. */
export function generateJob(seed: string | number, index: number): SeedJob {
  const rng = derive(seed, 'job', index);
  const prof = professionOf(index);
  const level = rng.int(1, 3);
  const required = rng.sample(prof.core, rng.int(3, 5));
  const nice = rng.sample([...prof.extra, ...prof.core.filter((s) => !required.includes(s))], rng.int(2, 4));
  const title = prof.titles[level]!;
  const description = prof.jobLines.map((l) => l.replace('{title}', title).replace('{s}', required[0]!).replace('{s2}', required[1] ?? required[0]!)).join(' ');
  return {
    id: `SJ-${String(index + 1).padStart(5, '0')}`,
    title,
    description,
    requiredSkills: required,
    niceToHaveSkills: nice,
    minYears: [1, 3, 5, 8][level]!,
    location: rng.chance(0.25) ? 'Remote' : rng.pick(CITIES),
  };
}
