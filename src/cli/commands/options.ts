import { TalentError } from '../../sdk/errors.js';

/** Parses a positive integer flag or throws a usage error naming it. */
export function positiveInt(value: unknown, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new TalentError(`${flag} must be a positive whole number, got "${String(value)}"`, { code: 'E_USAGE', fault: 'user', hint: `Example: ${flag} 10` });
  }
  return n;
}
