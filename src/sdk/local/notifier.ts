import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MatchNotification, Notifier } from '../ports/index.js';

/** Writes each notification as one JSON line to a stream (stdout by default). */
export class StreamNotifier implements Notifier {
  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {}
  async notify(n: MatchNotification): Promise<void> {
    this.stream.write(`${JSON.stringify({ type: 'match.notification', ...n })}\n`);
  }
}

/** Appends each notification as one JSON line to a file. */
export class FileNotifier implements Notifier {
  constructor(private readonly file: string) {}
  async notify(n: MatchNotification): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify({ type: 'match.notification', ...n })}\n`);
  }
}
