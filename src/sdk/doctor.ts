/**
 * `talent doctor`: checks that the configured backend can work, and says how
 * to fix what cannot. The checks themselves live with their backend
 * (local/doctor.ts, aws/doctor.ts); `diagnose` in factory.ts picks one.
 */
import { toTalentError, type TalentError } from './errors.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface DoctorCheck {
  /** What was checked, e.g. `credentials`, `dynamodb table`. */
  name: string;
  status: CheckStatus;
  /** What was found: the account, the table's state, the error. */
  detail: string;
  /** How to fix a warn or fail. */
  hint?: string;
  /** The error code behind a failure. */
  code?: string;
}

export interface DoctorReport {
  backend: 'local' | 'aws';
  checks: DoctorCheck[];
  /** True when no check failed (warnings allowed). */
  ok: boolean;
  /** True when credentials are missing or invalid (the CLI exits 4). */
  credentialsFailed: boolean;
}

/** Runs one check: a thrown error becomes a failed check carrying the error's code and hint. */
export async function check(name: string, fn: () => Promise<Omit<DoctorCheck, 'name'>>): Promise<DoctorCheck> {
  try {
    return { name, ...(await fn()) };
  } catch (err) {
    const e: TalentError = toTalentError(err);
    return { name, status: 'fail', detail: e.message, ...(e.hint ? { hint: e.hint } : {}), code: e.code };
  }
}

export function report(backend: DoctorReport['backend'], checks: DoctorCheck[], credentialsFailed = false): DoctorReport {
  return { backend, checks, ok: checks.every((c) => c.status !== 'fail'), credentialsFailed };
}
