import { describe, expect, it } from 'vitest';
import { isFormExperience } from '../../src/sdk/local/parser/experience-form.js';
import { parseExperience } from '../../src/sdk/local/parser/experience.js';
import { repairMojibake } from '../../src/sdk/local/parser/mojibake.js';
import { headingOf, splitSections } from '../../src/sdk/local/parser/sections.js';

describe('mojibake (UTF-8 read as Windows-1252)', () => {
  it.each([
    ['EXÃ‰CUTIVE Banquette Sous Chef', 'EXÉCUTIVE Banquette Sous Chef'],
    ['Company Name â€“ City', 'Company Name – City'],
    ['Itâ€™s a â€œquoteâ€\u009D', 'It’s a “quote”'],
    ['SÃ£o Paulo', 'São Paulo'],
    ['making cold callsÂ\nHoned', 'making cold calls \nHoned'],
  ])('%s → %s', (broken, fixed) => expect(repairMojibake(broken)).toBe(fixed));

  it('marks a sequence cut short as a lost character', () => {
    expect(repairMojibake('Company Name ï¼ City , State')).toBe('Company Name \uFFFD City , State');
  });

  it.each(['café» and São Paulo', 'naïve', 'ÂNGELA', 'Ça va, 10€'])('leaves good text alone: %s', (text) => expect(repairMojibake(text)).toBe(text));
});

describe('title and employer on one line', () => {
  const entries = (...lines: string[]) => parseExperience(lines).map((e) => [e.title ?? null, e.company ?? null]);

  it('splits a title from the employer after it', () => {
    expect(entries('Billing Accountant Acme Corp \uFFFD Denver , CO', '01/2015 to 03/2018', 'Did the billing.')).toEqual([['Billing Accountant', 'Acme Corp']]);
    expect(entries('Accountant II Acme Corp', '2010 - 2012')).toEqual([['Accountant II', 'Acme Corp']]);
  });

  it('reads the title after a US place', () => {
    expect(entries('January 2006 to Current', 'Acme Corp Sacramento , CA ORGANIZATION DEVELOPMENT CONSULTANT', 'Led the work.')).toEqual([
      ['ORGANIZATION DEVELOPMENT CONSULTANT', 'Acme Corp'],
    ]);
  });

  it('leaves titles with lower-case tails and comma-separated employers as they were', () => {
    expect(entries('Director of Operations', '2010 - 2012')).toEqual([['Director of Operations', null]]);
    expect(entries('Senior Engineer, Northwind Logistics', '2010 - 2012')).toEqual([['Senior Engineer', 'Northwind Logistics']]);
  });
});

describe('what is no title', () => {
  const titles = (...lines: string[]) => parseExperience(lines).map((e) => e.title ?? null);

  it('takes no place and no duty sentence for a title', () => {
    expect(titles('Company Name', '01/2015 to 03/2018', 'City, State')).toEqual([null]);
    expect(titles('01/2015 to 03/2018', 'Assisted Product Managers with the launch of new products', 'More work.')).toEqual([null]);
    expect(titles('Operations Manager', '01/2015 to 03/2018', 'Oversee daily operations.')).toEqual(['Operations Manager']);
  });

  it('takes no heading, verb or sentence left over beside the employer, but keeps titles the word list lacks', () => {
    expect(titles('Company Name', 'Responsibilities', '08/2006 to 06/2011', 'Taught grade 3.')).toEqual([null]);
    expect(titles('Consulted', 'Company Name', '06/2008 to 01/2015', 'Planned meals.')).toEqual([null]);
    expect(titles('Cold call customers that responded to ads', 'Company Name City, State', '01/2011 to 03/2015')).toEqual([null]);
    expect(titles('Barista', 'Company Name', '06/2008 to 01/2015', 'Made coffee.')).toEqual(['Barista']);
    expect(titles('Day Care Provider', 'Company Name', '06/2008 to 01/2015', 'Cared for children.')).toEqual(['Day Care Provider']);
  });
});

describe('section headings', () => {
  it('reads "Relevant Professional Experience" as the experience section', () => {
    expect(headingOf('Relevant Professional Experience')?.name).toBe('experience');
  });

  it('takes a labelled paragraph inside a job for no new section, but a short labelled list for one', () => {
    expect(headingOf('Accomplishments: achieve positive outcomes in participant recruitment and retention and overall student academic performance')).toBeUndefined();
    expect(headingOf('Interests: chess, cycling')).toEqual({ name: 'other', rest: 'chess, cycling' });
    expect(headingOf('Skills: Python, Go, SQL, Kubernetes, Terraform, AWS, GCP, Azure, Docker, Helm, Kafka, Spark, Airflow, dbt')?.name).toBe('skills');
    // An achievements label inside a job opens no section, however short its text.
    expect(headingOf('Key Achievements: Got promoted in 12 months of joining.')).toBeUndefined();
  });

  it.each([
    ['Teaching Experience', 'experience'],
    ['Clinical Experience', 'experience'],
    ['Military Service', 'experience'],
    ['Internships', 'experience'],
    ['Skill Highlights', 'skills'],
    ['Highlights', 'skills'],
    ['Core Strengths', 'skills'],
    ['Educational Qualification', 'education'],
    ['Professional Affiliations', 'other'],
    ['Personal Information', 'other'],
    ['Core Accomplishments', 'other'],
    ['Honors & Awards', 'other'],
    ['Relevant Coursework', 'other'],
  ])('reads %j as a %s heading', (line, name) => {
    expect(headingOf(line)?.name).toBe(name);
  });

  it('keeps an ordinary word alone on a line inside a job ("Training", "Tools") in the experience section', () => {
    const { sections } = splitSections('Experience\nTrainer, Acme, 2015 - 2017\nTraining\nRan onboarding.\nCoach, Beta, 2017 - 2019\nSkills\nExcel');
    expect(sections.map((x) => [x.name, x.lines.length])).toEqual([
      ['experience', 4],
      ['skills', 1],
    ]);
    expect(headingOf('Training')?.name).toBe('other');
  });

  it('takes a common word alone in lower case for a wrapped line, not a heading', () => {
    expect(headingOf('courses')).toBeUndefined();
    expect(headingOf('Courses')?.name).toBe('other');
  });
});

describe('labelled form fields', () => {
  it('needs a colon or description fields, not a dash alone', () => {
    expect(isFormExperience(['Head Chef 01/2008 to 01/2012', 'Company Name – City , State'])).toBe(false);
    expect(isFormExperience(['company - Infosys', 'description - Built things'])).toBe(true);
    expect(isFormExperience(['Company: Infosys', 'Role: Developer'])).toBe(true);
  });
});
