/** Exit codes: documented in the README and stable. */
export const ExitCode = {
  Ok: 0,
  Error: 1,
  /** Bad usage, or the user cancelled. */
  Usage: 2,
  /** Finished, but some items failed. */
  Partial: 3,
  /** Missing or invalid credentials. */
  Auth: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
