/** Parsing of the options shared by `talent match` and `talent report`. */
import { WeightsSchema, type MatchFilters, type MatchOptions, type Weights } from '../../sdk/index.js';
import { TalentError } from '../../sdk/errors.js';
import { positiveInt } from './options.js';

const usage = (message: string, hint: string) => new TalentError(message, { code: 'E_USAGE', fault: 'user', hint });

const WEIGHT_NAMES = Object.keys(WeightsSchema.parse({})) as Array<keyof Weights>;

/** `requiredSkills=0.5,semantic=0.3` → a partial weights object; unknown names and bad numbers are usage errors. */
export function parseWeights(value: unknown): Partial<Weights> {
  const out: Partial<Weights> = {};
  for (const pair of String(value).split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, raw] = pair.split('=').map((s) => s.trim());
    if (!WEIGHT_NAMES.includes(name as keyof Weights)) {
      throw usage(`--weights: unknown component "${name}"`, `Components: ${WEIGHT_NAMES.join(', ')}. Example: --weights requiredSkills=0.5,semantic=0.3`);
    }
    const n = Number(raw);
    if (raw === undefined || raw === '' || !Number.isFinite(n) || n < 0) {
      throw usage(`--weights: "${pair}" needs a number ≥ 0`, 'Example: --weights requiredSkills=0.5,semantic=0.3');
    }
    out[name as keyof Weights] = n;
  }
  return out;
}

function nonNegative(value: unknown, flag: string, max = Infinity): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > max) throw usage(`${flag} must be a number between 0 and ${max}, got "${String(value)}"`, `Example: ${flag} ${max === 1 ? '0.5' : '3'}`);
  return n;
}

/** The ranking options (`--top`, `--weights`, `--blind`, filters) from parsed flags. */
export function matchOptionsFrom(options: Record<string, unknown>): MatchOptions {
  const filters: MatchFilters = {};
  if (options.minScore !== undefined) filters.minScore = nonNegative(options.minScore, '--min-score', 1);
  if (options.minYears !== undefined) filters.minYears = nonNegative(options.minYears, '--min-years', 60);
  if (options.location !== undefined) {
    const loc = String(options.location).trim();
    if (!loc) throw usage('--location needs a place', 'Example: --location "Seattle, WA" or --location WA');
    filters.location = loc;
  }
  if (options.skills !== undefined) {
    const skills = String(options.skills).split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    if (skills.length === 0) throw usage('--skills needs at least one skill', 'Example: --skills Go,Kubernetes');
    filters.skills = skills;
  }
  return {
    top: positiveInt(options.top ?? 10, '--top'),
    ...(options.weights !== undefined ? { weights: parseWeights(options.weights) } : {}),
    ...(options.blind ? { blind: true } : {}),
    ...(Object.keys(filters).length ? { filters } : {}),
  };
}
