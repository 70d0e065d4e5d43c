/** `talent parse` and `talent import` on the format fixtures and the bad inputs, through the built CLI. */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

const FORMATS = join(ROOT, 'test', 'fixtures', 'formats');
const BAD = join(ROOT, 'test', 'fixtures', 'bad');

describe('talent parse (built CLI)', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error(`Build first (npm run build): ${BIN} needs dist/`);
  });

  it('prints the profile of a scanned image, read by OCR from the bundled model', async () => {
    const r = await runCli(['parse', join(FORMATS, 'resume.jpg')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Dana Whitfield — Senior Backend Engineer {2}\[0\.\d\d\]$/m);
    expect(r.stdout).toContain('phone: +13125550142');
    expect(r.stdout).toMatch(/experience: 7 years, senior/);
    expect(r.stdout).toMatch(/2021-03 – present {2}Senior Software Engineer @ Lakeshore Payments Inc\., Chicago, IL/);
    expect(r.stderr).toMatch(/read by OCR/);
  });

  it('--text prints what the parser reads: a DOCX page header first', async () => {
    const r = await runCli(['parse', join(FORMATS, 'resume-header.docx'), '--text']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['Dana Whitfield', 'Senior Backend Engineer', 'Chicago, IL | (312) 555-0142 | dana.whitfield@example.com']);
    const j = await runCli(['parse', join(FORMATS, 'resume-header.docx'), '--text', '--json']);
    const out = JSON.parse(j.stdout);
    expect(out.text.startsWith('Dana Whitfield\n')).toBe(true);
    expect(out.profile.emails).toEqual(['dana.whitfield@example.com']);
  });

  it('stops quietly when the reader closes the pipe (talent parse … | head)', async () => {
    const child = spawn(process.execPath, [BIN, 'parse', join(ROOT, 'samples', 'resumes', 'marcus-chen.pdf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });

  it('--json: detection by content, whatever the name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talent-parse-'));
    copyFileSync(join(FORMATS, 'resume.odt'), join(dir, 'cv.pdf'));
    const r = await runCli(['parse', join(dir, 'cv.pdf'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.mediaType).toBe('application/vnd.oasis.opendocument.text');
    expect(out.profile).toMatchObject({ name: 'Dana Whitfield', seniority: 'senior', languages: ['English', 'Spanish'] });
    expect(Object.keys(out.profile.confidence)).toContain('totalYears');
  });

  it('imports a folder of bad files next to a good one: each bad one fails alone with its code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talent-bad-inputs-'));
    for (const f of readdirSync(BAD)) copyFileSync(join(BAD, f), join(dir, f));
    copyFileSync(join(FORMATS, 'resume.doc'), join(dir, 'good.doc'));
    const r = await runCli(['import', dir, '--json'], { env: { TALENT_DATA_DIR: mkdtempSync(join(tmpdir(), 'talent-bad-data-')), TALENT_EMBEDDER: 'fake' } });
    expect(r.code, r.stderr).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.counts).toMatchObject({ imported: 1, failed: 10 });
    const byFile = Object.fromEntries(report.failures.map((f: { file: string; error: { code: string } }) => [basename(f.file), f.error.code]));
    expect(byFile).toEqual({
      'binary.pdf': 'E_UNSUPPORTED_FORMAT',
      'empty.pdf': 'E_EMPTY_FILE',
      'encrypted.pdf': 'E_EXTRACT_ENCRYPTED_PDF',
      'encrypted.docx': 'E_EXTRACT_ENCRYPTED',
      'encrypted.odt': 'E_EXTRACT_ENCRYPTED',
      'encrypted.doc': 'E_EXTRACT_ENCRYPTED',
      'logo.png': 'E_NO_TEXT',
      'truncated.pdf': 'E_EXTRACT_CORRUPT_PDF',
      'zip-bomb.docx': 'E_ZIP_BOMB',
      'zip-bomb-forged.docx': 'E_ZIP_BOMB',
    });
    for (const f of report.failures) expect(f.error.hint).toBeTruthy();
  });
});
