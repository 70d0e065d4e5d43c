import { z } from 'zod';

const skillList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[,;|]/)).map((s) => s.trim()).filter(Boolean));

/** The input shape of a job, as written in JSONL, JSON or CSV. Validated on ingest. */
export const JobInputSchema = z.object({
  id: z.string().trim().min(1, 'id is required'),
  title: z.string().trim().min(1, 'title is required'),
  description: z.string().default(''),
  requiredSkills: skillList.default([]),
  niceToHaveSkills: skillList.default([]),
  minYears: z.coerce.number().min(0).max(60).default(0),
  location: z.string().trim().optional(),
  /** Skills a candidate must have to be ranked at all (also counted as required skills). */
  mustHave: skillList.optional(),
});
export type JobInput = z.input<typeof JobInputSchema>;

export const JobSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  /** Canonical skill names (taxonomy-normalised). */
  requiredSkills: z.array(z.string()),
  niceToHaveSkills: z.array(z.string()),
  minYears: z.number(),
  location: z.string().optional(),
  /** Canonical names of the must-have skills (a subset of, or added to, `requiredSkills`). */
  mustHave: z.array(z.string()).optional(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof JobSchema>;
