/** Terminal facts and stderr messaging. stdout is reserved for result data. */
export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
}

export const defaultIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });

const isCi = (io: Io) => Boolean(io.env.CI) && io.env.CI !== 'false' && io.env.CI !== '0';

/** Prompts only when a person is there: stdin and stdout are terminals, not CI, and no --yes. */
export function canPrompt(io: Io, yes = false): boolean {
  return !yes && Boolean(io.stdin.isTTY && io.stdout.isTTY) && !isCi(io);
}

/** Spinners and bars only on a terminal stderr outside CI. */
export function canAnimate(io: Io): boolean {
  return Boolean(io.stderr.isTTY) && !isCi(io) && io.env.TERM !== 'dumb';
}

export function useColour(io: Io, stream: NodeJS.WriteStream = io.stderr): boolean {
  return io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb' && Boolean(stream.isTTY);
}

export function paint(io: Io, code: number, text: string, stream?: NodeJS.WriteStream): string {
  return useColour(io, stream) ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export const say = (io: Io, line: string) => io.stderr.write(`${line}\n`);
export const warn = (io: Io, line: string) => io.stderr.write(`${paint(io, 33, 'warning')} ${line}\n`);

/**
 * Progress on stderr: an ora spinner on a terminal; elsewhere a plain line at
 * most every few seconds, so CI logs show life without noise.
 */
export async function progress(io: Io, initial: string, intervalMs = 3000) {
  if (canAnimate(io)) {
    const { default: ora } = await import('ora');
    const spinner = ora({ text: initial, stream: io.stderr }).start();
    return {
      update: (text: string) => void (spinner.text = text),
      stop: () => void spinner.stop(),
    };
  }
  let last = 0;
  return {
    update: (text: string) => {
      const now = Date.now();
      if (now - last >= intervalMs) {
        last = now;
        say(io, text);
      }
    },
    stop: () => undefined,
  };
}
