import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/sdk/index.js';
import { parseProfile } from '../../src/sdk/local/parser/index.js';
import { findRoles } from '../../src/sdk/local/parser/roles.js';

describe('roles named in role fields', () => {
  it('reads "Role", "Position" and "Designation" fields, on their own line or in running text', () => {
    const text = [
      'Project #3',
      'Project Loan LeLo Automation',
      'Role Software Test Engineer',
      'Description',
      'Project title: 9 RADHA',
      'Position: Senior Engineer',
      'Location: Dadar (E) Mumbai',
      'Projects Worked On: 1. Project Name: Politician Website Role: Trainee Project Description: I built it.',
    ].join('\n');
    expect(findRoles(text, [])).toEqual(['Software Test Engineer', 'Senior Engineer', 'Trainee']);
  });

  it('takes no duty, and no title the profile has already', () => {
    expect(findRoles('Role: In-depth requirement and input gathering\nRole: Java Developer\nRole - java developer', ['Java Developer'])).toEqual([]);
    expect(findRoles('I can step seamlessly into a position such as Human Resources Manager.', [])).toEqual([]);
  });

  it('puts them in the profile as other roles', () => {
    const p = parseProfile(['Experience', 'Tester, Acme Corp   2015 - 2017', 'Projects', 'Project: Billing', 'Role: Automation Engineer'].join('\n'), { taxonomy: loadTaxonomy() });
    expect(p.roles).toEqual(['Automation Engineer']);
    expect(p.confidence?.roles).toBe(0.7);
  });
});
