import { describe, expect, it } from 'vitest';
import { loadTaxonomy, SkillTaxonomy } from '../../src/sdk/index.js';

const taxonomy = loadTaxonomy();

describe('the bundled taxonomy', () => {
  it('is large and versioned', () => {
    expect(taxonomy.size).toBeGreaterThan(1000);
    expect(taxonomy.version).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  it.each([
    ['k8s', 'Kubernetes'],
    ['Postgres', 'PostgreSQL'],
    ['JS', 'JavaScript'],
    ['ReactJS', 'React'],
    ['React.js', 'React'],
    ['Microsoft Excel', 'Excel'],
    ['Amazon Web Services', 'AWS'],
    ['golang', 'Go'],
    ['sklearn', 'scikit-learn'],
    ['CI/CD', 'CI/CD'],
    ['C++', 'C++'],
    ['C#', 'C#'],
    ['.NET', '.NET'],
    ['NodeJS', 'Node.js'],
  ])('%s → %s', (alias, canonical) => {
    expect(taxonomy.canonical(alias)).toBe(canonical);
  });

  it('returns undefined for unknown skills and keeps them tidy in normalise', () => {
    expect(taxonomy.canonical('Underwater basket weaving')).toBeUndefined();
    expect(taxonomy.normalise('  Underwater   basket weaving ')).toBe('Underwater basket weaving');
  });
});

describe('findSkills', () => {
  it('finds multi-word skills, slash-joined lists and symbols', () => {
    const found = taxonomy.findSkills('Machine learning with scikit-learn; React/Redux, HTML/CSS, CI/CD on .NET and C#, some C++');
    for (const s of ['Machine Learning', 'scikit-learn', 'React', 'Redux', 'HTML', 'CSS', 'CI/CD', '.NET', 'C#', 'C++']) expect(found).toContain(s);
  });

  it('needs a capital for skills that are also English words', () => {
    expect(taxonomy.findSkills('I excel at go-to-market work and react quickly')).not.toEqual(expect.arrayContaining(['Excel']));
    expect(taxonomy.findSkills('I excel at go-to-market work and react quickly')).not.toContain('Go');
    expect(taxonomy.findSkills('Skills: Go, Excel, React')).toEqual(expect.arrayContaining(['Go', 'Excel', 'React']));
  });

  it('does not run a phrase across lines', () => {
    const t = new SkillTaxonomy([{ name: 'Machine Learning' }]);
    expect(t.findSkills('machine\nlearning')).toEqual([]);
    expect(t.findSkills('machine learning')).toEqual(['Machine Learning']);
  });

  it('lets later entries (user extensions) override earlier ones', () => {
    const t = new SkillTaxonomy([{ name: 'Go', aliases: ['golang'] }, { name: 'Golang (custom)', aliases: ['golang'] }]);
    expect(t.canonical('golang')).toBe('Golang (custom)');
  });
});

describe('phrases that end in another skill', () => {
  it('counts both the phrase and its last word when they name different skills', () => {
    const t = new SkillTaxonomy([{ name: 'Epic', aliases: ['Epic EHR'] }, { name: 'EHR', aliases: ['EMR'] }, { name: 'Excel', aliases: ['Microsoft Excel'] }]);
    expect(t.findSkills('Charting in Epic EHR daily')).toEqual(['Epic', 'EHR']);
    expect(t.findSkills('Microsoft Excel')).toEqual(['Excel']);
  });
});

describe('curated skills across domains', () => {
  it.each([
    ['expdp', 'Oracle Data Pump'],
    ['Presales', 'Pre-Sales'],
    ['Pre Sales', 'Pre-Sales'],
    ['SQL Server AlwaysOn', 'AlwaysOn Availability Groups'],
    ['SQL*Plus', 'SQL*Plus'],
    ['Packet Tracer', 'Cisco Packet Tracer'],
    ['APFC panels', 'Power Factor Correction'],
    ['Foot reflexology', 'Reflexology'],
    ['SAP BODS', 'SAP Data Services'],
    ['Clarity PPM', 'Clarity PPM'],
    ['NER', 'Named Entity Recognition'],
    ['Busy accounting', 'Busy Accounting Software'],
  ])('%s → %s', (alias, canonical) => {
    expect(taxonomy.canonical(alias)).toBe(canonical);
  });

  it('finds protocols, tools and practice areas in a skills line', () => {
    const found = taxonomy.findSkills('Skills: RIP, OSPF, EIGRP, STP, HSRP, TFTP, SNMP, GNS3, Wireshark; RMAN, Data Guard, AWR; writ petitions');
    for (const s of ['RIP', 'OSPF', 'EIGRP', 'HSRP', 'TFTP', 'SNMP', 'GNS3', 'Wireshark', 'Oracle Data Guard', 'AWR', 'Writ Petitions']) {
      expect(found).toContain(s);
    }
  });

  it('does not read ordinary prose as the new skills', () => {
    const prose =
      'Catering to clients, forging relationships and tailoring proposals; we rip out legacy code, ' +
      'raid the archives, soar past targets, and report RAG status in Sep 2021 within a 5 km radius.';
    expect(taxonomy.findSkills(prose)).toEqual([]);
  });

  it('does not read two-word phrases as one-word product names', () => {
    const prose =
      'Always on time and in contact with clients; in tune with their needs, by design; rest assured ' +
      'we make up for delays, deliver just in time and find bugs early. Wrote a check.';
    expect(taxonomy.findSkills(prose)).toEqual([]);
  });

  it('reads "Voice over IP" as VoIP, not voice-over work', () => {
    expect(taxonomy.findSkills('Voice over IP and SIP trunking')).toEqual(['VoIP', 'SIP Trunking']);
  });
});

describe('spelling variants', () => {
  const names = (text: string) => taxonomy.findSkills(text);

  it.each([
    ['MS-SQL and PL SQL', ['SQL Server', 'PL/SQL']],
    ['Administration of Windows Servers 2012', ['Windows Server']],
    ['Sqlserver, Power shell scripting', ['SQL Server', 'PowerShell']],
    ['Leadership and Inter Personal Skills', ['Leadership', 'Interpersonal Skills']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expect.arrayContaining(expected));
  });

  it('does not read a plural into words of one', () => {
    // "Sales", "Kubernetes" and "Analytics" end in s but are no plurals: they still match as written only.
    expect(names('Sale and Kubernete')).toEqual([]);
  });
});

describe('coordinated phrases', () => {
  it.each([
    ['Regression and Integration testing', ['Regression Testing', 'Integration Testing']],
    ['Unit, regression and integration testing', ['Unit Testing', 'Regression Testing', 'Integration Testing']],
    ['Excellent analytical and problem solving skills', ['Analytical Skills', 'Problem Solving']],
    ['Good interpersonal and communication skills', ['Interpersonal Skills', 'Communication']],
  ])('%s', (text, expected) => {
    expect(taxonomy.findSkills(text)).toEqual(expect.arrayContaining(expected));
  });

  it('reports mentions in text order', () => {
    const found = taxonomy.findMentions('Regression and Integration testing');
    expect(found.map((m) => m.index)).toEqual([...found.map((m) => m.index)].sort((a, b) => a - b));
  });

  it('does not run a phrase across punctuation ("Agile (Scrum)" is Agile and Scrum)', () => {
    expect(taxonomy.findSkills('Waterfall, Agile (Scrum)')).toEqual(['Waterfall', 'Agile', 'Scrum']);
  });

  it('stops at a line break', () => {
    expect(taxonomy.findSkills('Regression and\nIntegration testing')).not.toContain('Regression Testing');
  });
});

describe('one-letter names', () => {
  it.each([
    ['Languages: C, C++, Java', true],
    ['Programming language C and Python', true],
    ['Python, R', true],
    ['System: ML200 R (PLC) + Experion', false],
    ['Signed by R. Sharma', false],
  ])('%s → R or C found: %s', (text, found) => {
    const skills = taxonomy.findSkills(text);
    expect(skills.includes('C') || skills.includes('R')).toBe(found);
  });
});

describe('a phrase whose last word is another skill', () => {
  it('counts the last word only when it is an acronym', () => {
    expect(taxonomy.findSkills('Epic EHR')).toEqual(expect.arrayContaining(['Epic', 'EHR']));
    expect(taxonomy.findSkills('Worked as a Pastry Chef')).not.toContain('Chef');
  });
});

describe('office applications written by their bare names', () => {
  it('counts "Word", "Outlook", "Access" as list items beside another office application', () => {
    expect(taxonomy.findSkills('Proficient with Word, Excel and Outlook')).toEqual(['Microsoft Word', 'Excel', 'Microsoft Outlook']);
    expect(taxonomy.findSkills('Microsoft Office (Word, PowerPoint, Access)')).toEqual(['Microsoft Office', 'Microsoft Word', 'PowerPoint', 'Microsoft Access']);
  });

  it('reads them as plain words anywhere else', () => {
    expect(taxonomy.findSkills('Project: Inventory system\nTeams of five used Excel')).toEqual(['Excel']);
    expect(taxonomy.findSkills('Gave Access to Excel reports; Word of mouth')).toEqual(['Excel']);
    expect(taxonomy.findSkills('Word, Outlook')).toEqual(['Microsoft Word', 'Microsoft Outlook']);
  });
});

describe('a version glued to a name', () => {
  it('reads "Java8", "SQL2008", "MS Access2007", "Hadoop2.7" as the names', () => {
    expect(taxonomy.findSkills('Java8, SQL2008, Hadoop2.7')).toEqual(['Java', 'SQL', 'Hadoop']);
    expect(taxonomy.findSkills('MS Access2007, Excel')).toEqual(['Microsoft Access', 'Excel']);
  });

  it('leaves model numbers alone', () => {
    expect(taxonomy.findSkills('System: ML200 R (PLC), R410.2')).toEqual(['PLC']);
  });
});

describe('words that are tools only beside other tools', () => {
  it('reads "Chef" as the DevOps tool only on a line naming another DevOps tool', () => {
    expect(taxonomy.findSkills('Puppet, Chef, Ansible')).toEqual(['Puppet', 'Chef', 'Ansible']);
    expect(taxonomy.findSkills('EXECUTIVE CHEF\nHead Chef at the Ritz')).toEqual([]);
  });

  it('reads "ADA" as the disability act, and "quality of service" as no network skill', () => {
    expect(taxonomy.findSkills('Developed ADA compliant layouts')).toEqual(['ADA Compliance']);
    expect(taxonomy.findSkills('to improve the quality of service')).toEqual([]);
    expect(taxonomy.findSkills('Configured QoS on Cisco routers')).toContain('QoS');
  });
});

describe('implied skills', () => {
  it('finds skills a phrase implies, apart from the skills named', () => {
    const text = 'Operated the cash register and kept inventory. A critical thinker.';
    expect(taxonomy.findImplied(text).map((m) => m.name)).toEqual(['Cash Handling', 'Inventory Management', 'Critical Thinking']);
    expect(taxonomy.findSkills(text)).not.toContain('Cash Handling');
  });

  it('leaves spans the taxonomy names to findMentions', () => {
    expect(taxonomy.findImplied('Inventory Management, Quality Assurance')).toEqual([]);
  });

  it('takes implied phrases from user entries', () => {
    const t = new SkillTaxonomy([{ name: 'Wine Pairing', implied: ['sommelier duties'] }]);
    expect(t.findImplied('Took on sommelier duties nightly').map((m) => m.name)).toEqual(['Wine Pairing']);
    expect(t.findSkills('Took on sommelier duties nightly')).toEqual([]);
  });
});

describe('an ampersand between words', () => {
  it('reads as "and" ("Training & Development")', () => {
    expect(taxonomy.findSkills('Training & Development')).toEqual(['Training and Development']);
    expect(taxonomy.findSkills('R&D, AT&T')).not.toContain('Training and Development');
  });

  it('in names as in text ("Weights & Biases")', () => {
    const t = new SkillTaxonomy([{ name: 'Weights & Biases', aliases: ['W&B'] }]);
    expect(t.canonical('weights and biases')).toBe('Weights & Biases');
    expect(t.findSkills('Tracked runs in Weights & Biases; W&B reports')).toEqual(['Weights & Biases']);
  });
});
