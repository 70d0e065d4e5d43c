import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/sdk/index.js';
import { parseProfile } from '../../src/sdk/local/parser/index.js';
import { normaliseResumeText } from '../../src/sdk/local/parser/normalise.js';

const taxonomy = loadTaxonomy();
const parse = (text: string) => parseProfile(text, { taxonomy, referenceDate: new Date('2026-11-01T00:00:00Z') });

describe('contact details', () => {
  it.each([
    ['Jane Q. Doe\njane.doe@example.com | (415) 555-0100', { name: 'Jane Q. Doe', emails: ['jane.doe@example.com'], phones: ['+14155550100'] }],
    ['JOHN SMITH\nSoftware Engineer\njohn@example.org · +44 20 7946 0958', { name: 'John Smith', emails: ['john@example.org'], phones: ['+442079460958'] }],
    ['María José García-López\nmaria@example.com', { name: 'María José García-López' }],
    ['Resume\nAda Lovelace\nada@example.com', { name: 'Ada Lovelace' }],
    // A recruiting agency's letterhead above the candidate's own header (a page header in DOCX).
    ['Acme Talent Partners | Candidate Submission\nConfidential\nDana Whitfield\ndana@example.com', { name: 'Dana Whitfield' }],
  ])('%j', (text, expected) => {
    expect(parse(text)).toMatchObject(expected);
  });

  it.each([
    ['Jane Doe, MBA', 'Jane Doe'],
    ['JANE A. DOE, PMP, CSM', 'Jane A. Doe'],
    ['Jane Doe, RN, BSN', 'Jane Doe'],
    ['Jane Doe, Ph.D.', 'Jane Doe'],
    ['Dr. Jane Doe', 'Jane Doe'],
    ['Mr. Rahul Sharma', 'Rahul Sharma'],
    ['Name: Jane Doe', 'Jane Doe'],
    ['Résumé of Jane Doe', 'Jane Doe'],
    ['Jane Doe (she/her)', 'Jane Doe'],
    ['Jane Doe – Senior Engineer', 'Jane Doe'],
    ['Jane Doe jane@example.com +1 415 555 0100', 'Jane Doe'],
    ['Adv. Harpreet Kaur', 'Harpreet Kaur'],
    ['Marc Tremblay, P.Eng.', 'Marc Tremblay'],
    // After a title comes more about the job, not the name (LiveCareer's first line).
    ['FIELD BASED NURSE CHART REVIEWER - HEALTHCARE INFORMATICS', undefined],
    ['Membership ID 7700123456', undefined],
    // A title line is no name, with or without a dash ("anonymised" LiveCareer resumes start with one).
    ['ONLINE LEARNING COORDINATOR - PROGRAM TRAINING AND SUPPORT', undefined],
    ['Substitute Teacher', undefined],
    ['Executive Sous Chef', undefined],
    ['Technical Skills', undefined],
    // A title word that is also a surname does not make the line a title.
    ['Jane Cook', 'Jane Cook'],
  ])('name from %j', (line, name) => {
    expect(parse(`${line}\nSummary\nEngineer with 5 years of experience.`).name).toBe(name);
  });

  it('cuts at a spaced dash only near the top: further down it is a skill line, not a name', () => {
    expect(parse('Skills\nGo\nData Structure - Experience - 6 months\nJava').name).toBeUndefined();
  });

  it('finds LinkedIn, GitHub and portfolio links but not bare e-mail domains', () => {
    const p = parse('A Person\na@example.com\nlinkedin.com/in/a-person · github.com/aperson · https://aperson.dev');
    expect(p.links).toEqual([
      { kind: 'linkedin', url: 'https://linkedin.com/in/a-person' },
      { kind: 'github', url: 'https://github.com/aperson' },
      { kind: 'portfolio', url: 'https://aperson.dev' },
    ]);
  });

  it.each([
    ['Ann Lee\nAustin, TX 78701 | ann@example.com', 'Austin, TX'],
    ['Ann Lee\nLocation: Berlin, Germany', 'Berlin, Germany'],
    ['Ann Lee\nann@example.com | Dublin, Ireland', 'Dublin, Ireland'],
    ['Ann Lee\nAustin, Texas | ann@example.com', 'Austin, Texas'],
    ['Ann Lee\nChicago, Illinois, United States', 'Chicago, Illinois'],
    ['Ann Lee\nToronto, ON M5V 2T6', 'Toronto, ON'],
    ['Ann Lee\nWashington, D.C. · ann@example.com', 'Washington, DC'],
    ['Ann Lee\nSydney NSW 2000', 'Sydney, NSW'],
    ['Ann Lee\nSão Paulo - SP, Brasil', 'São Paulo, Brasil'],
    ['Ann Lee\nann@example.com | Greater Seattle Area', 'Greater Seattle Area'],
    ['Ann Lee\nLondon | ann@example.com', 'London'],
    // Office products before a state-like code are no place.
    ['Ann Lee\nMicrosoft Office, MS Excel', undefined],
  ])('location in %j', (text, location) => {
    expect(parse(text).location).toBe(location);
  });
});

describe('experience entries', () => {
  const cases: Array<[string, string, Array<{ title?: string; company?: string; start?: string; end?: string; current?: boolean }>]> = [
    [
      'title, company — dates',
      'EXPERIENCE\nSenior Software Engineer, Northwind Logistics — Jan 2019 – Present\n• Built Go services\nSoftware Engineer, Bluefin Payments Inc — Jun 2015 – Dec 2018\n• Wrote Java',
      [
        { title: 'Senior Software Engineer', company: 'Northwind Logistics', start: '2019-01', current: true },
        { title: 'Software Engineer', company: 'Bluefin Payments Inc', start: '2015-06', end: '2018-12', current: false },
      ],
    ],
    [
      'title line, then company | place | dates',
      'Work Experience\nData Analyst\nTwin Lakes Credit Union | St. Paul, MN | Mar 2021 – Present\n- SQL reports\n\nReporting Analyst\nAcme Grocers | Minneapolis, MN | 07/2019 - 02/2021\n- Excel models',
      [
        { title: 'Data Analyst', company: 'Twin Lakes Credit Union', start: '2021-03', current: true },
        { title: 'Reporting Analyst', company: 'Acme Grocers', start: '2019-07', end: '2021-02' },
      ],
    ],
    [
      'company line, then title | dates',
      'PROFESSIONAL EXPERIENCE\nCloudline Analytics — Denver, CO\nAccount Executive | Feb 2022 - Present\n• Closed deals\nSummit Software — Boulder, CO\nSales Development Representative | 2019 - 2022\n• Booked meetings',
      [
        { title: 'Account Executive', company: 'Cloudline Analytics', start: '2022-02', current: true },
        { title: 'Sales Development Representative', company: 'Summit Software', start: '2019', end: '2022' },
      ],
    ],
    [
      'title at company (dates)',
      'Experience\nProduct Designer at Lumen Studio (2020 to 2023)\nDesigned onboarding flows',
      [{ title: 'Product Designer', company: 'Lumen Studio', start: '2020', end: '2023' }],
    ],
  ];
  it.each(cases)('%s', (_label, text, expected) => {
    expect(parse(text).experience).toMatchObject(expected);
  });

  it('counts overlapping jobs once in total years', () => {
    const p = parse('EXPERIENCE\nEngineer, A Corp — Jan 2010 – Dec 2014\nConsultant, B LLC — Jan 2013 – Dec 2015\n');
    expect(p.totalYears).toBe(6);
  });

  it('reads a date range stacked on three lines by a narrow PDF date column', () => {
    const p = parse('Experience\nMarch 2014\nto\nNovember 2014\nCompany Name City , State Risk Specialist\nManaged risk reporting.\nApril 2008\nto\nCurrent\nCompany Name City , State Account Manager\nRecruited physicians.');
    expect(p.experience.map((e) => [e.title, e.start, e.current ? 'now' : e.end])).toEqual([
      ['Risk Specialist', '2014-03', '2014-11'],
      ['Account Manager', '2008-04', 'now'],
    ]);
    // Only a whole stacked range is joined: a lone "to" line in prose stays.
    expect(normaliseResumeText('Went from\nto\nsomewhere')).toBe('Went from\nto\nsomewhere');
  });

  it('takes the total the resume states over its dates, but not a referee\'s', () => {
    const jobs = 'EXPERIENCE\nEngineer, A Corp — Jan 1990 – Dec 2014\n';
    expect(parse(`SUMMARY\nBuyer with over 15 years of purchasing experience.\n\n${jobs}`).totalYears).toBe(15);
    const p = parse(`${jobs}\nREFERENCES\nDr. A. Khan, MD\nInternal Medicine\n37 Years of Experience\n`);
    expect(p.totalYears).toBe(25);
    expect(p.confidence?.totalYears).toBe(0.9);
  });

  it('gives skills years from the entries that mention them', () => {
    const p = parse('SKILLS\nGo, Python\n\nEXPERIENCE\nEngineer, A Corp — Jan 2016 – Dec 2019\n- Go and Python services\nEngineer, B Inc — Jan 2020 – Dec 2021\n- Python only');
    expect(p.skills.find((s) => s.name === 'Go')?.years).toBe(4);
    expect(p.skills.find((s) => s.name === 'Python')?.years).toBe(6);
  });
});

describe('education, certifications, languages and skills', () => {
  it.each([
    ['B.S. in Computer Science, University of Washington, 2018', { degree: 'B.S.', level: 'Bachelor', field: 'Computer Science', institution: 'University of Washington', graduationYear: 2018 }],
    ['Master of Science in Statistics — Stanford University (2012)', { level: 'Master', field: 'Statistics', institution: 'Stanford University', graduationYear: 2012 }],
    ['MBA, Wharton School of the University of Pennsylvania, 2015', { degree: 'MBA', level: 'Master', graduationYear: 2015 }],
    ['Ph.D. in Physics\nMassachusetts Institute of Technology | 2009', { level: 'Doctorate', field: 'Physics', graduationYear: 2009 }],
    ['University of Michigan — B.A., Economics, 2012', { degree: 'B.A.', field: 'Economics', institution: 'University of Michigan', graduationYear: 2012 }],
    ['Stanford University\nB.S. Computer Science, 2016', { degree: 'B.S.', field: 'Computer Science', institution: 'Stanford University' }],
    ['BSc (Hons) Computer Science, University of Manchester, 2:1, 2015', { degree: 'BSc', field: 'Computer Science', institution: 'University of Manchester' }],
    ['Bachelor of Science : Criminal Justice , December 1998 Southwest Texas State University', { degree: 'Bachelor of Science', field: 'Criminal Justice', graduationYear: 1998 }],
    ['Bachelor of Arts : Theatre Arts Austin, TX', { field: 'Theatre Arts' }],
    ['High School Diploma - Lincoln High School 2010', { institution: 'Lincoln High School', graduationYear: 2010 }],
    ['2014 – 2018 B.Tech (CSE) IIT Bombay 8.5 CGPA', { degree: 'B.Tech', institution: 'IIT Bombay', graduationYear: 2018 }],
  ])('%s', (line, expected) => {
    expect(parse(`Ann Lee\n\nEDUCATION\n${line}`).education[0]).toMatchObject(expected);
  });

  it.each(['B.S., Stanford University, 2016', 'MBA, May 2019', 'Associate of Applied Science (AAS), Austin Community College, 2016', 'Bachelors Degree, 2010'])('%s names no field of study', (line) => {
    expect(parse(`Ann Lee\n\nEDUCATION\n${line}`).education[0]?.field).toBeUndefined();
  });

  it('reads certification and language sections', () => {
    const p = parse('Ann Lee\n\nCERTIFICATIONS\n• AWS Certified Solutions Architect\n• PMP\n\nLANGUAGES\nEnglish (native), Spanish (fluent); French');
    expect(p.certifications).toEqual(['AWS Certified Solutions Architect', 'PMP']);
    expect(p.languages).toEqual(['English', 'Spanish', 'French']);
  });

  it('reads certifications named outside their section, but not in job descriptions or a declaration', () => {
    const p = parse(
      'Ann Lee\n\nSUMMARY\nPMP-certified project manager and Certified Scrum Master; AWS Certified Solutions Architect – Associate.\n\n' +
        'EXPERIENCE\nKitchen Lead, Acme Diner, 2019 - 2021\nPrepared staff for ServSafe exams.\n\nCERTIFICATIONS\nPMP (2018)\n\nDECLARATION\nI hereby declare the above is true. Certified that the details are correct.',
    );
    expect(p.certifications).toEqual(['PMP (2018)', 'Certified Scrum Master', 'AWS Certified Solutions Architect – Associate']);
  });

  it.each([
    ['a section with levels and a rare language', 'LANGUAGES\nFluent in English; Turkish Languages\nTulu (native), Kashmiri - basic', ['English', 'Turkish', 'Tulu', 'Kashmiri']],
    // A "Languages" section of programming languages, or one that runs on into other lines, names no spoken language.
    ['programming languages', 'LANGUAGES\nJava, Python (advanced frameworks), Database (Oracle)\nWriting Skills', []],
    ['sentences', 'SUMMARY\nBilingual (English/Spanish) agent, fluent in French and a native Portuguese speaker; proficient in Java.', ['English', 'Spanish', 'French', 'Portuguese']],
  ])('languages: %s', (_, body, expected) => {
    expect(parse(`Ann Lee\n\n${body}`).languages).toEqual(expected);
  });

  it('normalises skills to canonical names through aliases', () => {
    const names = parse('SKILLS: JS, ReactJS, k8s, Postgres, golang, MS Excel').skills.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['JavaScript', 'React', 'Kubernetes', 'PostgreSQL', 'Go', 'Excel']));
  });

  it('invents nothing from text without a resume in it', () => {
    const p = parse('lorem ipsum dolor sit amet, consectetur adipiscing elit');
    expect(p).toMatchObject({ emails: [], phones: [], experience: [], education: [], totalYears: 0 });
    expect(p.name).toBeUndefined();
  });
});
