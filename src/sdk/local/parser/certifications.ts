/** Certifications a resume names outside its certifications section. */

/**
 * "Certified Scrum Master", "AWS Certified Solutions Architect – Associate", "Board Certified …":
 * capitalised words after "Certified", with the certifying vendor or body before it when named.
 */
const CERTIFIED = new RegExp(
  `(?:\\b(?:${[
    'Microsoft', 'Apple', 'Cisco', 'AWS', 'Amazon Web Services', 'Google(?: Cloud)?', 'Oracle', 'Salesforce', 'Red Hat', 'CompTIA', 'Brocade', 'Juniper(?: Networks)?', 'SAP', 'VMware',
    'Adobe', 'Autodesk', 'IBM', 'Azure', 'Tableau', 'HubSpot', 'Scrum Alliance', 'ISTQB', 'PMI', 'AHIMA', 'NASM', 'Board', 'Nationally', 'State', 'Nurse', 'Nursing',
  ].join('|')})[ \\t]+)?\\bCertified[ \\t]+(?!Certifi)[A-Z][\\w&+.'/-]*(?:[ \\t]+(?:(?!Certifi|Completed|Present|Current)[A-Z][\\w&+.'/-]*|of|in|for|and|&|[-–](?=[ \\t]*[A-Z]))){0,6}`,
  'g',
);
/** Well-known certifications by their usual short names. */
const CERT_NAMES =
  /(?<![\w-])(?:PMP|CAPM|PgMP|CPA|CFA|CMA|CFP|FRM|ACCA|CIMA|CISSP|CISA|CISM|CEH|OSCP|CompTIA (?:A\+|Network\+|Security\+)|CCNA|CCNP|CCIE|MCSE|MCSA|RHCE|RHCSA|ITIL(?: v[34]| 4)?(?: Foundation)?|CSM|PSM I{0,3}|SAFe Agilist|PHR|SPHR|SHRM-S?CP|ServSafe(?: Manager| Food Handler)?|LEED AP|Six Sigma (?:Yellow|Green|Black) Belt|Lean Six Sigma (?:Yellow|Green|Black) Belt|OSHA[- ](?:10|30)|BLS|ACLS|PALS|CPR(?:\/AED)?)(?![\w+-])/g;

/** Certifications a text names outside a certifications section, once each, as written. */
export function certificationsIn(text: string): string[] {
  const out: string[] = [];
  const add = (c: string) => {
    // Not the sentence's full stop ("… – Associate."), nor a list's joining word.
    const name = c.trim().replace(/[\s,;:&–-]+$|[ \t]+(?:of|in|for|and)$|(?<=\p{Ll}{2})\.$/gu, '').trim();
    if (name.length > 3 && !out.some((o) => o.toLowerCase().includes(name.toLowerCase()))) out.push(name);
  };
  for (const m of text.matchAll(CERTIFIED)) if (m[0].split(/\s+/).length >= 2) add(m[0]);
  for (const m of text.matchAll(CERT_NAMES)) add(m[0]);
  return out;
}
