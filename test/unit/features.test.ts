import { describe, expect, it } from 'vitest';
import { candidateTitles, locationFit, SkillTaxonomy, titleSimilarity, titleTokens } from '../../src/sdk/index.js';
import { checkSkill, linesAt, mentionIndex } from '../../src/sdk/matching/features.js';

const taxonomy = new SkillTaxonomy([
  { name: 'Go', aliases: ['Golang'] },
  { name: 'React', aliases: ['ReactJS', 'React.js'] },
  { name: 'PostgreSQL', aliases: ['Postgres'] },
]);
const check = (skill: string, text: string) => checkSkill(skill, text, mentionIndex(text, taxonomy), taxonomy);

describe('checkSkill', () => {
  it.each([
    ['React', 'Built UIs in ReactJS and Redux', 'met'],
    ['Go', 'Services written in Golang', 'met'],
    ['Go', 'Ready to go the extra mile', 'missing'],
    ['gRPC', 'Designed gRPC APIs', 'met'],
    ['Pipeline Forecasting', 'Owned the sales pipeline and the quarterly forecasting', 'partial'],
    ['Pipeline Forecasting', 'Managed accounts', 'missing'],
    ['PostgreSQL', 'MySQL and Oracle', 'missing'],
  ] as const)('%s in "%s" is %s', (skill, text, verdict) => {
    expect(check(skill, text).verdict).toBe(verdict);
  });

  it('returns the offsets of the mentions, which become evidence lines', () => {
    const text = 'Summary\nFrontend engineer.\n• Rebuilt the app in React.js\n• React Native too';
    const c = check('React', text);
    expect(linesAt(text, c.offsets)).toEqual([
      { line: 3, text: '• Rebuilt the app in React.js' },
      { line: 4, text: '• React Native too' },
    ]);
  });
});

describe('linesAt', () => {
  it('quotes the shown text at the line found in the searched one, at most three lines, long lines cut', () => {
    const searched = '[name]\nline two Go\nGo\nGo\nGo';
    const shown = 'Jane Doe\nline two Go\nGo\nGo\nGo';
    expect(linesAt(searched, [searched.indexOf('Go'), 0], shown)).toEqual([
      { line: 1, text: 'Jane Doe' },
      { line: 2, text: 'line two Go' },
    ]);
    const every = [...searched.matchAll(/Go/g)].map((m) => m.index);
    expect(linesAt(searched, every, shown).map((l) => l.line)).toEqual([2, 3, 4]);
    const long = `${'x '.repeat(200)}Kafka ${'y '.repeat(200)}`;
    const [l] = linesAt(long, [long.indexOf('Kafka')]);
    expect(l!.text.length).toBeLessThanOrEqual(182);
    expect(l!.text).toContain('Kafka');
  });
});

describe('title similarity', () => {
  it('normalises titles: case, seniority, abbreviations, plurals', () => {
    expect(titleTokens('Sr. Java Dev (Remote)')).toEqual(['java', 'developer']);
    expect(titleTokens('HR Executive')).toEqual(['human', 'executive']);
    expect(titleTokens('.NET Developer')).toEqual(['net', 'developer']);
  });

  it.each([
    ['Java Developer', ['Senior Java Developer'], 1],
    ['Java Developer', ['Python Developer'], 0.5],
    ['Data Scientist', ['Accountant'], 0],
  ] as const)('%s vs %j is %d', (job, titles, value) => {
    expect(titleSimilarity(job, titles.map((text) => ({ text, weight: 1 }))).value).toBeCloseTo(value, 5);
  });

  it('counts older titles less', () => {
    const titles = candidateTitles('', ['Accountant', 'Accountant', 'Accountant', 'Accountant', 'Accountant', 'Data Scientist']);
    expect(titleSimilarity('Data Scientist', titles).value).toBeCloseTo(0.6, 5);
  });

  it('finds the headline at the top and labelled roles, and skips headings and contact lines', () => {
    const text = 'Jane Doe\njane@example.com\nJava Developer\nSkill Details\nRole: Team Lead\n';
    const titles = candidateTitles(text, []).map((t) => t.text);
    expect(titles).toContain('Java Developer');
    expect(titles).toContain('Team Lead');
    expect(titles).not.toContain('Skill Details');
    expect(titles).not.toContain('jane@example.com');
  });
});

describe('locationFit', () => {
  it.each([
    ['Remote', 'Boston, MA', 1, 'met'],
    ['Remote (US)', undefined, 1, 'met'],
    ['Seattle, WA', 'Seattle, WA', 1, 'met'],
    ['Seattle, WA', 'seattle, washington', 1, 'met'],
    ['Seattle, WA', 'Tacoma, WA', 0.5, 'partial'],
    ['Seattle, WA', undefined, 0.5, 'partial'],
    ['Seattle, WA', 'Austin, TX', 0, 'missing'],
  ] as const)('job %s, candidate %s → %d', (job, cand, value, verdict) => {
    expect(locationFit(job, cand)).toMatchObject({ value, verdict });
  });

  it('does not apply to a job without a location', () => {
    expect(locationFit(undefined, 'Austin, TX')).toBeUndefined();
  });
});
