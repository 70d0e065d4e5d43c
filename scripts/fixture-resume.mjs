// The invented resume rendered into every format by scripts/make-fixtures.mjs,
// and the profile the parser must find in each (test/unit/extract-formats.test.ts).
// Dana Whitfield and the companies are invented; the phone number is in the
// 555-01xx range reserved for fiction.

export const resume = {
  name: 'Dana Whitfield',
  headline: 'Senior Backend Engineer',
  location: 'Chicago, IL',
  phone: '(312) 555-0142',
  email: 'dana.whitfield@example.com',
  links: ['linkedin.com/in/dana-whitfield-example', 'github.com/dwhitfield-dev'],
  summary: 'Backend engineer with 7 years of experience building payment and logistics platforms in Go and Python.',
  skills: ['Go', 'Python', 'PostgreSQL', 'Kubernetes', 'Terraform', 'AWS', 'Kafka', 'Docker', 'gRPC'],
  experience: [
    {
      title: 'Senior Software Engineer',
      company: 'Lakeshore Payments Inc.',
      location: 'Chicago, IL',
      start: 'Mar 2021',
      end: 'Present',
      bullets: [
        'Led the migration of the settlement service to Go and Kubernetes, cutting batch time by 40%.',
        'Designed Kafka event pipelines processing 2 million transactions per day.',
      ],
    },
    {
      title: 'Software Engineer',
      company: 'Prairie Freight Systems',
      location: 'Evanston, IL',
      start: 'Jun 2017',
      end: 'Feb 2021',
      bullets: ['Built Python and PostgreSQL services for shipment tracking.', 'Automated AWS infrastructure with Terraform and Docker.'],
    },
  ],
  education: [{ degree: 'B.S. in Computer Science', institution: 'University of Illinois Urbana-Champaign', year: 2017 }],
  certifications: ['AWS Certified Solutions Architect - Associate (2022)', 'Certified Kubernetes Administrator (CKA)'],
  languages: ['English (native)', 'Spanish (professional)'],
};

/** The resume as plain text, one paragraph per line, headings in capitals. */
export function resumeLines(r = resume) {
  return [
    r.name,
    r.headline,
    `${r.location} | ${r.phone} | ${r.email}`,
    r.links.join(' | '),
    '',
    'SUMMARY',
    r.summary,
    '',
    'SKILLS',
    r.skills.join(', '),
    '',
    'EXPERIENCE',
    ...r.experience.flatMap((e) => [`${e.title} | ${e.company} | ${e.location} | ${e.start} - ${e.end}`, ...e.bullets.map((b) => `- ${b}`), '']),
    'EDUCATION',
    ...r.education.map((e) => `${e.degree}, ${e.institution}, ${e.year}`),
    '',
    'CERTIFICATIONS',
    ...r.certifications,
    '',
    'LANGUAGES',
    r.languages.join(', '),
  ];
}
