/**
 * Degree names as resumes write them ("B.E", "Bachelor of Engineering",
 * "B. Tech", "H.S.C.", "12th") mapped to one short code, so two spellings of
 * the same qualification compare equal, and to a level.
 */

const CODES: Array<[RegExp, string]> = [
  [/^(ph\.?\s?d|doctor(ate)? of philosophy|d\.?\s?phil)/, 'PhD'],
  [/^(m\.?\s?b\.?\s?a|master'?s?(?: degree)?(?: of|\s*[,:]| in) business administration|pgdm|post ?graduate diploma in management|m\.?\s?m\.?\s?s(?![a-z])|master of management studies)/, 'MBA'],
  [/^(m\.?\s?c\.?\s?a|master'?s? of computer applications?)/, 'MCA'],
  [/^(m\.?\s?tech|master'?s? of technology)/, 'MTech'],
  [/^(m\.?\s?e\.?(?![a-z])|m\.?\s?eng|master'?s? of engineering)/, 'ME'],
  [/^(m\.?\s?sc|m\.?\s?s\.?(?![a-z])|masters? of science)/, 'MSc'],
  [/^(m\.?\s?com|master'?s? of commerce)/, 'MCom'],
  [/^(m\.?\s?f\.?\s?a|master'?s? of fine arts?)/, 'MFA'],
  [/^(ll\.?\s?m|master'?s? of laws?)/, 'LLM'],
  [/^(m\.?\s?a\.?(?![a-z])|master'?s? of arts)/, 'MA'],
  [/^(p\.?\s?g\.?(?![a-z])|post ?graduat)/, 'PG'],
  [/^(b\.?\s?tech|bachelor of technology)/, 'BTech'],
  [/^(b\.?\s?e\.?(?![a-z])|b\.?\s?eng|bachelor'?s? of (?:[a-z]+ ){0,3}?engineering)/, 'BE'],
  // "B.S.B.A" (Bachelor of Science in Business Administration) before the B.S. it starts with.
  [/^b\.?\s?s\.?\s?b\.?\s?a\.?(?![a-z])/, 'BBA'],
  [/^(b\.?\s?sc(?:\.?\s?(?:it|cs))?|b\.?\s?s\.?(?![a-z])|b\.?\s?c\.?\s?s\.?(?![a-z])|bachelor'?s? of science)/, 'BSc'],
  [/^(b\.?\s?com|bachelor'?s? of commerce)/, 'BCom'],
  [/^(b\.?\s?b\.?\s?a|bachelor'?s?(?: degree)?(?: of|\s*[,:]| in) business administration)/, 'BBA'],
  [/^(b\.?\s?c\.?\s?a|bachelor'?s? of computer applications?)/, 'BCA'],
  [/^(b\.?\s?f\.?\s?a|bachelor'?s? of fine arts?)/, 'BFA'],
  [/^(ll\.?\s?b|bachelor'?s?( of)? laws?)/, 'LLB'],
  [/^(b\.?\s?a\.?(?![a-z])|bachelor'?s? of arts?)/, 'BA'],
  [/^(j\.?\s?d\.?(?![a-z])|juris doctor)/, 'JD'],
  // Not "Associate General Contractors", "Associate Professor": a body or a rank, no degree.
  [/^(a\.?\s?a\.?\s?s|associate'?s?(?! (?:general|builders|contractors|members?|professor|director|editor|dean|manager|consultant|engineer|broker)\b))/, 'Associate'],
  [/^(h\.?\s?s\.?\s?c|higher secondary|12th|xii|intermediate|senior secondary)/, 'HSC'],
  [/^(s\.?\s?s\.?\s?c|secondary school|10th|matriculation|(?:high school|h\.?\s?s\.?) diploma|g\.?e\.?d\.?(?![a-z]))/, 'SSC'],
  [/^((advance[d]? )?diploma|polytechnic)/, 'Diploma'],
  [/^(bachelor'?s?)/, 'Bachelor'],
  [/^(master'?s?)/, 'Master'],
];

/** The short code of a degree as written, or undefined when it is not a degree name. */
export function degreeCode(degree: string): string | undefined {
  return leadingDegree(degree)?.code;
}

/** The degree name at the start of `text` ("B.E Civil Engineering …" → `B.E`, code BE), if any. */
export function leadingDegree(text: string): { code: string; text: string } | undefined {
  const lead = text.trimStart();
  const d = lead.toLowerCase();
  for (const [re, code] of CODES) {
    const m = re.exec(d);
    // Whole words only: "Bachelor" in "Bachelorette" or "BA" in "Bangalore" is no degree.
    if (m && !/[a-z]/.test(d[m[0].length] ?? '')) return { code, text: lead.slice(0, m[0].length).trim() };
  }
  return undefined;
}

const LEVELS: Record<string, string> = {
  PhD: 'Doctorate', JD: 'Doctorate', MBA: 'Master', MCA: 'Master', MTech: 'Master', ME: 'Master', MSc: 'Master', MCom: 'Master',
  MFA: 'Master', LLM: 'Master', MA: 'Master', PG: 'Master', Master: 'Master', BTech: 'Bachelor', BE: 'Bachelor', BSc: 'Bachelor',
  BCom: 'Bachelor', BBA: 'Bachelor', BCA: 'Bachelor', BFA: 'Bachelor', LLB: 'Bachelor', BA: 'Bachelor', Bachelor: 'Bachelor',
  Associate: 'Associate', Diploma: 'Diploma', HSC: 'Secondary', SSC: 'Secondary',
};

/** Bachelor, Master, Doctorate, Associate, Diploma or Secondary. */
export function degreeLevel(degree: string): string | undefined {
  const code = degreeCode(degree);
  return code ? LEVELS[code] : undefined;
}
