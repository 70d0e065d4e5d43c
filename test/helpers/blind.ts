import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** Personal details only: everything a blind ranking must ignore. */
export interface Persona {
  NAME: string;
  STREET: string;
  CITY: string;
  PHONE: string;
  EMAIL: string;
  DOB: string;
  GENDER: string;
  PRONOUN: string;
  AGE: string;
  MARITAL: string;
}

export const PERSONAS_A: Persona[] = [
  { NAME: 'Marcus Chen', STREET: '1204 Pine Street', CITY: 'Seattle, WA', PHONE: '(206) 555-0142', EMAIL: 'marcus.chen@example.com', DOB: '12 March 1985', GENDER: 'Male', PRONOUN: 'He', AGE: '38', MARITAL: 'Married' },
  { NAME: 'Olga Petrova', STREET: '45 Lake Road', CITY: 'Tacoma, WA', PHONE: '253-555-0177', EMAIL: 'olga.p@example.net', DOB: '1990-01-15', GENDER: 'Female', PRONOUN: 'She', AGE: '33', MARITAL: 'Divorced' },
  { NAME: 'David Okoro', STREET: '9 Harbor Way', CITY: 'Portland, OR', PHONE: '+1 503 555 0101', EMAIL: 'dokoro@example.org', DOB: '3/4/1979', GENDER: 'Male', PRONOUN: 'He', AGE: '45', MARITAL: 'Married' },
];

export const PERSONAS_B: Persona[] = [
  { NAME: 'Aisha Rahman', STREET: '77 Elm Avenue', CITY: 'Boston, MA', PHONE: '+1 617 555 0199', EMAIL: 'a.rahman@mail.example.org', DOB: '1992-07-04', GENDER: 'Female', PRONOUN: 'She', AGE: '29', MARITAL: 'Single' },
  { NAME: 'John Smith', STREET: '3100 Oak Boulevard', CITY: 'Austin, TX', PHONE: '(512) 555-0123', EMAIL: 'jsmith1970@example.com', DOB: '21 June 1970', GENDER: 'Male', PRONOUN: 'He', AGE: '54', MARITAL: 'Widowed' },
  { NAME: 'Mei Lin Wong', STREET: '18 Cedar Lane', CITY: 'Seattle, WA', PHONE: '206.555.0188', EMAIL: 'meilin.wong@example.com', DOB: '1999-11-30', GENDER: 'Female', PRONOUN: 'She', AGE: '24', MARITAL: 'Unmarried' },
];

export const TEMPLATES = [1, 2, 3].map((i) => readFileSync(join(ROOT, 'test', 'fixtures', 'blind', `template-${i}.txt`), 'utf8'));

export function fill(template: string, p: Persona): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, k: keyof Persona) => p[k]);
}

/** The job the blind-ranking and stored-match tests rank the personas for. */
export const BACKEND_JOB = {
  id: 'J-GO',
  title: 'Senior Backend Engineer',
  description: 'Go services on Kubernetes in AWS, backed by PostgreSQL.',
  requiredSkills: ['Go', 'Kubernetes', 'PostgreSQL', 'AWS'],
  niceToHaveSkills: ['Kafka', 'Terraform'],
  minYears: 5,
  location: 'Seattle, WA',
};
