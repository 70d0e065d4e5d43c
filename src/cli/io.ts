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

/** What a counting progress display shows besides the count. */
export interface CountProgress {
  /** Sets (or raises) the number of items expected; unknown until then. */
  setTotal(total: number): void;
  /** `done` items so far; `note` is appended (e.g. "3 failed"). */
  update(done: number, note?: string): void;
  /** Stops the display and leaves the terminal line clean. */
  stop(): void;
}

const formatDuration = (s: number) => {
  if (!Number.isFinite(s) || s < 0) return '?';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.round(s % 60);
  return h ? `${h}h ${m}m` : m ? `${m}m ${sec}s` : `${sec}s`;
};

/**
 * Rate over a sliding window of recent samples (not since the start), so model
 * loading and early batches do not skew the ETA of a long run.
 */
export function rateMeter(windowMs = 15_000, now: () => number = () => performance.now()) {
  const samples: Array<[number, number]> = [[now(), 0]];
  return (done: number): number => {
    const t = now();
    samples.push([t, done]);
    while (samples.length > 2 && t - samples[0]![0] > windowMs) samples.shift();
    const [t0, d0] = samples[0]!;
    return t > t0 ? ((done - d0) * 1000) / (t - t0) : 0;
  };
}

/** One progress line: `label 1200/10000 (12%) · 21.3/s · ETA 6m 52s · note`. */
export function progressLine(label: string, done: number, total: number | undefined, rate: number, note?: string): string {
  const parts = [total ? `${label} ${done}/${total} (${Math.floor((100 * done) / total)}%)` : `${label} ${done}`, `${rate.toFixed(1)}/s`];
  if (total && rate > 0) parts.push(`ETA ${formatDuration((total - done) / rate)}`);
  if (note) parts.push(note);
  return parts.join(' · ');
}

/**
 * Progress of a counted job on stderr: a cli-progress bar with count, rate and
 * ETA on a terminal (outside CI); elsewhere a plain line every `intervalMs`
 * (env TALENT_PROGRESS_INTERVAL_MS, default 5 s) and one at the end.
 */
export async function countProgress(io: Io, label: string, intervalMs = Number(io.env.TALENT_PROGRESS_INTERVAL_MS ?? 5000)): Promise<CountProgress> {
  const rate = rateMeter();
  let total: number | undefined;
  if (canAnimate(io)) {
    const { SingleBar } = await import('cli-progress');
    const colour = useColour(io);
    let note = '';
    let perSecond = 0;
    const bar = new SingleBar({
      stream: io.stderr,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      format: (options, params) => {
        const size = options.barsize ?? 30;
        const filled = total ? Math.round(params.progress * size) : 0;
        const body = `${'█'.repeat(filled)}${'░'.repeat(size - filled)}`;
        return `${label} ${colour ? `\u001b[36m${body}\u001b[0m` : body} ${progressLine('', params.value, total, perSecond, note).trim()}`;
      },
    });
    bar.start(0, 0);
    return {
      setTotal: (n) => {
        total = n;
        bar.setTotal(n);
      },
      update: (done, n) => {
        note = n ?? '';
        perSecond = rate(done);
        if (total !== undefined && done > total) bar.setTotal((total = done));
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let last = performance.now();
  let lastDone = -1;
  let done = 0;
  let note: string | undefined;
  const line = () => progressLine(label, done, total, rate(done), note);
  return {
    setTotal: (n) => void (total = n),
    update: (d, n) => {
      done = d;
      note = n;
      const t = performance.now();
      if (t - last >= intervalMs) {
        last = t;
        lastDone = d;
        say(io, line());
      }
    },
    stop: () => {
      if (done !== lastDone && done > 0) say(io, line());
    },
  };
}
