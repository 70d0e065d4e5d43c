import { z } from 'zod';

/** A year-month such as `2019-03`, or `2019` when only the year is known. */
export const YearMonth = z.string().regex(/^\d{4}(-\d{2})?$/);

export const ExperienceSchema = z.object({
  title: z.string().optional(),
  company: z.string().optional(),
  location: z.string().optional(),
  start: YearMonth.optional(),
  /** Missing while `current` is true. */
  end: YearMonth.optional(),
  current: z.boolean().default(false),
  description: z.string().default(''),
  /** Canonical skill names mentioned in this entry. */
  skills: z.array(z.string()).default([]),
});
export type Experience = z.infer<typeof ExperienceSchema>;

export const EducationSchema = z.object({
  degree: z.string().optional(),
  /** Bachelor, Master, Doctorate, Associate, Diploma, Certificate. */
  level: z.string().optional(),
  field: z.string().optional(),
  institution: z.string().optional(),
  graduationYear: z.number().int().optional(),
});
export type Education = z.infer<typeof EducationSchema>;

export const SkillSchema = z.object({
  /** Canonical name from the skill taxonomy, e.g. `Kubernetes` for "k8s". */
  name: z.string(),
  category: z.string().optional(),
  /** Years of use inferred from the experience entries that mention it. */
  years: z.number().optional(),
});
export type Skill = z.infer<typeof SkillSchema>;

export const ProfileSchema = z.object({
  name: z.string().optional(),
  emails: z.array(z.string()).default([]),
  /** E.164 where the country could be inferred, otherwise as written. */
  phones: z.array(z.string()).default([]),
  links: z.array(z.object({ kind: z.enum(['linkedin', 'github', 'portfolio', 'other']), url: z.string() })).default([]),
  location: z.string().optional(),
  summary: z.string().optional(),
  skills: z.array(SkillSchema).default([]),
  experience: z.array(ExperienceSchema).default([]),
  education: z.array(EducationSchema).default([]),
  certifications: z.array(z.string()).default([]),
  languages: z.array(z.string()).default([]),
  /** Union of the experience intervals, in years, one decimal. */
  totalYears: z.number().default(0),
});
export type Profile = z.infer<typeof ProfileSchema>;

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
});
export type Candidate = z.infer<typeof CandidateSchema>;
