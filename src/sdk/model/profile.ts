import { z } from 'zod';

/** A year-month such as `2019-03`, or `2019` when only the year is known. */
export const YearMonth = z.string().regex(/^\d{4}(-\d{2})?$/);

/** One job in the work history. */
export const ExperienceSchema = z.object({
  /** Job title as written, e.g. `Senior Software Engineer`. */
  title: z.string().optional(),
  /** Employer as written, e.g. `Lakeshore Payments Inc.`. */
  company: z.string().optional(),
  /** Where the job was, when the entry says (`Chicago, IL`, `Remote`). */
  location: z.string().optional(),
  /** First month (`2019-03`) or year (`2019`). */
  start: YearMonth.optional(),
  /** Last month or year. Missing while `current` is true. */
  end: YearMonth.optional(),
  /** Still in this job ("Present", "till date"). */
  current: z.boolean().default(false),
  /** The entry's text below its header: responsibilities and achievements, one per line. */
  description: z.string().default(''),
  /** Canonical skill names mentioned in this entry. */
  skills: z.array(z.string()).default([]),
});
export type Experience = z.infer<typeof ExperienceSchema>;

/** One degree, diploma or school-leaving qualification. */
export const EducationSchema = z.object({
  /** The degree as written: `B.S.`, `Master of Science`, `B.E`, `HSC`. */
  degree: z.string().optional(),
  /** Bachelor, Master, Doctorate, Associate, Diploma, Certificate, Secondary. */
  level: z.string().optional(),
  /** Field of study: `Computer Science`. */
  field: z.string().optional(),
  /** University, college or school. */
  institution: z.string().optional(),
  /** Year of graduation (the latest year given for the entry). */
  graduationYear: z.number().int().optional(),
});
export type Education = z.infer<typeof EducationSchema>;

export const SkillSchema = z.object({
  /** Canonical name from the skill taxonomy, e.g. `Kubernetes` for "k8s". */
  name: z.string(),
  /** The taxonomy's category for the skill, when it has one. */
  category: z.string().optional(),
  /** Years of use: the union of the dated experience entries that mention the skill. */
  years: z.number().optional(),
});
export type Skill = z.infer<typeof SkillSchema>;

/** Career level, from the most recent title, else from the years of experience. */
export const SeniorityLevel = z.enum(['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'executive']);
export type SeniorityLevel = z.infer<typeof SeniorityLevel>;

/**
 * How sure the parser is of each field, from 0 (not found) to 1. Rule-based and
 * documented in docs/parsing.md: each value says how the field was found (e.g. a
 * labelled section or a validated phone number scores higher than a guess from
 * free text), never a probability measured on data.
 */
export const ConfidenceSchema = z.object({
  name: z.number().min(0).max(1),
  emails: z.number().min(0).max(1),
  phones: z.number().min(0).max(1),
  links: z.number().min(0).max(1),
  location: z.number().min(0).max(1),
  summary: z.number().min(0).max(1),
  skills: z.number().min(0).max(1),
  experience: z.number().min(0).max(1),
  education: z.number().min(0).max(1),
  certifications: z.number().min(0).max(1),
  languages: z.number().min(0).max(1),
  /** Missing (0) on profiles stored before `roles` existed. */
  roles: z.number().min(0).max(1).default(0),
  totalYears: z.number().min(0).max(1),
  seniority: z.number().min(0).max(1),
});
export type Confidence = z.infer<typeof ConfidenceSchema>;

/** The structured profile parsed from a resume's text. */
export const ProfileSchema = z.object({
  /** The person's name, from the top of the resume. */
  name: z.string().optional(),
  /** The professional title under the name (`Senior Backend Engineer`), when the resume has one. */
  headline: z.string().optional(),
  /** E-mail addresses, lower-cased, in order of appearance. */
  emails: z.array(z.string()).default([]),
  /** E.164 (`+13125550142`) where the country could be inferred, otherwise as written. */
  phones: z.array(z.string()).default([]),
  /** Profile and portfolio links, as absolute URLs. */
  links: z.array(z.object({ kind: z.enum(['linkedin', 'github', 'portfolio', 'other']), url: z.string() })).default([]),
  /** Where the person lives: `City, ST` or `City, Country` as written. */
  location: z.string().optional(),
  /** The summary or objective paragraph. */
  summary: z.string().optional(),
  /** Skills known to the taxonomy, skills-section ones first, with years of use. */
  skills: z.array(SkillSchema).default([]),
  /** Work history, in the order written (usually most recent first). */
  experience: z.array(ExperienceSchema).default([]),
  /**
   * Other roles the resume says the person held, as written: project roles and positions from
   * "Role:", "Position:" or "Designation:" lines (`Software Test Engineer`), when neither the
   * headline nor an experience entry already has that title. Missing on profiles stored before
   * it existed.
   */
  roles: z.array(z.string()).optional(),
  education: z.array(EducationSchema).default([]),
  /** Certifications and licences, one per entry as written. */
  certifications: z.array(z.string()).default([]),
  /** Spoken languages (`English`, `Spanish`), without proficiency notes. */
  languages: z.array(z.string()).default([]),
  /**
   * Years of experience: the figure the resume states ("over 15 years of experience";
   * the largest, outside the references), as a recruiter reads it; else the union of
   * the dated experience intervals (overlaps counted once), to one decimal; else 0.
   */
  totalYears: z.number().default(0),
  /** Career level; missing when neither titles nor years say. */
  seniority: SeniorityLevel.optional(),
  /** Per-field confidence; missing on profiles stored before it existed. */
  confidence: ConfidenceSchema.optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/**
 * What ranking needs from a resume whatever the job: the redacted text (as the
 * lines redaction changed) and its skill mentions. Computed once when the
 * candidate is prepared; see src/sdk/matching/match-data.ts.
 */
export const CandidateMatchDataSchema = z.object({
  /** Which code and taxonomy computed it (`version:taxonomy fingerprint`); stale data is recomputed at query time. */
  key: z.string(),
  /** [0-based line number, redacted line] for each line redaction changed. */
  lines: z.array(z.tuple([z.number(), z.string()])).optional(),
  /** The whole redacted text, only when redaction did not keep the line count. */
  redacted: z.string().optional(),
  /** Canonical skill → offsets of its mentions in the redacted text, in order of first mention; structured-only skills with none. */
  mentions: z.array(z.tuple([z.string(), z.array(z.number())])),
});
export type CandidateMatchData = z.infer<typeof CandidateMatchDataSchema>;

/** A stored candidate: the parsed profile plus where it came from. */
export const CandidateSchema = z.object({
  id: z.string(),
  /** The path the resume was imported from. */
  source: z.string(),
  /** SHA-256 of the original bytes. */
  contentHash: z.string(),
  /** Key of the original in the blob store. */
  blobKey: z.string().optional(),
  mediaType: z.string(),
  profile: ProfileSchema,
  /** The extracted text the profile was parsed from. */
  text: z.string(),
  importedAt: z.string(),
  /** Precomputed match data; missing on candidates stored before it existed (then computed at query time). */
  match: CandidateMatchDataSchema.optional(),
});
export type Candidate = z.infer<typeof CandidateSchema>;
