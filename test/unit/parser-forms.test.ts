/** Form-export resumes, degree codes, stated years, seniority and confidence. */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/sdk/index.js';
import { degreeCode } from '../../src/sdk/local/parser/degrees.js';
import { seniorityOf, statedYears } from '../../src/sdk/local/parser/derived.js';
import { parseFormExperience } from '../../src/sdk/local/parser/experience-form.js';
import { parseProfile } from '../../src/sdk/local/parser/index.js';
import { normaliseResumeText } from '../../src/sdk/local/parser/normalise.js';

const taxonomy = loadTaxonomy();
const parse = (text: string) => parseProfile(text, { taxonomy, referenceDate: new Date('2019-01-01T00:00:00Z') });

// An invented resume in the layout of a job-portal export.
const FORM = [
  'TECHNICAL SKILLS ? Java ? Spring Boot ? MySQL-Basics ? Operating Systems: Linux Education Details ',
  'July 2012 to June 2016 B.E Computer Engineering Pune, Maharashtra Savitribai Phule Pune University',
  'January 2012 HSC Pune, Maharashtra Maharashtra State Board',
  ' M.Tech (CSE) B.Tech (IT) Example University',
  'Java Developer ',
  '',
  'Java Developer - Riverbend Softworks Pvt Ltd',
  'Skill Details ',
  'JAVA- Exprience - 30 months',
  'SPRING- Exprience - Less than 1 year monthsCompany Details ',
  'company - Riverbend Softworks Pvt Ltd',
  'description - Duration: Aug 2016 to till date',
  '? Built REST services in Spring Boot.',
  'company - Current Project',
  'description - Internal tools',
  'company - Lotus Analytics',
  'description - Role: Software Trainee',
  'From Jan 2015 to May 2016',
  'Phone: 09876501234',
].join('\n');

describe('form-export resumes', () => {
  const p = parse(FORM);
  it('splits glued headings and lost bullets', () => {
    expect(normaliseResumeText('A ? B ? C Education Details ')).toBe('A\n• B\n• C\nEducation Details');
    expect(normaliseResumeText('Is it? Yes')).toBe('Is it? Yes');
  });

  it('reads company/description fields, roles, dates and the title lines', () => {
    expect(p.headline).toBe('Java Developer');
    expect(p.experience.map((e) => [e.title, e.company, e.start, e.current ? 'now' : e.end])).toEqual([
      ['Java Developer', 'Riverbend Softworks Pvt Ltd', '2016-08', 'now'],
      [undefined, undefined, undefined, undefined],
      ['Software Trainee', 'Lotus Analytics', '2015-01', '2016-05'],
    ]);
  });

  it('reads one-line education entries, two degrees on a line included', () => {
    expect(p.education.map((e) => [degreeCode(e.degree!), e.field, e.institution, e.graduationYear])).toEqual([
      ['BE', 'Computer Engineering', 'Savitribai Phule Pune University', 2016],
      ['HSC', undefined, 'Maharashtra State Board', 2012],
      ['MTech', undefined, 'Example University', undefined],
      ['BTech', undefined, 'Example University', undefined],
    ]);
  });

  it('finds skills in lost-bullet lists and hyphen-glued words, not list labels, with months from the skill block', () => {
    const names = p.skills.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Java', 'Spring Boot', 'MySQL', 'Linux', 'REST APIs']));
    expect(names).not.toContain('Operating systems');
    expect(p.skills.find((s) => s.name === 'Java')?.years).toBe(2.5);
  });

  it('takes a form skill written in lower case when the whole item is its name', () => {
    const q = parse('Skill Details \nexcel- Exprience - 12 months\nMachine Learning- Exprience - 6 months');
    expect(q.skills.find((s) => s.name === 'Excel')?.years).toBe(1);
  });

  it('does not take deployment environments for testing skills', () => {
    const q = parse('Work\n? Setup of database refresh jobs on QA, DEV and UAT environments\n? Supported UAT and PROD environments\n? (DEV/QA/PROD/Standby/DR)');
    const names = q.skills.map((s) => s.name);
    expect(names).not.toContain('UAT');
    expect(names).not.toContain('Quality Assurance');
    expect(parse('Skills\nUAT, regression testing').skills.map((s) => s.name)).toContain('UAT');
  });

  it('does not take a team or a system someone built for a skill', () => {
    const names = parse('Work\n? Discussed the requirement with the QA team and reported to the Sales Manager\n? Designed the Expense Management module in Java').skills.map((s) => s.name);
    expect(names).not.toContain('Quality Assurance');
    expect(names).not.toContain('Sales');
    expect(names).not.toContain('Expense Management');
    expect(names).toContain('Java');
    expect(parse('Skills\nExpense management, QA, sales').skills.map((s) => s.name)).toEqual(expect.arrayContaining(['Expense Management', 'Quality Assurance', 'Sales']));
  });

  it('keeps a skill that heads its own description or labels a list of its parts', () => {
    const names = parse(
      'Strengths\n? Adaptability: A penchant to adapt to any situation\nTechnologies\nOperating Systems: Linux\nWeb: HTML, Angular js. Framework: Struts\nVirtualisation: VMware ESXi\nOperating Systems: Windows Tools: Toad',
    ).skills.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Adaptability', 'Linux', 'AngularJS', 'Struts', 'Virtualization', 'VMware', 'Microsoft Windows', 'Toad']));
    expect(names).not.toContain('Operating systems');
  });

  it('reads "Spring 2014" as a term, "Spring Boot" as a skill', () => {
    const names = parse("Honors\nDean's List Spring 2014\nSkills\nSpring Boot, Spring").skills.map((s) => s.name);
    expect(names).toContain('Spring Boot');
    expect(parse("Honors\nDean's List Spring 2014").skills.map((s) => s.name)).not.toContain('Spring');
  });

  it('reads "ISO 9001:2008" as a mention, not a list label', () => {
    expect(parse('Work\n? Maintained the ISO 9001:2008 quality system').skills.map((s) => s.name)).toContain('ISO 9001');
  });

  it('puts numbers in E.164 for the country the text places the resume in', () => {
    expect(p.phones).toEqual(['+919876501234']);
  });
});

describe('degree codes', () => {
  it.each([
    ['B.E', 'BE'], ['Bachelor Of Engineering', 'BE'], ['B. Tech', 'BTech'], ['Bachelor of Science', 'BSc'], ['B.S.', 'BSc'],
    ['MSC', 'MSc'], ['Masters of Science', 'MSc'], ['M.Tech', 'MTech'], ['MBA', 'MBA'], ['P.G.', 'PG'], ["Bachelor's Laws", 'LLB'],
    ['LLM', 'LLM'], ['H.S.C.', 'HSC'], ['Higher Secondary Certificate', 'HSC'], ['secondary school certificate (SSC)', 'SSC'],
    ['S.S.C', 'SSC'], ['DIPLOMA', 'Diploma'], ['Advance Diploma in Hotel Management', 'Diploma'], ['B.F.A.', 'BFA'], ['B. Com', 'BCom'],
    ['Bachelor Of Computer Engineering', 'BE'], ['Bachelor of Art Economics', 'BA'], ['BSCIT', 'BSc'], ['B.Sc IT', 'BSc'], ['BCS', 'BSc'],
    ['MMS', 'MBA'], ['Master of Management Studies', 'MBA'], ['Polytechnic Information Technology', 'Diploma'],
    ['Bachelors', 'Bachelor'], ['Associates', 'Associate'], ['GED', 'SSC'], ['Masters of Divinity', 'Master'],
    ['Masters of Business Administration', 'MBA'], ['Masters of Arts', 'MA'], ['HS Diploma', 'SSC'], ['B.S.B.A', 'BBA'],
    ['Bachelor , Business Administration', 'BBA'], ["Bachelor's Degree : Business Administration", 'BBA'], ["Master's Degree : Business Administration", 'MBA'],
  ])('%s → %s', (written, code) => expect(degreeCode(written)).toBe(code));

  it.each(['Bangalore', 'Mechanical', 'Business Analyst', 'Bachelorette', 'BCSE student', 'MMSL', 'Associate General Contractors', 'Associate Professor'])('%s is no degree', (s) => expect(degreeCode(s)).toBeUndefined());

  it('reads two degrees written on one line with commas', () => {
    expect(parse('Education\nB.Com, LL.B., University of Calcutta').education.map((e) => degreeCode(e.degree ?? ''))).toEqual(['BCom', 'LLB']);
  });

  it('reads a US education block: a degree repeated without its type counts once, a membership is no degree', () => {
    const p = parse([
      'Education',
      "Bachelor's : Marketing University of Nebraska , City , State , US Bachelor's Degree, Marketing May 2003",
      'B.S.B.A : Marketing',
      'HS Diploma 2004 Seward High School , City , State',
      'Associate General Contractors - City',
      'ABC (Associated Builders & Contractors)',
    ].join('\n'));
    expect(p.education.map((e) => degreeCode(e.degree ?? ''))).toEqual(['BBA', 'SSC']);
  });

  it('keeps the specific degree when a line spells it out', () => {
    expect(parse('Education\nBachelor Of Computer Engineering Computer Engineering Mumbai, Maharashtra Thadomal College').education.map((e) => degreeCode(e.degree ?? ''))).toEqual(['BE']);
  });
});

describe('stated years, seniority and confidence', () => {
  it.each([
    ['Having an exp of 6 years experience in IT', 6],
    ['9yrs experience as a nutritionist', 9],
    ["Around 10 plus years' proven experience", 10],
    ['Experience:- 1 Year 3 Months', 1.3],
    ['knowledge and experience of 2 years in Wipro', 2],
    ['8+ years of professional experience', 8],
    ['with 12 years of extensive experience in analyzing', 12],
    ['my 20 years of banking experience', 20],
    ['professional with over fifteen years of extensive experience teaching', 15],
    ['a Graphic Designer with more than 14 years in multi-media', 14],
    ['Increased sales to $1.2 million in five years.', undefined],
    ['Revenue grew 40% over 2 years.', undefined],
    ['15 solid years of experience in Operations', 15],
    ["I'm offering over twenty-eight (28) years of extensive working knowledge", 28],
    ['Personal Trainer for over 22 years with an emphasis in human development', 22],
    ['Macintosh Expert with 20 years in technical and customer support roles', 20],
    ['thirty years of experience', 30],
    ['Graduated in 2015 years ago', undefined],
    ['Graduated in 2015', undefined],
  ])('%s → %s', (text, years) => expect(statedYears(text)).toBe(years));

  it('derives seniority from the latest title, else from years', () => {
    const e = (title: string, start: string, current = false) => ({ title, start, current, description: '', skills: [] });
    expect(seniorityOf([e('Software Engineer', '2015'), e('Engineering Manager', '2020', true)], undefined, 9).level).toBe('lead');
    expect(seniorityOf([e('Sr. Analyst', '2019')], undefined, 4).level).toBe('senior');
    expect(seniorityOf([e('Data Science Intern', '2023')], undefined, 0.3).level).toBe('intern');
    expect(seniorityOf([e('VP Engineering', '2021')], undefined, 12).level).toBe('executive');
    expect(seniorityOf([e('Developer', '2020')], undefined, 3)).toEqual({ level: 'mid', fromTitle: false });
    expect(seniorityOf([], undefined, 0)).toEqual({ fromTitle: false });
  });

  it('gives a confidence per field: 0 when missing, higher for validated and sectioned fields', () => {
    const p = parseProfile('Jane Roe\nSenior Engineer\njane.roe@example.com | (415) 555-0100\n\nSKILLS\nGo, SQL\n\nEXPERIENCE\nSenior Engineer, Acme Corp — Jan 2019 – Present\n- Go services', { taxonomy, referenceDate: new Date('2026-01-01') });
    const c = p.confidence!;
    expect(c.name).toBeGreaterThanOrEqual(0.9);
    expect(c.emails).toBe(0.95);
    expect(c.skills).toBe(0.85);
    expect(c.experience).toBe(0.95);
    expect(c.totalYears).toBe(0.9);
    expect(c.education).toBe(0);
    expect(c.languages).toBe(0);
    expect(p.seniority).toBe('senior');
    expect(c.seniority).toBe(0.75);
  });
});

describe('employers named in sentences inside form entries', () => {
  const entries = (lines: string[]) => parseFormExperience(lines).map((e) => [e.company, e.title ?? null]);

  it('reads "Worked with X as Y" and "Experience at X since …" as entries of their own', () => {
    expect(
      entries([
        'company - Nature Of Work',
        'description - Generating leads on calls.',
        'Worked with Mahal Pvt Ltd. as Sr. Sales Executive. (Mar 2016 to Jan 2017)',
        '3) Working Experience at OM CONSTRUCTION Since JANUARY 2012 to March 2014',
      ]),
    ).toEqual([
      [undefined, null],
      ['Mahal Pvt Ltd', 'Sr. Sales Executive'],
      ['OM CONSTRUCTION', null],
    ]);
  });

  it('reads "Worked as Y in X" and "Working in X as Y", giving the title to X alone', () => {
    expect(
      entries([
        'company - Larsen and Toubro',
        'description - Worked as a Software Engineer in Technosoft Corporation, Chennai from Aug 2015 to sep 2016.',
        'company - SANARCO ENGINEERING PVT LTD',
        'description - * Working in SURYA FITNESS as a design engineer.',
        'company - Acme Pvt Ltd',
        'description - Working in Java as a developer.',
        'company - Gauhati High Court',
        'description - Working as Executive (Legal) at Hindustan Paper Corporation Limited (A Govt. of India Enterprise) since 2012',
      ]),
    ).toEqual([
      ['Larsen and Toubro', null],
      ['Technosoft Corporation', 'Software Engineer'],
      ['SANARCO ENGINEERING PVT LTD', null],
      ['SURYA FITNESS', 'design engineer'],
      ['Acme Pvt Ltd', null],
      [undefined, null],
      ['Hindustan Paper Corporation Limited', 'Executive (Legal)'],
    ]);
  });

  it('reads an employer marked "M/s", but not a client so marked', () => {
    expect(
      entries([
        'company - Delta Controls, Dubai FZCO',
        "description - Heading Pune Branch [M/s Deltannex Integrators Pvt. Ltd.]      From Aug '17 till date",
        'company - Interface Techno System',
        'description - Client            M/s Teva API India Pvt Ltd, Bhind (MP)',
      ]),
    ).toEqual([
      ['Delta Controls, Dubai FZCO', null],
      ['Deltannex Integrators Pvt. Ltd.', null],
      ['Interface Techno System', null],
    ]);
  });

  it('takes no tool for an employer, and no employer twice (the sentence still names the title)', () => {
    expect(entries(['company - Infosys Ltd', 'description - Worked with Hadoop Distributed File System daily.', 'Worked at Infosys as Developer'])).toEqual([['Infosys Ltd', 'Developer']]);
  });
});

describe('company fields that name no employer', () => {
  const companies = (...values: string[]) => parseFormExperience(values.flatMap((v) => [`company - ${v}`, 'description - Did the work.'])).map((e) => e.company ?? null);

  it('drops lists, built products, courts, domains and self-employment', () => {
    expect(companies('Genentech, Biogen, Astellas Pharma, Polaris', 'Online Bus Booking Portal', 'Gauhati High Court', 'Domain- Manufacturing and Human Resource', 'own practice', 'No')).toEqual([null, null, null, null, null, null]);
  });

  it('keeps employers, a legal form above all', () => {
    expect(companies('Info Dynamic Software System Pvt. Ltd', 'Interface Techno System', 'Delta Controls, Dubai FZCO', 'HDFC Bank Limited')).toEqual(['Info Dynamic Software System Pvt. Ltd', 'Interface Techno System', 'Delta Controls, Dubai FZCO', 'HDFC Bank Limited']);
  });
});

describe('title words inside employer names', () => {
  it('reads "Head Office" and plural trades as employers, not titles', () => {
    const entries = parseFormExperience(['company - CAPGEMINI Head Office', 'description - x', 'company - Atri Developers', 'description - y', 'company - HR Assistant', 'description - z']);
    expect(entries.map((e) => [e.title ?? null, e.company ?? null])).toEqual([
      [null, 'CAPGEMINI Head Office'],
      [null, 'Atri Developers'],
      ['HR Assistant', null],
    ]);
  });
});

describe('titles written in an entry description', () => {
  const titles = (lines: string[]) => parseFormExperience(lines).map((e) => e.title ?? null);

  it('reads a description that is only a title, and "working as …" sentences', () => {
    expect(
      titles([
        'company - ',
        'description - software Test engineer',
        'company - Prakshal IT academy',
        'description - I was working as a trainer. I have taught A+, N+.',
        'company - Hindustan Paper Corporation',
        'description - Working as Executive (Legal) at Hindustan Paper Corporation since 2011.',
      ]),
    ).toEqual(['software Test engineer', 'trainer', 'Executive']);
  });

  it('takes no extra duty, summary line or title field that is already there', () => {
    expect(
      titles([
        'company - Shree Metals',
        'description - Worked as Management Representative for maintaining the ISO 9001:2008 system.',
        'company - Lotus Analytics',
        'description - Java developer',
        'Built REST services.',
        'company - Acme Pvt Ltd',
        'description - Role: Software Trainee',
        'I was working as a tester.',
      ]),
    ).toEqual([null, null, 'Software Trainee']);
  });

  it('lets a "Title - Employer" line of the form replace a title read from a sentence', () => {
    const p = parse(
      [
        'Education Details ',
        'January 2012 B.E Pune University',
        'Java developer ',
        '',
        'Full Stack Java Developer - Salcluster technologies',
        'Skill Details ',
        'JAVA- Exprience - 30 monthsCompany Details ',
        'company - Salcluster technologies',
        'description - Worked as java developer. Developed 3 projects using servlets.',
      ].join('\n'),
    );
    expect(p.experience.map((e) => e.title)).toEqual(['Full Stack Java Developer']);
  });
});

describe('skills implied by work text', () => {
  it('adds them after the named skills, with years from the entries that imply them', () => {
    const p = parse(
      [
        'Jane Roe',
        'Skills',
        'Excel, QuickBooks',
        'Experience',
        'Head Cashier, Corner Market, Austin, TX   Jan 2015 - Dec 2017',
        'Operated the cash register and trained new employees.',
      ].join('\n'),
    );
    const names = p.skills.map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['Excel', 'QuickBooks']);
    expect(names).toEqual(expect.arrayContaining(['Cash Handling', 'Training and Development']));
    expect(p.skills.find((s) => s.name === 'Cash Handling')?.years).toBe(3);
  });
});

describe('employers in form entries that the company field misses', () => {
  const companies = (lines: string[]) => parseFormExperience(lines).map((e) => e.company ?? null);

  it('drops departments, descriptions of what was built, lists and form labels', () => {
    expect(
      companies([
        'company - LifeKonnect Department',
        'description - x',
        'company - ERP System, CRM for Real Estate Company',
        'description - y',
        'company - Clinical Testing, Lab Work and Diagnostic Testing',
        'description - z',
        'company - Nature Of Work',
        'description - w',
        'company - Tata Sons Pvt Ltd, Mumbai and Pune',
        'description - v',
      ]),
    ).toEqual([null, null, null, null, 'Tata Sons Pvt Ltd, Mumbai and Pune']);
  });

  it('reads the company field of a project block (its stack, client or title first) as no employer, unless registered', () => {
    expect(
      companies([
        'company - Wachovia, North Carolina USA',
        'description - Environment: ASP.NET, C#, WCF, SQL Server 2005',
        'company - PF Trust System',
        'description - Client: a provident fund trust',
        'company - Solid State Technologists (I) Pvt. Ltd',
        'description - Environment: VB .net, SQL Server 2000',
      ]),
    ).toEqual([null, null, 'Solid State Technologists (I) Pvt. Ltd']);
  });

  it('reads a registered name opening the description, or an "At <employer> <dates>" line', () => {
    expect(
      companies([
        'company - LifeKonnect Department',
        'description - United Health Care India Pvt. Ltd',
        'Sold health checkups.',
        'company - ERP System, CRM for Real Estate Company',
        'description - ? At Lavisa Infrastructure Bangalore        Sep 2015- Oct 2016',
        'Software developer',
        'company - ',
        'description - Handled payroll for Acme Pvt Ltd',
      ]),
    ).toEqual(['United Health Care India Pvt. Ltd', 'Lavisa Infrastructure Bangalore', null]);
  });

  it('takes the title on the line after an "At <employer> <dates>" line', () => {
    const [e] = parseFormExperience(['company - News Portal', 'description - ? At United Telecom Limited Ranchi     Nov 2013-Sep 2014', 'Web developer', '? Built the company portal.']);
    expect([e!.company, e!.title]).toEqual(['United Telecom Limited Ranchi', 'Web developer']);
  });

  it('takes no department or court from a "Title - Employer" line', () => {
    const p = parse(['Education Details ', 'January 2012 B.E Pune University', 'Senior Manager - PMO', 'Skill Details ', 'JAVA- Exprience - 30 monthsCompany Details ', 'company - ', 'description - Ran the PMO.'].join('\n'));
    expect(p.experience.map((e) => [e.title, e.company ?? null])).toEqual([['Senior Manager', null]]);
  });
});

describe('title lines at the end of a form education block', () => {
  const block = (...tail: string[]) =>
    parse(['Education Details ', 'January 2012 B.Sc Microbiology Pune, Maharashtra Garware College', ...tail, 'Skill Details ', 'JAVA- Exprience - 30 monthsCompany Details ', 'company - Acme Pvt Ltd', 'description - Did the work.'].join('\n'));

  it('passes over a summary sentence with years in it', () => {
    const p = block('Lead database administrator ', '', 'Microsoft Certified Professional with 11 years of experience on MS SQL Server 2016/2014/2012');
    expect(p.headline).toBe('Lead database administrator');
  });

  it('reads a "Title - Employer" line whose employer is a university', () => {
    const p = block('Group Fitness Instructor ', '', 'Group Fitness Instructor - Columbia University');
    expect(p.headline).toBe('Group Fitness Instructor');
  });

  it('still stops at an education line', () => {
    expect(block('Mumbai University 2015').headline).toBeUndefined();
  });
});

describe('company fields holding a title or a skill', () => {
  it('splits "DBA in Marketplace Technologies Ltd" into title and employer', () => {
    const [e] = parseFormExperience(['company - DBA in Marketplace Technologies Ltd', 'description - Ran the databases.']);
    expect([e!.title, e!.company]).toEqual(['DBA', 'Marketplace Technologies Ltd']);
  });

  it('takes no skill or exam for an employer when told what the skills are', () => {
    const isSkill = (v: string) => taxonomy.canonical(v) !== undefined;
    const entries = parseFormExperience(['company - SAP BODS', 'description - Built jobs.', 'company - Tata Consultancy Services Limited', 'description - Did the work.'], isSkill);
    expect(entries.map((e) => e.company ?? null)).toEqual([null, 'Tata Consultancy Services Limited']);
  });
});

describe('business words that modify a noun', () => {
  it('are the domain of the work, not a skill, in running text', () => {
    const p = parse(['Experience', 'Clerk, Acme Corp   2015 - 2017', 'Computed accurate sales prices and filed insurance contracts.'].join('\n'));
    expect(p.skills.map((s) => s.name)).not.toContain('Sales');
    expect(p.skills.map((s) => s.name)).not.toContain('Insurance');
  });

  it('stay skills in a skills section, in lists and before "and" or "management"', () => {
    const p = parse(['Skills', 'sales, payroll', 'Experience', 'Clerk, Acme Corp   2015 - 2017', 'Handled insurance and billing management.'].join('\n'));
    expect(p.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['Sales', 'Payroll', 'Insurance']));
  });
});
