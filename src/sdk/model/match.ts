import { z } from 'zod';

export const ScoreComponentSchema = z.object({
  /** requiredSkills | niceToHaveSkills | semantic | keyword | experience | title | location */
  name: z.string(),
  /** The component's own value in [0, 1]. */
  value: z.number(),
  weight: z.number(),
  /** value × weight / Σ weights: the part of the final score it contributes. */
  contribution: z.number(),
});
export type ScoreComponent = z.infer<typeof ScoreComponentSchema>;

/** A line of the resume supporting a verdict; `line` is 1-based in the stored text. */
export const EvidenceSchema = z.object({ line: z.number().int(), text: z.string() });
export type Evidence = z.infer<typeof EvidenceSchema>;

/** One requirement of the job and how the candidate meets it. */
export const RequirementCheckSchema = z.object({
  /** `skill` (required), `niceToHave`, `experience` (minimum years), `location`, `title`. */
  kind: z.enum(['skill', 'niceToHave', 'experience', 'location', 'title']),
  /** What the job asks: the skill's name, "5+ years", "Seattle, WA", the title. */
  requirement: z.string(),
  /** A must-have requirement: a candidate who does not meet it is not ranked. */
  mustHave: z.boolean(),
  verdict: z.enum(['met', 'partial', 'missing']),
  /** Why, in words: "8.5 years", "MySQL, not PostgreSQL", "lives in Boston, MA". */
  detail: z.string().optional(),
  /** Resume lines that support the verdict (at most three). */
  evidence: z.array(EvidenceSchema),
});
export type RequirementCheck = z.infer<typeof RequirementCheckSchema>;

export const ExplanationSchema = z.object({
  components: z.array(ScoreComponentSchema),
  matchedRequiredSkills: z.array(z.string()),
  missingRequiredSkills: z.array(z.string()),
  matchedNiceToHaveSkills: z.array(z.string()),
  /** Cosine similarity between the job and the resume embeddings, in [-1, 1]. */
  semanticSimilarity: z.number(),
  candidateYears: z.number(),
  requiredYears: z.number(),
  /** Ranks in the two retrieval lists before fusion (absent when not retrieved by that list). */
  retrieval: z.object({ vectorRank: z.number().optional(), keywordRank: z.number().optional() }),
  summary: z.string(),
  /** Every requirement of the job with its verdict and the resume lines behind it. */
  requirements: z.array(RequirementCheckSchema).optional(),
  /** Required skills met only in part (see `requirements` for why). */
  partialRequiredSkills: z.array(z.string()).optional(),
  /** Title similarity in [0, 1] and the candidate's title it came from. */
  title: z.object({ similarity: z.number(), bestTitle: z.string().optional() }).optional(),
  /** Set when the match was computed in blind mode (no location fit; personal details hidden). */
  blind: z.boolean().optional(),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

export const MatchSchema = z.object({
  rank: z.number().int(),
  candidateId: z.string(),
  /** Null when unknown, and always in blind mode. */
  name: z.string().nullable(),
  /** In [0, 1]. */
  score: z.number(),
  /** The path of the imported resume (hidden in blind mode: file names often carry the name). */
  source: z.string(),
  explanation: ExplanationSchema,
});
export type Match = z.infer<typeof MatchSchema>;

/** A job ranked for one candidate (`talent match --candidate`). */
export const JobMatchSchema = z.object({
  rank: z.number().int(),
  jobId: z.string(),
  title: z.string(),
  location: z.string().optional(),
  score: z.number(),
  explanation: ExplanationSchema,
});
export type JobMatch = z.infer<typeof JobMatchSchema>;
