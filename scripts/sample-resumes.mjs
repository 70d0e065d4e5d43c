// Sample resumes for the quick-start demo and the e2e test.
//
// Every person, company, e-mail address and phone number here is invented.
// E-mail addresses use the reserved example.com / example.org domains and
// phone numbers use the fictional 555-01xx range.
//
// Shape of an entry:
//   {
//     file: 'amara-okafor',            // output name, without extension
//     format: 'pdf' | 'docx',
//     layout?: 'classic' | 'modern' | 'compact',   // rendering style (see make-samples.mjs)
//     headings?: { skills?: 'Core Competencies', ... },  // per-resume section heading overrides
//     name, headline,
//     contact: { email, phone, location: 'City, ST', linkedin?, github? },
//     summary,
//     skills: [string],
//     experience: [{ title, company, location, start: 'Mon YYYY', end: 'Mon YYYY' | 'Present', bullets: [string] }],
//     education: [{ degree, institution, year }],
//     certifications?: [string],
//     languages?: [string],
//   }
//
// Text rendered into PDFs must be encodable in WinAnsi (pdf-lib standard fonts):
// en dash, em dash, bullet and Latin-1 letters are fine; make-samples.mjs fails
// loudly on anything else.

/** @type {Array<Record<string, any>>} */
export const resumes = [
  // J-101 Senior Backend Engineer: best candidate.
  {
    file: 'marcus-chen',
    format: 'pdf',
    layout: 'classic',
    name: 'Marcus Chen',
    headline: 'Senior Backend Engineer',
    contact: {
      email: 'marcus.chen@example.com',
      phone: '(206) 555-0147',
      location: 'Seattle, WA',
      linkedin: 'linkedin.com/in/marcus-chen-dev',
      github: 'github.com/mchen-go',
    },
    summary:
      'Backend engineer with 8+ years of experience designing and operating distributed systems in Go. ' +
      'Builds high-throughput gRPC microservices on Kubernetes and AWS, with a focus on PostgreSQL performance, ' +
      'observability and calm, well-run on-call rotations. Enjoys mentoring engineers and turning ambiguous ' +
      'product requirements into simple, well-tested services. Comfortable owning services end to end, from API ' +
      'design and capacity planning to incident response and post-incident reviews.',
    skills: [
      'Go', 'gRPC', 'Protocol Buffers', 'PostgreSQL', 'Kubernetes', 'Docker', 'AWS (EKS, RDS, SQS)',
      'Kafka', 'Redis', 'Microservices', 'Distributed Systems', 'REST APIs', 'Python', 'Git',
    ],
    experience: [
      {
        title: 'Senior Software Engineer',
        company: 'Northwind Logistics',
        location: 'Seattle, WA',
        start: 'Mar 2021',
        end: 'Present',
        bullets: [
          'Led the redesign of the shipment-tracking platform into 14 Go microservices communicating over gRPC, cutting p99 latency from 820 ms to 140 ms.',
          'Migrated services from EC2 to Kubernetes on AWS EKS with Helm charts, reducing compute cost by 30%.',
          'Tuned PostgreSQL schemas, indexes and PgBouncer connection pooling for a 4 TB database handling 25,000 writes per second, and introduced zero-downtime schema migrations.',
          'Mentored five engineers and ran the backend design-review process for the platform group.',
        ],
      },
      {
        title: 'Software Engineer',
        company: 'Bluefin Payments',
        location: 'Portland, OR',
        start: 'Jun 2018',
        end: 'Feb 2021',
        bullets: [
          'Built a payment-authorization service in Go processing $2B a year at 99.99% availability.',
          'Replaced nightly batch jobs with event-driven settlement pipelines using Kafka and Redis.',
          'Added gRPC interceptors for tracing and rate limiting, and wrote integration tests against PostgreSQL running in Docker.',
          'Designed idempotent retry and reconciliation logic in Go that eliminated duplicate charges during partner outages.',
        ],
      },
      {
        title: 'Software Engineering Intern',
        company: 'Bluefin Payments',
        location: 'Portland, OR',
        start: 'Jun 2017',
        end: 'Aug 2017',
        bullets: [
          'Built an internal Go command-line tool for replaying payment events from Kafka topics in staging.',
          'Wrote PostgreSQL migration scripts and unit tests for the merchant onboarding service.',
          'Presented a latency dashboard prototype to the platform team at the end of the internship.',
        ],
      },
    ],
    education: [{ degree: 'B.S. in Computer Science', institution: 'University of Washington', year: 2018 }],
    certifications: ['AWS Certified Developer – Associate', 'Certified Kubernetes Application Developer (CKAD)'],
    languages: ['English', 'Mandarin'],
  },

  // J-102 Frontend Engineer: best candidate.
  {
    file: 'priya-raman',
    format: 'docx',
    layout: 'modern',
    name: 'Priya Raman',
    headline: 'Senior Frontend Engineer',
    contact: {
      email: 'priya.raman@example.com',
      phone: '(512) 555-0163',
      location: 'Austin, TX',
      linkedin: 'linkedin.com/in/priyaraman',
      github: 'github.com/priya-builds',
    },
    summary:
      'Frontend engineer with 8 years of experience building fast, accessible web applications in React and TypeScript. ' +
      'Comfortable across the stack from GraphQL schemas to CSS architecture, and passionate about design systems ' +
      'and inclusive interfaces that meet WCAG 2.1 AA. Has led two design-system initiatives and regularly runs ' +
      'accessibility workshops for product and design teams.',
    skills: [
      'React', 'TypeScript', 'JavaScript', 'CSS', 'Sass', 'GraphQL', 'Apollo Client', 'Accessibility (WCAG 2.1)',
      'Next.js', 'Jest', 'React Testing Library', 'Storybook', 'Figma', 'Webpack',
    ],
    experience: [
      {
        title: 'Senior Frontend Engineer',
        company: 'Brightpath Health',
        location: 'Austin, TX',
        start: 'Apr 2022',
        end: 'Present',
        bullets: [
          'Own the patient-portal web app built with React, TypeScript and Apollo GraphQL, serving 1.2 million monthly users.',
          'Led an accessibility remediation to WCAG 2.1 AA, adding automated axe checks and NVDA screen-reader testing; resolved more than 300 issues.',
          'Created a design-system component library in Storybook using CSS Modules and design tokens shared with Figma.',
          'Cut the initial JavaScript bundle by 45% with code splitting and lazy loading in Next.js.',
        ],
      },
      {
        title: 'Frontend Engineer',
        company: 'Pixelcraft Studio',
        location: 'Austin, TX',
        start: 'Aug 2019',
        end: 'Mar 2022',
        bullets: [
          'Built responsive analytics dashboards in React and TypeScript on top of GraphQL APIs.',
          'Raised test coverage from 40% to 85% with Jest and React Testing Library.',
          'Implemented pixel-accurate layouts with CSS Grid, Flexbox and Sass in close partnership with designers.',
          'Introduced TypeScript to a legacy JavaScript codebase, migrating 120 components with zero production regressions.',
        ],
      },
      {
        title: 'Web Developer',
        company: 'Riverbend Media',
        location: 'Austin, TX',
        start: 'Jul 2018',
        end: 'Jul 2019',
        bullets: [
          'Built marketing sites and landing pages for agency clients with HTML, CSS, JavaScript and React.',
          'Improved Core Web Vitals across 12 client sites by optimizing images and CSS delivery.',
          'Added keyboard navigation and ARIA labels to the shared site navigation component.',
        ],
      },
    ],
    education: [{ degree: 'B.S. in Computer Science', institution: 'The University of Texas at Austin', year: 2018 }],
    certifications: ['IAAP Certified Professional in Accessibility Core Competencies (CPACC)'],
    languages: ['English', 'Tamil', 'Hindi'],
  },

  // J-103 Data Scientist: best candidate.
  {
    file: 'amara-okafor',
    format: 'pdf',
    layout: 'modern',
    name: 'Amara Okafor',
    headline: 'Data Scientist',
    contact: {
      email: 'amara.okafor@example.org',
      phone: '(312) 555-0128',
      location: 'Chicago, IL',
      linkedin: 'linkedin.com/in/amara-okafor',
      github: 'github.com/aokafor-ds',
    },
    summary:
      'Data scientist with 7 years of experience turning messy business data into production machine learning models. ' +
      'Strong foundation in statistics and experimentation, fluent in Python, pandas, scikit-learn and SQL, ' +
      'and known for explaining model trade-offs clearly to non-technical stakeholders. Experienced in taking ' +
      'models from notebook to production with reproducible pipelines, monitoring and clear documentation.',
    skills: [
      'Python', 'pandas', 'NumPy', 'scikit-learn', 'Machine Learning', 'Statistics', 'SQL', 'XGBoost',
      'PyTorch', 'A/B Testing', 'Spark', 'Airflow', 'Snowflake', 'Tableau', 'Git',
    ],
    experience: [
      {
        title: 'Senior Data Scientist',
        company: 'Meridian Retail Group',
        location: 'Chicago, IL',
        start: 'Feb 2022',
        end: 'Present',
        bullets: [
          'Built demand-forecasting models in Python with pandas, scikit-learn and XGBoost for 9,000 SKUs, reducing stockouts by 18%.',
          'Designed and analyzed pricing A/B tests using Bayesian and frequentist statistics across $40M in annual revenue.',
          'Wrote production SQL and Spark pipelines that feed machine learning features into the Snowflake warehouse.',
          'Presented model results to the executive team and mentored two junior analysts.',
        ],
      },
      {
        title: 'Data Scientist',
        company: 'Clearwater Insurance',
        location: 'Chicago, IL',
        start: 'Jul 2019',
        end: 'Jan 2022',
        bullets: [
          'Developed a customer churn model with gradient boosting and logistic regression that improved retention campaign ROI by 22%.',
          'Automated feature engineering with pandas and Airflow, cutting model refresh time from three days to four hours.',
          'Built survival-analysis models for claim duration using statsmodels and lifelines.',
          'Partnered with actuaries to validate model assumptions and document statistical methodology for regulators.',
        ],
      },
      {
        title: 'Graduate Research Assistant',
        company: 'University of Illinois Urbana-Champaign',
        location: 'Urbana, IL',
        start: 'Aug 2017',
        end: 'May 2019',
        bullets: [
          'Applied mixed-effects models and bootstrap methods in R and Python to agricultural field trial data.',
          'Co-authored a paper on Bayesian hierarchical models for crop yield forecasting.',
          'Taught weekly statistics lab sections for 60 undergraduate students.',
        ],
      },
      {
        title: 'Data Science Intern',
        company: 'Clearwater Insurance',
        location: 'Chicago, IL',
        start: 'Jun 2018',
        end: 'Aug 2018',
        bullets: [
          'Prototyped a fraud-detection classifier with scikit-learn and imbalanced-learn on 2 million historical claims.',
          'Wrote SQL queries against the claims data mart to build labeled training sets.',
          'Presented findings to the analytics leadership team, leading to a full-time offer.',
        ],
      },
    ],
    education: [
      { degree: 'M.S. in Statistics', institution: 'University of Illinois Urbana-Champaign', year: 2019 },
      { degree: 'B.S. in Mathematics', institution: 'University of Lagos', year: 2016 },
    ],
    certifications: ['AWS Certified Machine Learning – Specialty'],
    languages: ['English', 'Igbo'],
  },

  // J-104 DevOps / Site Reliability Engineer: best candidate.
  {
    file: 'lukas-novak',
    format: 'docx',
    layout: 'compact',
    name: 'Lukas Novak',
    headline: 'DevOps / Site Reliability Engineer',
    contact: {
      email: 'lukas.novak@example.com',
      phone: '(720) 555-0119',
      location: 'Denver, CO',
      linkedin: 'linkedin.com/in/lukasnovak-sre',
      github: 'github.com/lnovak',
    },
    summary:
      'Site reliability engineer with 10 years in Linux operations, infrastructure as code and cloud platforms. ' +
      'Specializes in Terraform on AWS, production Kubernetes, Prometheus-based observability and CI/CD pipelines ' +
      'that let teams ship many times a day without losing sleep. Believes in boring, well-documented ' +
      'infrastructure, clear service level objectives and sharing on-call knowledge across teams.',
    skills: [
      'Terraform', 'AWS', 'Kubernetes', 'Helm', 'Argo CD', 'Prometheus', 'Grafana', 'CI/CD', 'GitHub Actions',
      'Jenkins', 'Linux', 'Ansible', 'Docker', 'Bash', 'Python',
    ],
    experience: [
      {
        title: 'Senior Site Reliability Engineer',
        company: 'Summit Cloudworks',
        location: 'Denver, CO',
        start: 'May 2021',
        end: 'Present',
        bullets: [
          'Manage more than 40 AWS accounts with reusable Terraform modules and enforce policy as code with OPA.',
          'Operate production Kubernetes (EKS) clusters with Helm and Argo CD, supporting 300 services at a 99.95% SLO.',
          'Built the observability stack on Prometheus, Grafana and Alertmanager, reducing mean time to recovery by 45%.',
          'Lead blameless incident reviews and own the on-call rotation for the platform team.',
        ],
      },
      {
        title: 'DevOps Engineer',
        company: 'Granite Bank',
        location: 'Denver, CO',
        start: 'Sep 2018',
        end: 'Apr 2021',
        bullets: [
          'Designed CI/CD pipelines in Jenkins and GitHub Actions for 120 repositories, cutting deployment time from two hours to 12 minutes.',
          'Automated Linux hardening and patching with Ansible across 600 RHEL and Ubuntu hosts.',
          'Containerized legacy Java services with Docker and migrated them to Kubernetes.',
          'Introduced Prometheus exporters and Grafana dashboards for the core banking APIs.',
        ],
      },
      {
        title: 'Linux Systems Administrator',
        company: 'Mile High Hosting',
        location: 'Boulder, CO',
        start: 'Jun 2016',
        end: 'Aug 2018',
        bullets: [
          'Administered 200 Linux servers and wrote Bash and Python automation for backups and user provisioning.',
          'Maintained Nagios monitoring and handled first-line incident response for hosting customers.',
          'Migrated customer websites from bare-metal servers to virtualized CentOS hosts with zero data loss.',
        ],
      },
    ],
    education: [{ degree: 'B.S. in Information Technology', institution: 'Colorado State University', year: 2016 }],
    certifications: [
      'Certified Kubernetes Administrator (CKA)',
      'AWS Certified DevOps Engineer – Professional',
      'HashiCorp Certified: Terraform Associate',
    ],
    languages: ['English', 'Czech'],
  },

  // J-105 Registered Nurse, ICU: best candidate.
  {
    file: 'grace-mitchell',
    format: 'pdf',
    layout: 'classic',
    name: 'Grace Mitchell',
    headline: 'Registered Nurse, Intensive Care',
    contact: {
      email: 'grace.mitchell@example.com',
      phone: '(602) 555-0181',
      location: 'Phoenix, AZ',
      linkedin: 'linkedin.com/in/grace-mitchell-rn',
    },
    summary:
      'Compassionate critical care registered nurse with 8 years of hospital experience, including 5 years in a ' +
      'high-acuity ICU. Skilled in ventilator management, hemodynamic monitoring and titration of vasoactive ' +
      'medications. BLS, ACLS and CCRN certified, and an Epic superuser who enjoys precepting new nurses. ' +
      'Calm under pressure, with a strong record of patient safety, teamwork and clear communication with families.',
    skills: [
      'Patient Care', 'Critical Care', 'Ventilator Management', 'Hemodynamic Monitoring', 'Epic EHR',
      'Medication Administration', 'IV Therapy', 'Sepsis Protocols', 'Patient and Family Education', 'BLS', 'ACLS',
    ],
    experience: [
      {
        title: 'Registered Nurse, Intensive Care Unit',
        company: 'Desert Valley Medical Center',
        location: 'Phoenix, AZ',
        start: 'Mar 2021',
        end: 'Present',
        bullets: [
          'Provide direct patient care for two critically ill patients per shift in a 32-bed mixed medical-surgical ICU.',
          'Manage ventilated patients, arterial and central lines, and titrate vasoactive drips according to protocol.',
          'Document assessments, care plans and medication administration in Epic EHR; served as unit superuser for the 2023 Epic upgrade.',
          'Precept new graduate nurses and serve on the unit sepsis quality committee.',
        ],
      },
      {
        title: 'Registered Nurse, Progressive Care Unit',
        company: 'Saguaro Community Hospital',
        location: 'Mesa, AZ',
        start: 'Jun 2018',
        end: 'Feb 2021',
        bullets: [
          'Cared for four step-down patients per shift, including post-cardiac surgery and telemetry patients.',
          'Responded to rapid-response and code blue events as an ACLS-certified team member.',
          'Educated patients and families on discharge plans, helping lower 30-day readmissions on the unit.',
          'Maintained accurate intake and output, wound care and fall-risk documentation with no charting deficiencies in annual audits.',
        ],
      },
      {
        title: 'Certified Nursing Assistant',
        company: 'Sunrise Senior Living',
        location: 'Tempe, AZ',
        start: 'Jan 2016',
        end: 'May 2018',
        bullets: [
          'Assisted residents with activities of daily living, mobility and feeding while completing nursing school.',
          'Recorded vital signs and reported changes in condition to the charge nurse.',
          'Supported end-of-life care and family communication in the memory care wing.',
        ],
      },
    ],
    education: [{ degree: 'B.S. in Nursing (BSN)', institution: 'Arizona State University', year: 2018 }],
    certifications: [
      'Registered Nurse (RN), Arizona State Board of Nursing',
      'Basic Life Support (BLS), American Heart Association',
      'Advanced Cardiovascular Life Support (ACLS), American Heart Association',
      'Critical Care Registered Nurse (CCRN)',
    ],
    languages: ['English', 'Spanish (conversational)'],
  },

  // J-106 Staff Accountant / CPA: best candidate.
  {
    file: 'rachel-goldberg',
    format: 'docx',
    layout: 'classic',
    name: 'Rachel Goldberg',
    headline: 'Staff Accountant, CPA',
    contact: {
      email: 'rachel.goldberg@example.com',
      phone: '(617) 555-0134',
      location: 'Boston, MA',
      linkedin: 'linkedin.com/in/rachelgoldberg-cpa',
    },
    summary:
      'Detail-oriented CPA with 7 years of experience in public accounting and corporate accounting. ' +
      'Owns the month-end close, account reconciliation and GAAP financial reporting for a multi-entity company, ' +
      'and brings an auditor\'s eye to internal controls and audit readiness. Comfortable working with auditors, ' +
      'FP&A and operations teams, and always looking for ways to automate manual reconciliations.',
    skills: [
      'GAAP', 'Financial Reporting', 'Account Reconciliation', 'Month-End Close', 'Journal Entries',
      'Excel (Pivot Tables, XLOOKUP)', 'QuickBooks', 'NetSuite', 'Accounts Payable', 'Accounts Receivable',
      'Audit Support', 'Variance Analysis', 'Fixed Assets',
    ],
    experience: [
      {
        title: 'Staff Accountant',
        company: 'Harborview Biotech',
        location: 'Cambridge, MA',
        start: 'Jan 2022',
        end: 'Present',
        bullets: [
          'Own the month-end close for three legal entities, preparing journal entries, accruals and balance sheet reconciliations under US GAAP.',
          'Prepare monthly financial reporting packages and variance analysis in Excel for the CFO and the board.',
          'Serve as primary contact for the annual external audit, delivering more than 150 PBC requests on schedule with no audit adjustments.',
          'Implemented NetSuite bank reconciliation rules that shortened the close by two days.',
        ],
      },
      {
        title: 'Audit Associate',
        company: 'Keller & Stone LLP',
        location: 'Boston, MA',
        start: 'Sep 2019',
        end: 'Dec 2021',
        bullets: [
          'Performed financial statement audits for 12 private companies in manufacturing and technology.',
          'Tested internal controls and revenue recognition under ASC 606.',
          'Helped small-business clients clean up QuickBooks files and complete bank and credit card reconciliations.',
          'Drafted financial statement footnotes and audit workpapers reviewed by senior managers and partners.',
        ],
      },
      {
        title: 'Accounting Intern',
        company: 'Baystate Property Management',
        location: 'Quincy, MA',
        start: 'Jun 2018',
        end: 'Aug 2018',
        bullets: [
          'Processed accounts payable invoices and vendor payments in QuickBooks.',
          'Prepared monthly bank reconciliations for 14 residential properties.',
          'Built an Excel tracker for tenant security deposits that replaced a paper ledger.',
        ],
      },
    ],
    education: [{ degree: 'B.S. in Accounting', institution: 'Boston College', year: 2019 }],
    certifications: ['Certified Public Accountant (CPA), Massachusetts'],
    languages: ['English', 'Hebrew'],
  },

  // J-107 HR Business Partner: best candidate.
  {
    file: 'jasmine-ortiz',
    format: 'pdf',
    layout: 'modern',
    headings: { skills: 'Core Competencies' },
    name: 'Jasmine Ortiz',
    headline: 'Senior HR Business Partner',
    contact: {
      email: 'jasmine.ortiz@example.com',
      phone: '(404) 555-0172',
      location: 'Atlanta, GA',
      linkedin: 'linkedin.com/in/jasmine-ortiz-hr',
    },
    summary:
      'People-focused HR business partner with 11 years of progressive experience in employee relations, ' +
      'recruiting, compensation and onboarding. Trusted advisor to engineering and product leaders, ' +
      'fluent in Workday HCM and data-driven workforce planning. Known for building manager capability, ' +
      'resolving sensitive issues fairly and translating people data into action.',
    skills: [
      'Employee Relations', 'Recruiting', 'Workday', 'HRIS', 'Compensation', 'Onboarding',
      'Performance Management', 'Talent Management', 'Workforce Planning', 'Workplace Investigations',
      'FMLA and ADA Compliance', 'HR Analytics',
    ],
    experience: [
      {
        title: 'Senior HR Business Partner',
        company: 'Peachtree Software',
        location: 'Atlanta, GA',
        start: 'Jan 2021',
        end: 'Present',
        bullets: [
          'Partner with engineering and product leaders supporting 650 employees across three locations.',
          'Lead employee relations investigations and coach managers through performance improvement plans, reducing formal complaints by 25%.',
          'Run the annual compensation review and merit cycle in Workday with a $9M budget, including pay equity analysis.',
          'Redesigned the onboarding program, raising 90-day retention from 84% to 93%.',
        ],
      },
      {
        title: 'HR Generalist',
        company: 'Magnolia Healthcare Services',
        location: 'Atlanta, GA',
        start: 'Apr 2017',
        end: 'Dec 2020',
        bullets: [
          'Managed full-cycle recruiting for 40 or more clinical and corporate roles per quarter.',
          'Led the HRIS migration from spreadsheets to Workday HCM, including data validation and manager training.',
          'Administered FMLA, ADA accommodations and benefits enrollment for 900 employees.',
          'Partnered with hiring managers to shorten time to fill for nursing roles from 52 to 34 days.',
        ],
      },
      {
        title: 'HR Coordinator',
        company: 'Southern Logistics Co.',
        location: 'Marietta, GA',
        start: 'Jun 2015',
        end: 'Mar 2017',
        bullets: [
          'Scheduled interviews, ran weekly new-hire orientation and maintained personnel files.',
          'Prepared monthly headcount and turnover reports for the HR director.',
          'Coordinated background checks and I-9 verification for about 300 new hires per year.',
        ],
      },
    ],
    education: [
      { degree: 'M.S. in Human Resource Management', institution: 'Kennesaw State University', year: 2019 },
      { degree: 'B.A. in Psychology', institution: 'Georgia State University', year: 2015 },
    ],
    certifications: ['SHRM Certified Professional (SHRM-CP)'],
    languages: ['English', 'Spanish'],
  },

  // J-108 Mechanical Engineer: best candidate.
  {
    file: 'tomasz-wojcik',
    format: 'docx',
    layout: 'modern',
    name: 'Tomasz Wójcik',
    headline: 'Mechanical Engineer',
    contact: {
      email: 'tomasz.wojcik@example.com',
      phone: '(414) 555-0156',
      location: 'Milwaukee, WI',
      linkedin: 'linkedin.com/in/tomasz-wojcik-me',
    },
    summary:
      'Mechanical engineer with 9 years of experience taking industrial products from concept to production. ' +
      'Expert in SolidWorks and AutoCAD, FEA validation and GD&T, with a strong manufacturing background ' +
      'in machining, sheet metal and lean production. Comfortable leading cross-functional design reviews ' +
      'with suppliers, quality and production teams, and mentoring junior engineers.',
    skills: [
      'SolidWorks', 'AutoCAD', 'FEA', 'ANSYS', 'GD&T (ASME Y14.5)', 'DFM', 'Manufacturing',
      'Lean Manufacturing', 'Six Sigma', 'Sheet Metal Design', 'Tolerance Stack-Up', 'MATLAB',
    ],
    experience: [
      {
        title: 'Mechanical Engineer II',
        company: 'Lakeshore Industrial Equipment',
        location: 'Milwaukee, WI',
        start: 'Jul 2020',
        end: 'Present',
        bullets: [
          'Design pump housings and gearbox assemblies in SolidWorks, releasing more than 200 production drawings with GD&T per ASME Y14.5.',
          'Run FEA in ANSYS and SolidWorks Simulation to validate stress and fatigue life, reducing casting weight by 12%.',
          'Lead DFM reviews with manufacturing for CNC machining and sheet-metal fabrication, lowering unit cost by $38.',
          'Drove root-cause analysis with Six Sigma tools on a seal failure affecting 3% of shipped units.',
        ],
      },
      {
        title: 'Manufacturing Engineer',
        company: 'Badger Precision Components',
        location: 'Racine, WI',
        start: 'Jun 2017',
        end: 'Jun 2020',
        bullets: [
          'Designed fixtures and tooling in AutoCAD and SolidWorks for three assembly lines.',
          'Implemented lean manufacturing improvements (5S, SMED) that increased line throughput by 20%.',
          'Wrote work instructions and PFMEAs for new product introductions.',
          'Performed a tolerance stack-up analysis that resolved a recurring interference issue on a gearbox cover.',
        ],
      },
      {
        title: 'Engineering Co-op',
        company: 'Great Lakes Valve Company',
        location: 'Milwaukee, WI',
        start: 'Jan 2016',
        end: 'Aug 2016',
        bullets: [
          'Updated legacy AutoCAD drawings to current GD&T standards.',
          'Assisted with first-article inspection using CMM reports, calipers and gauges.',
          'Modeled valve components in SolidWorks for a product line refresh.',
        ],
      },
    ],
    education: [{ degree: 'B.S. in Mechanical Engineering', institution: 'University of Wisconsin–Milwaukee', year: 2017 }],
    certifications: [
      'Certified SolidWorks Professional (CSWP)',
      'Lean Six Sigma Green Belt',
      'Engineer in Training (EIT)',
    ],
    languages: ['English', 'Polish'],
  },

  // J-109 Account Executive / B2B Sales: best candidate.
  {
    file: 'kevin-brooks',
    format: 'pdf',
    layout: 'compact',
    name: 'Kevin Brooks',
    headline: 'Account Executive, B2B SaaS',
    contact: {
      email: 'kevin.brooks@example.com',
      phone: '(415) 555-0142',
      location: 'San Francisco, CA',
      linkedin: 'linkedin.com/in/kevinbrooks-sales',
    },
    summary:
      'Quota-crushing account executive with 8 years in B2B sales, the last six in SaaS sales to mid-market ' +
      'and enterprise buyers. Disciplined pipeline management in Salesforce, consultative discovery with MEDDIC, ' +
      'and confident negotiation of multi-year contracts. Builds trusted relationships with finance, IT and ' +
      'operations stakeholders and consistently lands expansion deals after the first close.',
    skills: [
      'Salesforce', 'Pipeline Management', 'Negotiation', 'SaaS Sales', 'B2B Sales', 'Prospecting', 'MEDDIC',
      'Forecasting', 'Outreach', 'Gong', 'HubSpot', 'Enterprise Sales',
    ],
    experience: [
      {
        title: 'Account Executive, Mid-Market',
        company: 'Cloudline Analytics',
        location: 'San Francisco, CA',
        start: 'Feb 2022',
        end: 'Present',
        bullets: [
          'Closed $1.9M in new annual recurring revenue in FY2025 at 128% of quota, ranking second of 24 account executives.',
          'Manage a pipeline of more than 60 opportunities in Salesforce with MEDDIC qualification and forecast accuracy within 5%.',
          'Lead negotiation of multi-year SaaS contracts with procurement and legal teams while holding discounts 14% below the team average.',
          'Partner with solutions engineers on demos and proofs of concept for VP-level buyers.',
        ],
      },
      {
        title: 'Senior Sales Development Representative',
        company: 'Brightwave Software',
        location: 'Oakland, CA',
        start: 'Jan 2020',
        end: 'Jan 2022',
        bullets: [
          'Generated $4.2M in qualified pipeline through outbound prospecting with Outreach, LinkedIn and cold calling.',
          'Promoted to senior SDR after 11 months and trained six new hires on Salesforce hygiene.',
          'Booked an average of 18 qualified meetings per month, 130% of target, with enterprise IT and data leaders.',
        ],
      },
      {
        title: 'Inside Sales Representative',
        company: 'Redwood Office Supply',
        location: 'San Jose, CA',
        start: 'Jun 2018',
        end: 'Dec 2019',
        bullets: [
          'Sold office equipment and service contracts to small businesses, exceeding quota in six of six quarters.',
          'Kept account notes and renewals current in HubSpot CRM.',
          'Negotiated service renewals and upsold maintenance plans to 120 existing accounts.',
        ],
      },
    ],
    education: [{ degree: 'B.A. in Communication', institution: 'San Diego State University', year: 2018 }],
    certifications: ['Sandler Sales Training Certificate'],
    languages: ['English'],
  },

  // Near miss for J-102: junior frontend developer, 2 years, React/JavaScript.
  {
    file: 'emily-tran',
    format: 'docx',
    layout: 'compact',
    name: 'Emily Tran',
    headline: 'Junior Frontend Developer',
    contact: {
      email: 'emily.tran@example.org',
      phone: '(503) 555-0110',
      location: 'Portland, OR',
      github: 'github.com/emilytran-dev',
    },
    summary:
      'Frontend developer with 2 years of professional experience building responsive React and JavaScript ' +
      'interfaces for e-commerce. Quick learner who cares about clean CSS, performance and writing tests, ' +
      'currently learning TypeScript and looking to grow on a collaborative product team. Comfortable in agile ' +
      'sprints, pairing with designers and backend developers, and writing clear pull requests and documentation. ' +
      'Recent work includes a reusable product card component and a migration from class components to React hooks.',
    skills: ['React', 'JavaScript', 'HTML', 'CSS', 'Redux', 'Jest', 'REST APIs', 'Bootstrap', 'Git', 'Figma'],
    experience: [
      {
        title: 'Frontend Developer',
        company: 'Cascade Outdoor Co.',
        location: 'Portland, OR',
        start: 'Oct 2024',
        end: 'Present',
        bullets: [
          'Build and maintain product pages and the checkout flow in React and JavaScript for an e-commerce site with 200,000 monthly visitors.',
          'Implemented Redux state management for the shopping cart and wrote Jest unit tests for reducers and components.',
          'Fixed cross-browser CSS layout bugs and raised the Lighthouse performance score from 62 to 88.',
          'Added keyboard focus states and alt text across product listing pages after an internal accessibility review.',
        ],
      },
      {
        title: 'Web Development Intern',
        company: 'Rose City Creative',
        location: 'Portland, OR',
        start: 'Jun 2024',
        end: 'Sep 2024',
        bullets: [
          'Converted Figma mockups into responsive landing pages with HTML, CSS, Bootstrap and vanilla JavaScript for four small-business clients.',
          'Integrated contact forms with a REST API, validated input on the client side and tracked bugs in Jira.',
          'Wrote a short style guide for spacing, color and typography used by the two-person web team.',
          'Shadowed senior developers during code reviews and learned Git branching workflows.',
        ],
      },
    ],
    education: [{ degree: 'B.S. in Computer Science', institution: 'Portland State University', year: 2024 }],
    certifications: ['Meta Front-End Developer Professional Certificate'],
    languages: ['English', 'Vietnamese'],
  },

  // Near miss for J-103: data analyst (SQL, Excel, Tableau, some Python).
  {
    file: 'omar-haddad',
    format: 'pdf',
    layout: 'classic',
    name: 'Omar Haddad',
    headline: 'Data Analyst',
    contact: {
      email: 'omar.haddad@example.com',
      phone: '(612) 555-0193',
      location: 'Minneapolis, MN',
      linkedin: 'linkedin.com/in/omar-haddad-analytics',
    },
    summary:
      'Data analyst with 7 years of experience in financial services and retail reporting. ' +
      'Turns raw data into clear dashboards and recommendations using SQL, Excel and Tableau, ' +
      'with working knowledge of Python and pandas for automating data preparation. Enjoys partnering with ' +
      'business teams to define metrics, clarify questions and build self-serve reporting they trust.',
    skills: [
      'SQL', 'Excel', 'Tableau', 'Power BI', 'Python (pandas)', 'SQL Server', 'Data Visualization',
      'Descriptive Statistics', 'Power Query', 'Google Analytics', 'Reporting',
    ],
    experience: [
      {
        title: 'Data Analyst',
        company: 'Northstar Credit Union',
        location: 'Minneapolis, MN',
        start: 'Mar 2021',
        end: 'Present',
        bullets: [
          'Build Tableau dashboards for lending and deposits used by 80 managers, replacing 30 manual Excel reports.',
          'Write complex SQL with CTEs and window functions against SQL Server to track loan performance and delinquency trends.',
          'Automate weekly data pulls and cleaning with Python and pandas, saving about 10 hours per week.',
          'Present monthly findings on member growth and loan risk to branch leadership and the credit committee.',
        ],
      },
      {
        title: 'Reporting Analyst',
        company: 'Twin Lakes Grocers',
        location: 'St. Paul, MN',
        start: 'Jul 2019',
        end: 'Feb 2021',
        bullets: [
          'Maintained Excel models with pivot tables and Power Query for weekly sales and inventory reporting across 45 stores.',
          'Built Power BI reports for category managers and supported promotion performance analysis.',
          'Reconciled point-of-sale data with warehouse shipments to flag shrink and data-quality issues.',
        ],
      },
      {
        title: 'Research Assistant',
        company: 'University of Minnesota, Department of Economics',
        location: 'Minneapolis, MN',
        start: 'Sep 2017',
        end: 'May 2019',
        bullets: [
          'Cleaned and merged survey datasets in Excel and Stata for faculty labor-market research.',
          'Produced summary statistics, charts and regression tables for two working papers.',
          'Documented data sources and variable definitions for future research assistants.',
        ],
      },
    ],
    education: [{ degree: 'B.S. in Economics', institution: 'University of Minnesota', year: 2019 }],
    certifications: ['Tableau Desktop Specialist', 'Google Data Analytics Professional Certificate'],
    languages: ['English', 'Arabic'],
  },

  // Near miss for J-101 and J-102: full-stack engineer (Node.js, React, PostgreSQL, some Go).
  {
    file: 'sofia-martinez',
    format: 'docx',
    layout: 'classic',
    name: 'Sofía Martínez',
    headline: 'Full-Stack Engineer',
    contact: {
      email: 'sofia.martinez@example.com',
      phone: '(213) 555-0165',
      location: 'Los Angeles, CA',
      linkedin: 'linkedin.com/in/sofia-martinez-eng',
      github: 'github.com/smartinez-dev',
    },
    summary:
      'Full-stack engineer with 7 years of experience shipping customer-facing features end to end. ' +
      'Most at home with Node.js, React and PostgreSQL, with some production experience in Go and AWS. ' +
      'Values pragmatic architecture, good tests and close collaboration with product and design. ' +
      'Has mentored interns, led small feature teams and introduced TypeScript to two JavaScript codebases.',
    skills: [
      'Node.js', 'TypeScript', 'JavaScript', 'React', 'PostgreSQL', 'Express', 'REST APIs', 'Docker', 'AWS',
      'Redis', 'Go (basic)', 'Jest', 'GitHub Actions',
    ],
    experience: [
      {
        title: 'Full-Stack Engineer',
        company: 'Tidewater Travel',
        location: 'Los Angeles, CA',
        start: 'Jan 2022',
        end: 'Present',
        bullets: [
          'Build customer booking features end to end with React, TypeScript and Node.js (Express) on PostgreSQL.',
          'Designed REST APIs and database migrations for a bookings schema with 2 million rows, and added Redis caching that cut API latency by 35%.',
          'Wrote a small Go service for image resizing, deployed to AWS ECS in Docker containers.',
          'Set up GitHub Actions CI with Jest and Playwright test suites.',
        ],
      },
      {
        title: 'Software Engineer',
        company: 'Canyon Commerce',
        location: 'Pasadena, CA',
        start: 'May 2019',
        end: 'Dec 2021',
        bullets: [
          'Developed Node.js services and React admin dashboards for an online marketplace.',
          'Optimized PostgreSQL queries and indexes, reducing report generation time from 40 seconds to 3 seconds.',
          'Joined the on-call rotation and wrote runbooks for common production incidents.',
          'Migrated the admin dashboard from JavaScript to TypeScript and added end-to-end tests with Cypress.',
        ],
      },
      {
        title: 'Software Engineering Intern',
        company: 'Canyon Commerce',
        location: 'Pasadena, CA',
        start: 'Jun 2018',
        end: 'Aug 2018',
        bullets: [
          'Built internal admin tools for the operations team with Node.js and React.',
          'Wrote PostgreSQL reporting queries for marketplace seller metrics.',
          'Fixed UI bugs and added unit tests with Jest.',
        ],
      },
    ],
    education: [{ degree: 'B.S. in Computer Engineering', institution: 'University of California, Riverside', year: 2019 }],
    languages: ['English', 'Spanish'],
  },
];

export default resumes;
