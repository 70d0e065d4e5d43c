#!/usr/bin/env -S npx tsx
// Renders the sample resumes in scripts/sample-resumes.mjs for the quick-start
// demo and the e2e test, and writes the matching sample jobs.
//
//   npm run samples        (tsx scripts/make-samples.mjs)
//
// Writes (paths relative to the repository root):
//   samples/resumes/<file>.pdf | .docx   the rendered resumes
//   samples/resumes-text/<file>.txt      the same text, one paragraph per line (ground truth for tests)
//   samples/jobs.jsonl                   nine jobs, one JSON object per line
//   samples/expected-top.json            job id -> file of the expected best candidate
//
// Rendering is `talent seed`'s (src/pipelines/seed/render.ts, run from source through
// tsx): deterministic, so the same input gives the same bytes on every run. PDFs use
// the standard Helvetica fonts, which only encode WinAnsi; pdf-lib fails loudly on a
// character outside it.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderResume, renderText } from '../src/pipelines/seed/render.ts';
import { resumes } from './sample-resumes.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'samples');
const GENERATOR = 'talent sample generator';

// ---------------------------------------------------------------------------
// Jobs

const jobs = [
  {
    id: 'J-101',
    title: 'Senior Backend Engineer',
    description:
      'We are hiring a Senior Backend Engineer to design, build and operate the Go services behind our logistics platform. ' +
      'You will own gRPC APIs that run on Kubernetes in AWS and are backed by PostgreSQL, from design review through on-call. ' +
      'The role focuses on the performance and reliability of high-throughput distributed systems. ' +
      'You will also mentor other engineers and help set backend standards. ' +
      'Experience with event streaming (Kafka) and caching (Redis) is a plus.',
    requiredSkills: ['Go', 'Kubernetes', 'PostgreSQL', 'gRPC', 'AWS'],
    niceToHaveSkills: ['Kafka', 'Redis', 'Microservices', 'Docker', 'Terraform'],
    minYears: 6,
    location: 'Seattle, WA',
  },
  {
    id: 'J-102',
    title: 'Frontend Engineer',
    description:
      'We are looking for a Frontend Engineer to build the web experience of our customer platform in React and TypeScript. ' +
      'You will consume GraphQL APIs, write maintainable CSS and contribute to our shared design system. ' +
      'Accessibility is a first-class requirement: our products must meet WCAG 2.1 AA. ' +
      'You will work closely with designers in Figma and own the quality of your features with automated tests.',
    requiredSkills: ['React', 'TypeScript', 'CSS', 'GraphQL', 'Accessibility'],
    niceToHaveSkills: ['Next.js', 'Jest', 'Storybook', 'Figma', 'Design Systems'],
    minYears: 4,
    location: 'Remote',
  },
  {
    id: 'J-103',
    title: 'Data Scientist',
    description:
      'Join our analytics team as a Data Scientist building predictive models that drive pricing and inventory decisions. ' +
      'You will explore large datasets with SQL and Python, engineer features with pandas and train machine learning models with scikit-learn. ' +
      'A solid grounding in statistics and experiment design is essential, as you will design and read out A/B tests. ' +
      'You will present results to business stakeholders and help put models into production.',
    requiredSkills: ['Python', 'Machine Learning', 'SQL', 'pandas', 'scikit-learn', 'Statistics'],
    niceToHaveSkills: ['A/B Testing', 'XGBoost', 'Spark', 'Airflow', 'PyTorch'],
    minYears: 3,
    location: 'Chicago, IL',
  },
  {
    id: 'J-104',
    title: 'DevOps / Site Reliability Engineer',
    description:
      'We need a DevOps / Site Reliability Engineer to run the cloud platform that hosts our production services. ' +
      'You will manage AWS infrastructure as code with Terraform and operate Kubernetes clusters at scale. ' +
      'You will own monitoring and alerting with Prometheus, improve our CI/CD pipelines and lead incident response. ' +
      'Deep Linux experience and a habit of automating repetitive work are expected.',
    requiredSkills: ['Terraform', 'AWS', 'Kubernetes', 'Prometheus', 'CI/CD', 'Linux'],
    niceToHaveSkills: ['Helm', 'Grafana', 'Ansible', 'Docker', 'Python', 'Bash'],
    minYears: 5,
    location: 'Denver, CO',
  },
  {
    id: 'J-105',
    title: 'Registered Nurse – ICU',
    description:
      'Our 32-bed intensive care unit is seeking a Registered Nurse to provide high-quality patient care to critically ill adults. ' +
      'Responsibilities include continuous assessment, ventilator and hemodynamic monitoring, and titration of critical care medications. ' +
      'You will document care in our EHR (Epic) and collaborate with physicians, respiratory therapists and families. ' +
      'Current BLS and ACLS certification is required; CCRN is preferred.',
    requiredSkills: ['Patient Care', 'Critical Care', 'BLS', 'ACLS', 'EHR'],
    niceToHaveSkills: ['Epic', 'CCRN', 'Ventilator Management', 'Hemodynamic Monitoring'],
    minYears: 2,
    location: 'Phoenix, AZ',
  },
  {
    id: 'J-106',
    title: 'Staff Accountant (CPA)',
    description:
      'We are looking for a Staff Accountant to support the month-end close and GAAP financial reporting for a growing multi-entity company. ' +
      'You will prepare journal entries and account reconciliations, and build reporting schedules in Excel. ' +
      'You will be a key contact for the annual external audit and help strengthen internal controls. ' +
      'Experience with QuickBooks is required; NetSuite experience and an active CPA license are a plus.',
    requiredSkills: ['GAAP', 'Financial Reporting', 'Account Reconciliation', 'Excel', 'QuickBooks', 'Audit'],
    niceToHaveSkills: ['CPA', 'NetSuite', 'Month-End Close', 'Journal Entries', 'Variance Analysis'],
    minYears: 2,
    location: 'Boston, MA',
  },
  {
    id: 'J-107',
    title: 'HR Business Partner',
    description:
      'As HR Business Partner you will advise leaders of a 600-person technology organization on all people matters. ' +
      'You will handle employee relations cases and investigations, partner with talent acquisition on recruiting, and run compensation cycles. ' +
      'You will improve onboarding and performance management programs using data from Workday. ' +
      'SHRM-CP or SHRM-SCP certification is preferred.',
    requiredSkills: ['Employee Relations', 'Recruiting', 'Workday', 'Compensation', 'Onboarding'],
    niceToHaveSkills: ['HRIS', 'Performance Management', 'SHRM-CP', 'Workforce Planning', 'HR Analytics'],
    minYears: 5,
    location: 'Atlanta, GA',
  },
  {
    id: 'J-108',
    title: 'Mechanical Engineer',
    description:
      'We are seeking a Mechanical Engineer to design industrial pumps and drive components from concept through production. ' +
      'You will create 3D models and drawings in SolidWorks and AutoCAD and apply GD&T to production drawings. ' +
      'You will validate designs with FEA and work closely with manufacturing on design for manufacturability. ' +
      'Experience with lean manufacturing or Six Sigma problem solving is a plus.',
    requiredSkills: ['SolidWorks', 'AutoCAD', 'FEA', 'GD&T', 'Manufacturing'],
    niceToHaveSkills: ['ANSYS', 'DFM', 'Lean Manufacturing', 'Six Sigma', 'MATLAB'],
    minYears: 3,
    location: 'Milwaukee, WI',
  },
  {
    id: 'J-109',
    title: 'Account Executive, B2B SaaS',
    description:
      'We are hiring an Account Executive to win new mid-market customers for our SaaS analytics platform. ' +
      'You will run the full sales cycle from discovery to close and manage your pipeline and forecast in Salesforce. ' +
      'Strong negotiation skills are essential, as you will work with procurement and legal teams on multi-year contracts. ' +
      'A track record of exceeding quota in B2B SaaS sales is required; MEDDIC experience is a plus.',
    requiredSkills: ['Salesforce', 'Pipeline Management', 'Negotiation', 'SaaS Sales', 'B2B Sales'],
    niceToHaveSkills: ['MEDDIC', 'Prospecting', 'Forecasting', 'HubSpot', 'Outreach'],
    minYears: 3,
    location: 'San Francisco, CA',
  },
];

const expectedTop = {
  'J-101': 'marcus-chen',
  'J-102': 'priya-raman',
  'J-103': 'amara-okafor',
  'J-104': 'lukas-novak',
  'J-105': 'grace-mitchell',
  'J-106': 'rachel-goldberg',
  'J-107': 'jasmine-ortiz',
  'J-108': 'tomasz-wojcik',
  'J-109': 'kevin-brooks',
};

// ---------------------------------------------------------------------------
// Validation

const MONTH_YEAR = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/;

function validate() {
  const problems = [];
  const files = new Set();
  for (const r of resumes) {
    const where = r.file ?? '(no file)';
    if (!/^[a-z]+(-[a-z]+)+$/.test(r.file ?? '')) problems.push(`${where}: bad file name`);
    if (files.has(r.file)) problems.push(`${where}: duplicate file name`);
    files.add(r.file);
    if (!['pdf', 'docx'].includes(r.format)) problems.push(`${where}: bad format ${r.format}`);
    if (!/@example\.(com|org)$/.test(r.contact?.email ?? '')) problems.push(`${where}: e-mail must use example.com/.org`);
    if (!/^\(\d{3}\) 555-01\d\d$/.test(r.contact?.phone ?? '')) problems.push(`${where}: phone must be (NNN) 555-01xx`);
    if (!/^[A-Z][A-Za-z. ]+, [A-Z]{2}$/.test(r.contact?.location ?? '')) problems.push(`${where}: location must be "City, ST"`);
    for (const e of r.experience ?? []) {
      if (!MONTH_YEAR.test(e.start)) problems.push(`${where}: bad start "${e.start}"`);
      if (e.end !== 'Present' && !MONTH_YEAR.test(e.end)) problems.push(`${where}: bad end "${e.end}"`);
    }
  }
  const byFormat = (f) => resumes.filter((r) => r.format === f).length;
  if (resumes.length !== 12 || byFormat('pdf') !== 6 || byFormat('docx') !== 6) {
    problems.push(`expected 12 resumes (6 pdf, 6 docx), got ${resumes.length} (${byFormat('pdf')} pdf, ${byFormat('docx')} docx)`);
  }
  for (const [id, file] of Object.entries(expectedTop)) {
    if (!files.has(file)) problems.push(`expected-top ${id}: no resume "${file}"`);
    if (!jobs.some((j) => j.id === id)) problems.push(`expected-top ${id}: no such job`);
  }
  if (problems.length) throw new Error(`Invalid sample data:\n  ${problems.join('\n  ')}`);
}

const wordCount = (text) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** A sample in the shape the renderer takes: the classic layout and empty lists unless given. */
const renderable = (r) => ({ layout: 'classic', certifications: [], languages: [], ...r });

// ---------------------------------------------------------------------------

async function main() {
  validate();

  // Render everything before writing anything, so a bad character leaves no half-written set.
  const outputs = [];
  for (const r of resumes) {
    const resume = renderable(r);
    const text = renderText(resume);
    const words = wordCount(text);
    if (words < 250 || words > 450) throw new Error(`${r.file}: ${words} words, expected 250–450`);
    const bytes = await renderResume(resume, r.format, { generator: GENERATOR });
    outputs.push({ r, text, words, bytes });
  }

  for (const dir of ['resumes', 'resumes-text']) mkdirSync(join(OUT, dir), { recursive: true });
  for (const { r, text, words, bytes } of outputs) {
    writeFileSync(join(OUT, 'resumes', `${r.file}.${r.format}`), bytes);
    writeFileSync(join(OUT, 'resumes-text', `${r.file}.txt`), text);
    console.log(`samples/resumes/${r.file}.${r.format}  ${String(words).padStart(3)} words  ${bytes.length} bytes`);
  }
  writeFileSync(join(OUT, 'jobs.jsonl'), jobs.map((j) => JSON.stringify(j)).join('\n') + '\n');
  writeFileSync(join(OUT, 'expected-top.json'), `${JSON.stringify(expectedTop, null, 2)}\n`);
  console.log(`samples/jobs.jsonl  ${jobs.length} jobs`);
  console.log('samples/expected-top.json');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
