/**
 * Professions the seed generator draws from. Skill names are canonical names
 * (or aliases) in data/skills.json, so the parser recognises them. Bullet
 * templates use {s} (a skill of the resume), {n} (a count), {p} (a percentage)
 * and {m} (an amount of money). Everything must be encodable in WinAnsi (the PDF
 * standard fonts): plain ASCII plus en/em dashes and Latin-1 letters.
 */
export interface Profession {
  key: string;
  /** Titles by seniority: junior, mid, senior, lead. */
  titles: [string, string, string, string];
  /** Skills every resume of this profession draws most of its list from. */
  core: string[];
  /** Further skills, a few per resume. */
  extra: string[];
  bullets: string[];
  degrees: string[];
  certifications: string[];
  /** Companies' industry words: "{Name} {industry}". */
  industries: string[];
  summary: string;
  /** Job ad sentences; {title}, {s} and {s2} are filled in. */
  jobLines: string[];
}

export const PROFESSIONS: Profession[] = [
  {
    key: 'backend',
    titles: ['Software Engineer', 'Backend Engineer', 'Senior Backend Engineer', 'Staff Software Engineer'],
    core: ['Go', 'Java', 'Python', 'PostgreSQL', 'Kubernetes', 'Docker', 'gRPC', 'AWS', 'Microservices', 'REST APIs'],
    extra: ['Kafka', 'Redis', 'MySQL', 'Terraform', 'Rust', 'GCP', 'Elasticsearch', 'MongoDB', 'Linux', 'Git', 'CI/CD'],
    bullets: [
      'Designed and built {s} services handling {n},000 requests per second with p99 latency under 80 ms.',
      'Migrated a monolith to {s} microservices, cutting deployment time by {p}%.',
      'Tuned {s} queries and indexes, reducing database load by {p}% during peak traffic.',
      'Introduced {s} for asynchronous processing and removed {n} nightly batch jobs.',
      'Led the on-call rotation for {n} services and wrote runbooks that halved incident resolution time.',
      'Built internal tooling in {s} that saved the platform team {n} hours a week.',
      'Mentored {n} engineers and ran design reviews for the backend group.',
      'Added tracing, metrics and structured logging to {s} services, improving availability to 99.95%.',
    ],
    degrees: ['B.S. in Computer Science', 'B.S. in Software Engineering', 'M.S. in Computer Science', 'B.S. in Computer Engineering'],
    certifications: ['AWS Certified Developer – Associate', 'Certified Kubernetes Application Developer (CKAD)', 'Google Cloud Professional Cloud Developer'],
    industries: ['Logistics', 'Payments', 'Software', 'Systems', 'Technologies'],
    summary: 'Backend engineer with {y} years of experience building reliable distributed systems in {s} and {s2}. Cares about simple designs, good tests and calm on-call rotations.',
    jobLines: [
      'We are hiring a {title} to design, build and operate the services behind our platform.',
      'You will own APIs written in {s} and running on {s2} from design review through on-call.',
      'The role focuses on performance and reliability of high-throughput systems.',
      'You will mentor other engineers and help set engineering standards.',
    ],
  },
  {
    key: 'frontend',
    titles: ['Junior Frontend Developer', 'Frontend Engineer', 'Senior Frontend Engineer', 'Lead Frontend Engineer'],
    core: ['React', 'TypeScript', 'JavaScript', 'CSS', 'HTML', 'GraphQL', 'Accessibility', 'Jest'],
    extra: ['Next.js', 'Vue.js', 'Angular', 'Webpack', 'Figma', 'Node.js', 'Sass', 'Git', 'REST APIs'],
    bullets: [
      'Built a customer dashboard in {s} used by {n},000 people every month.',
      'Led an accessibility remediation to WCAG 2.1 AA and fixed more than {n}0 issues.',
      'Cut the initial bundle size by {p}% with code splitting and lazy loading.',
      'Created a component library in {s} shared by {n} product teams.',
      'Raised test coverage from 40% to {p}% with {s} and end-to-end tests.',
      'Migrated {n}0 legacy components to {s} without production regressions.',
      'Worked with designers to implement responsive layouts with CSS Grid and Flexbox.',
    ],
    degrees: ['B.S. in Computer Science', 'B.A. in Interaction Design', 'B.S. in Information Technology'],
    certifications: ['IAAP Certified Professional in Accessibility Core Competencies (CPACC)', 'Meta Front-End Developer Certificate'],
    industries: ['Studio', 'Digital', 'Media', 'Labs', 'Health'],
    summary: 'Frontend engineer with {y} years of experience building fast, accessible web applications in {s} and {s2}.',
    jobLines: [
      'We are looking for a {title} to build the web experience of our customer platform in {s}.',
      'You will consume {s2} APIs, write maintainable CSS and contribute to our design system.',
      'Accessibility is a first-class requirement for everything we ship.',
    ],
  },
  {
    key: 'data',
    titles: ['Data Analyst', 'Data Scientist', 'Senior Data Scientist', 'Lead Data Scientist'],
    core: ['Python', 'SQL', 'pandas', 'scikit-learn', 'Machine Learning', 'Statistics', 'A/B Testing'],
    extra: ['PyTorch', 'TensorFlow', 'Spark', 'Airflow', 'Snowflake', 'Tableau', 'XGBoost', 'R', 'Deep Learning', 'NLP', 'dbt'],
    bullets: [
      'Built forecasting models with {s} for {n},000 products, reducing stockouts by {p}%.',
      'Designed and analyzed pricing experiments across {m} in annual revenue.',
      'Wrote {s} pipelines that feed features into the data warehouse every hour.',
      'Developed a churn model with {s} that improved retention campaign ROI by {p}%.',
      'Presented model results to executives and mentored {n} junior analysts.',
      'Automated feature engineering with {s}, cutting model refresh time from days to hours.',
    ],
    degrees: ['M.S. in Statistics', 'B.S. in Mathematics', 'M.S. in Data Science', 'Ph.D. in Economics'],
    certifications: ['AWS Certified Machine Learning – Specialty', 'TensorFlow Developer Certificate'],
    industries: ['Analytics', 'Retail Group', 'Insurance', 'Insights'],
    summary: 'Data scientist with {y} years of experience turning business data into production models with {s} and {s2}.',
    jobLines: [
      'Join our analytics team as a {title} building predictive models that drive business decisions.',
      'You will explore large datasets with {s} and train models with {s2}.',
      'A solid grounding in statistics and experiment design is essential.',
    ],
  },
  {
    key: 'devops',
    titles: ['Systems Administrator', 'DevOps Engineer', 'Senior Site Reliability Engineer', 'Principal Platform Engineer'],
    core: ['Terraform', 'AWS', 'Kubernetes', 'Linux', 'CI/CD', 'Prometheus', 'Docker'],
    extra: ['Helm', 'Grafana', 'Ansible', 'Python', 'Bash', 'Jenkins', 'GitHub Actions', 'Azure', 'GCP', 'Argo CD'],
    bullets: [
      'Managed {n}0 AWS accounts as code with {s} and reusable modules.',
      'Operated {s} clusters running {n}00 services with zero-downtime upgrades.',
      'Built monitoring and alerting with {s}, reducing alert noise by {p}%.',
      'Rebuilt CI/CD pipelines so teams ship {n} times a day, cutting build times by {p}%.',
      'Led incident response and blameless reviews for a platform serving {n} million users.',
      'Automated server provisioning with {s}, replacing {n} manual runbooks.',
    ],
    degrees: ['B.S. in Computer Science', 'B.S. in Information Systems', 'B.S. in Network Engineering'],
    certifications: ['Certified Kubernetes Administrator (CKA)', 'AWS Certified SysOps Administrator – Associate', 'HashiCorp Certified: Terraform Associate'],
    industries: ['Cloud', 'Networks', 'Hosting', 'Infrastructure'],
    summary: 'Site reliability engineer with {y} years in Linux operations and infrastructure as code, specialising in {s} and {s2}.',
    jobLines: [
      'We need a {title} to run the cloud platform that hosts our production services.',
      'You will manage infrastructure as code with {s} and operate {s2} at scale.',
      'You will own monitoring, improve our CI/CD pipelines and lead incident response.',
    ],
  },
  {
    key: 'nursing',
    titles: ['Staff Nurse', 'Registered Nurse', 'Senior Registered Nurse – ICU', 'Charge Nurse'],
    core: ['Patient Care', 'Critical Care', 'BLS', 'ACLS', 'EHR', 'Medication Administration', 'Triage'],
    extra: ['Epic', 'Wound Care', 'IV Therapy', 'Telemetry', 'Pediatrics', 'Phlebotomy', 'Pharmacology'],
    bullets: [
      'Provided {s} for up to {n} critically ill adults per shift in a 32-bed unit.',
      'Titrated critical care medications and monitored ventilated patients.',
      'Documented assessments and care plans in {s} with complete accuracy in audits.',
      'Precepted {n} new graduate nurses through their orientation.',
      'Led a falls-prevention initiative that reduced patient falls by {p}%.',
      'Coordinated with physicians, respiratory therapists and families on daily care goals.',
    ],
    degrees: ['B.S. in Nursing', 'Associate Degree in Nursing', 'M.S. in Nursing'],
    certifications: ['Registered Nurse (RN) License', 'Critical Care Registered Nurse (CCRN)', 'Pediatric Advanced Life Support (PALS)'],
    industries: ['Medical Center', 'Hospital', 'Health System', 'Clinic'],
    summary: 'Registered nurse with {y} years of experience in acute and critical care, skilled in {s} and {s2}.',
    jobLines: [
      'Our intensive care unit is seeking a {title} to provide high-quality care to critically ill adults.',
      'Responsibilities include continuous assessment, {s} and titration of medications.',
      'You will document care in our {s2} system and collaborate with physicians and families.',
    ],
  },
  {
    key: 'accounting',
    titles: ['Accounting Clerk', 'Staff Accountant', 'Senior Accountant', 'Accounting Manager'],
    core: ['GAAP', 'Financial Reporting', 'Account Reconciliation', 'Excel', 'QuickBooks', 'Audit'],
    extra: ['NetSuite', 'Month-End Close', 'Journal Entries', 'Variance Analysis', 'Accounts Payable', 'Accounts Receivable', 'Payroll', 'Budgeting', 'SAP'],
    bullets: [
      'Prepared journal entries and {n}0 account reconciliations every month.',
      'Shortened the month-end close from ten to {n} days by automating schedules in {s}.',
      'Supported the annual external audit and strengthened internal controls.',
      'Built variance analysis reports in {s} for the finance leadership team.',
      'Managed accounts payable for {n}00 vendors and {m} in annual spend.',
      'Led the migration from {s} to a new ERP without a missed close.',
    ],
    degrees: ['B.S. in Accounting', 'B.B.A. in Finance', 'Master of Accountancy'],
    certifications: ['Certified Public Accountant (CPA)', 'Certified Management Accountant (CMA)'],
    industries: ['Partners', 'Holdings', 'Manufacturing', 'Group'],
    summary: 'Accountant with {y} years of experience in GAAP reporting and the month-end close, fluent in {s} and {s2}.',
    jobLines: [
      'We are looking for a {title} to support the month-end close and financial reporting.',
      'You will prepare journal entries and reconciliations and build schedules in {s}.',
      'Experience with {s2} is required; an active CPA license is a plus.',
    ],
  },
  {
    key: 'hr',
    titles: ['HR Coordinator', 'HR Generalist', 'HR Business Partner', 'Director of People'],
    core: ['Employee Relations', 'Recruiting', 'Workday', 'Compensation', 'Onboarding', 'Performance Management'],
    extra: ['HRIS', 'Workforce Planning', 'Payroll', 'Benefits Administration', 'Talent Acquisition', 'Excel'],
    bullets: [
      'Advised leaders of a {n}00-person organization on employee relations and investigations.',
      'Ran annual compensation cycles for {n},000 employees in {s}.',
      'Redesigned onboarding, raising new-hire satisfaction by {p}%.',
      'Partnered with talent acquisition to hire {n}0 engineers in one year.',
      'Launched a performance management program adopted by every department.',
      'Built HR dashboards from {s} data for quarterly workforce planning.',
    ],
    degrees: ['B.A. in Human Resources Management', 'B.A. in Psychology', 'M.A. in Organizational Leadership'],
    certifications: ['SHRM Certified Professional (SHRM-CP)', 'Professional in Human Resources (PHR)'],
    industries: ['Technologies', 'Services', 'Retail', 'Foods'],
    summary: 'HR professional with {y} years of experience partnering with leaders on people matters, experienced in {s} and {s2}.',
    jobLines: [
      'As {title} you will advise leaders on all people matters.',
      'You will handle {s} cases and partner with recruiting and compensation teams.',
      'You will improve onboarding and performance programs using data from {s2}.',
    ],
  },
  {
    key: 'mechanical',
    titles: ['Engineering Technician', 'Mechanical Engineer', 'Senior Mechanical Engineer', 'Lead Design Engineer'],
    core: ['SolidWorks', 'AutoCAD', 'FEA', 'GD&T', 'Manufacturing'],
    extra: ['ANSYS', 'MATLAB', 'Six Sigma', 'Lean Manufacturing', 'Root Cause Analysis', 'Prototyping', 'CNC', 'Quality Control'],
    bullets: [
      'Designed pump housings and drive components in {s} from concept to production.',
      'Validated designs with {s}, cutting prototype iterations by {p}%.',
      'Applied GD&T to {n}0 production drawings and resolved supplier questions.',
      'Led a design-for-manufacturability review that saved {m} a year.',
      'Ran root cause analysis on field failures and reduced warranty claims by {p}%.',
      'Worked with manufacturing on {n} product launches using lean methods.',
    ],
    degrees: ['B.S. in Mechanical Engineering', 'M.S. in Mechanical Engineering', 'B.S. in Manufacturing Engineering'],
    certifications: ['Certified SolidWorks Professional (CSWP)', 'Six Sigma Green Belt', 'Professional Engineer (PE)'],
    industries: ['Industries', 'Machinery', 'Pumps', 'Dynamics'],
    summary: 'Mechanical engineer with {y} years of experience designing industrial products with {s} and {s2}.',
    jobLines: [
      'We are seeking a {title} to design industrial components from concept through production.',
      'You will create 3D models and drawings in {s} and validate designs with {s2}.',
      'You will work closely with manufacturing on design for manufacturability.',
    ],
  },
  {
    key: 'sales',
    titles: ['Sales Development Representative', 'Account Executive', 'Senior Account Executive', 'Regional Sales Manager'],
    core: ['Salesforce', 'Pipeline Management', 'Negotiation', 'B2B Sales', 'Prospecting', 'CRM'],
    extra: ['HubSpot', 'Forecasting', 'Lead Generation', 'Account Management', 'Contract Negotiation', 'Cold Calling'],
    bullets: [
      'Closed {m} in new annual recurring revenue, {p}% above quota.',
      'Ran the full sales cycle for mid-market customers from discovery to signature.',
      'Managed a pipeline of {n}0 opportunities and forecast weekly in {s}.',
      'Negotiated multi-year contracts with procurement and legal teams.',
      'Built an outbound prospecting playbook adopted by {n} new hires.',
      'Grew revenue in existing accounts by {p}% through quarterly business reviews.',
    ],
    degrees: ['B.A. in Communications', 'B.B.A. in Marketing', 'B.A. in Economics'],
    certifications: ['Salesforce Certified Administrator', 'HubSpot Sales Software Certification'],
    industries: ['Software', 'Analytics', 'Cloud', 'Solutions'],
    summary: 'Sales professional with {y} years of experience in B2B software sales, strong in {s} and {s2}.',
    jobLines: [
      'We are hiring a {title} to win new mid-market customers for our platform.',
      'You will run the full sales cycle and manage your pipeline in {s}.',
      'Strong {s2} skills and a record of exceeding quota are required.',
    ],
  },
  {
    key: 'marketing',
    titles: ['Marketing Coordinator', 'Digital Marketing Specialist', 'Senior Marketing Manager', 'Head of Growth'],
    core: ['SEO', 'Google Analytics', 'Content Marketing', 'Email Marketing', 'Social Media Marketing', 'Copywriting'],
    extra: ['Google Ads', 'HubSpot', 'Marketing Automation', 'Market Research', 'Brand Management', 'A/B Testing', 'Excel'],
    bullets: [
      'Grew organic traffic by {p}% in a year through {s} and technical site fixes.',
      'Ran paid campaigns with {m} in annual budget at a {p}% lower cost per lead.',
      'Built lifecycle email programs in {s} that lifted conversion by {p}%.',
      'Wrote and edited {n}0 long-form articles and case studies.',
      'Set up dashboards in {s} to report campaign performance weekly.',
      'Led a rebrand across web, social and events with a team of {n}.',
    ],
    degrees: ['B.A. in Marketing', 'B.A. in English', 'B.A. in Journalism'],
    certifications: ['Google Analytics Certification', 'HubSpot Content Marketing Certification'],
    industries: ['Brands', 'Media', 'Commerce', 'Studio'],
    summary: 'Marketer with {y} years of experience growing audiences and pipeline through {s} and {s2}.',
    jobLines: [
      'We are looking for a {title} to grow our audience and pipeline.',
      'You will own {s} and run campaigns measured with {s2}.',
      'You will write clearly and test relentlessly.',
    ],
  },
];
