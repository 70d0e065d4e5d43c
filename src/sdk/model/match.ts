import { z } from 'zod';

export const ScoreComponentSchema = z.object({
  /** requiredSkills | niceToHaveSkills | semantic | keyword | experience */
  name: z.string(),
  /** The component's own value in [0, 1]. */
  value: z.number(),
  weight: z.number(),
  /** value × weight / Σ weights: the part of the final score it contributes. */
  contribution: z.number(),
});
export type ScoreComponent = z.infer<typeof ScoreComponentSchema>;

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
});
export type Explanation = z.infer<typeof ExplanationSchema>;

export const MatchSchema = z.object({
  rank: z.number().int(),
  candidateId: z.string(),
  name: z.string().nullable(),
  /** In [0, 1]. */
  score: z.number(),
  /** The path of the imported resume. */
  source: z.string(),
  explanation: ExplanationSchema,
});
export type Match = z.infer<typeof MatchSchema>;
