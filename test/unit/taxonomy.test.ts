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
    ['AlwaysOn', 'AlwaysOn Availability Groups'],
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
});
