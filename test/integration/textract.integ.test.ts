/**
 * The Textract extractor through aws-sdk-client-mock, answering with the
 * documented response shapes (test/fixtures/textract.ts): synchronous
 * DetectDocumentText for images, the asynchronous job (IN_PROGRESS →
 * SUCCEEDED, NextToken pagination) for scanned PDFs staged in S3, and the
 * error cases.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  DetectDocumentTextCommand,
  GetDocumentTextDetectionCommand,
  StartDocumentTextDetectionCommand,
  TextractClient,
  ThrottlingException,
  UnsupportedDocumentException,
} from '@aws-sdk/client-textract';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { S3BlobStore } from '../../src/sdk/aws/s3-blob-store.js';
import { TextractExtractor } from '../../src/sdk/aws/textract-extractor.js';
import { linesInReadingOrder } from '../../src/sdk/aws/textract-lines.js';
import { LocalTextExtractor } from '../../src/sdk/local/extract.js';
import { clearAwsEnv } from '../helpers/aws-emulators.js';
import { ROOT } from '../helpers/cli.js';
import { makeScannedPdf } from '../fixtures/scanned-pdf.js';
import { detectResponse, getResponse, pageBlocks, SCANNED_RESUME } from '../fixtures/textract.js';

clearAwsEnv();
const textract = mockClient(TextractClient);
const s3 = mockClient(S3Client);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
let scannedPdf: Uint8Array;
let waits: number[];

const extractor = (o: Partial<ConstructorParameters<typeof TextractExtractor>[1]> = {}) =>
  new TextractExtractor(new TextractClient({ region: 'us-east-1' }), {
    local: new LocalTextExtractor(),
    staging: new S3BlobStore(new S3Client({ region: 'us-east-1' }), { bucket: 'talent-docs' }),
    sleep: async (ms) => void waits.push(ms),
    ...o,
  });

beforeAll(async () => {
  scannedPdf = await makeScannedPdf();
});
beforeEach(() => {
  textract.reset();
  s3.reset();
  s3.on(HeadObjectCommand).rejects(Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } }));
  s3.on(PutObjectCommand).resolves({ $metadata: {} });
  waits = [];
});

describe('Textract extractor', () => {
  it('reads an image with DetectDocumentText and rebuilds lines in reading order', async () => {
    const blocks = pageBlocks(1, SCANNED_RESUME[0]!);
    // Textract's block order is not a promise: shuffle the LINEs.
    const [page, ...rest] = blocks;
    textract.on(DetectDocumentTextCommand).resolves(detectResponse([page!, ...rest.reverse()]));
    const out = await extractor().extract({ bytes: PNG, fileName: 'scan.png' });
    expect(textract.commandCalls(DetectDocumentTextCommand)[0]!.args[0].input).toEqual({ Document: { Bytes: PNG } });
    expect(out.mediaType).toBe('image/png');
    expect(out.text.split('\n')).toEqual([
      'Olivia Brennan',
      'olivia.brennan@example.com | +1 415 555 0139 | Portland, OR',
      '',
      'EXPERIENCE',
      '',
      'Senior Data Engineer, Cascade Analytics Inc. 2019-03 – Present',
      'Built Spark and Airflow pipelines on AWS; Python, SQL, Kafka.',
    ]);
  });

  it('OCRs a scanned multi-page PDF through the async API: staged in S3, polled, paginated by NextToken', async () => {
    const [p1, p2] = SCANNED_RESUME.map((lines, i) => pageBlocks(i + 1, lines));
    textract.on(StartDocumentTextDetectionCommand).resolves({ $metadata: {}, JobId: 'job-1' });
    textract
      .on(GetDocumentTextDetectionCommand, { JobId: 'job-1', MaxResults: 1000, NextToken: undefined })
      .resolvesOnce(getResponse({ JobStatus: 'IN_PROGRESS' }))
      .resolvesOnce(getResponse({ JobStatus: 'IN_PROGRESS' }))
      .resolves(getResponse({ JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: 2 }, Blocks: p1, NextToken: 'token-2' }));
    textract.on(GetDocumentTextDetectionCommand, { JobId: 'job-1', MaxResults: 1000, NextToken: 'token-2' }).resolves(getResponse({ JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: 2 }, Blocks: p2 }));

    const out = await extractor().extract({ bytes: scannedPdf, fileName: 'scan.pdf' });
    const sha = createHash('sha256').update(scannedPdf).digest('hex');
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({ Bucket: 'talent-docs', Key: `resumes/${sha}.pdf`, ContentType: 'application/pdf' });
    expect(textract.commandCalls(StartDocumentTextDetectionCommand)[0]!.args[0].input).toEqual({
      DocumentLocation: { S3Object: { Bucket: 'talent-docs', Name: `resumes/${sha}.pdf` } },
      ClientRequestToken: sha,
    });
    expect(waits).toEqual([1000, 2000]);
    expect(textract.commandCalls(GetDocumentTextDetectionCommand)).toHaveLength(4);
    expect(out).toMatchObject({ mediaType: 'application/pdf', pages: 2, warnings: [] });
    expect(out.text.indexOf('Olivia Brennan')).toBe(0);
    expect(out.text.indexOf('EDUCATION')).toBeGreaterThan(out.text.indexOf('Kafka.'));
    expect(out.text).toContain('Python, SQL, Apache Spark, Airflow, Kafka, AWS, Terraform');
  });

  it('reads PDFs with a text layer locally and never calls Textract (unless told to)', async () => {
    const pdf = readFileSync(join(ROOT, 'samples', 'resumes', 'marcus-chen.pdf'));
    const local = await extractor().extract({ bytes: pdf, fileName: 'marcus.pdf' });
    expect(local.text).toContain('Marcus Chen');
    expect(textract.calls()).toHaveLength(0);

    textract.on(StartDocumentTextDetectionCommand).resolves({ $metadata: {}, JobId: 'job-2' });
    textract.on(GetDocumentTextDetectionCommand).resolves(getResponse({ JobStatus: 'SUCCEEDED', Blocks: pageBlocks(1, SCANNED_RESUME[1]!) }));
    const ocr = await extractor({ pdfs: 'always' }).extract({ bytes: pdf, fileName: 'marcus.pdf' });
    expect(ocr.text).toContain('EDUCATION');
    expect(textract.commandCalls(StartDocumentTextDetectionCommand)).toHaveLength(1);
  });

  it('reads DOCX locally: Textract does not read DOCX', async () => {
    const docx = readFileSync(join(ROOT, 'samples', 'resumes', 'priya-raman.docx'));
    expect((await extractor().extract({ bytes: docx })).mediaType).toContain('wordprocessingml');
    expect(textract.calls()).toHaveLength(0);
  });

  it('reads a WebP image with the local OCR: Textract reads JPEG, PNG and TIFF only', async () => {
    const img = await loadImage(readFileSync(join(ROOT, 'test', 'fixtures', 'formats', 'resume.png')));
    const canvas = createCanvas(img.width, img.height);
    canvas.getContext('2d').drawImage(img, 0, 0);
    const out = await extractor().extract({ bytes: new Uint8Array(canvas.toBuffer('image/webp')), fileName: 'photo.webp' });
    expect(out.mediaType).toBe('image/webp');
    expect(out.text).toContain('dana.whitfield@example.com');
    expect(textract.calls()).toHaveLength(0);
  });

  it('a FAILED job is an extraction error naming the file and Textract status message', async () => {
    textract.on(StartDocumentTextDetectionCommand).resolves({ $metadata: {}, JobId: 'job-3' });
    textract.on(GetDocumentTextDetectionCommand).resolves(getResponse({ JobStatus: 'FAILED', StatusMessage: 'Request has unsupported document format' }));
    await expect(extractor().extract({ bytes: scannedPdf, fileName: 'bad.pdf' })).rejects.toMatchObject({
      name: 'ExtractionError',
      code: 'E_TEXTRACT_FAILED',
      file: 'bad.pdf',
      message: expect.stringContaining('unsupported document format'),
    });
  });

  it('PARTIAL_SUCCESS keeps the text and reports warnings', async () => {
    textract.on(StartDocumentTextDetectionCommand).resolves({ $metadata: {}, JobId: 'job-4' });
    textract.on(GetDocumentTextDetectionCommand).resolves(
      getResponse({ JobStatus: 'PARTIAL_SUCCESS', StatusMessage: 'Some pages could not be read', Warnings: [{ ErrorCode: 'INTERNAL_ERROR', Pages: [2] }], Blocks: pageBlocks(1, SCANNED_RESUME[0]!) }),
    );
    const out = await extractor().extract({ bytes: scannedPdf, fileName: 'partial.pdf' });
    expect(out.warnings).toEqual(['Textract: INTERNAL_ERROR on pages 2', 'Textract read only part of the document: Some pages could not be read']);
  });

  it('a job that stays IN_PROGRESS past the timeout is a retryable error', async () => {
    textract.on(StartDocumentTextDetectionCommand).resolves({ $metadata: {}, JobId: 'job-5' });
    textract.on(GetDocumentTextDetectionCommand).resolves(getResponse({ JobStatus: 'IN_PROGRESS' }));
    await expect(extractor({ jobTimeoutMs: 0 }).extract({ bytes: scannedPdf, fileName: 'slow.pdf' })).rejects.toMatchObject({ code: 'E_TEXTRACT_TIMEOUT', retryable: true });
  });

  it('throttling (ThrottlingException) becomes a retryable RateLimitError', async () => {
    textract.on(DetectDocumentTextCommand).rejects(new ThrottlingException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } }));
    await expect(extractor().extract({ bytes: PNG, fileName: 'scan.png' })).rejects.toMatchObject({ name: 'RateLimitError', code: 'E_AWS_THROTTLED', retryable: true, provider: 'aws:textract' });
  });

  it('an unsupported document is the file’s fault, with the file named', async () => {
    textract.on(DetectDocumentTextCommand).rejects(new UnsupportedDocumentException({ message: 'Request has unsupported document format', $metadata: { httpStatusCode: 400 } }));
    await expect(extractor().extract({ bytes: PNG, fileName: 'odd.png' })).rejects.toMatchObject({ name: 'ExtractionError', code: 'E_UNSUPPORTED_FORMAT', file: 'odd.png' });
  });
});

describe('linesInReadingOrder', () => {
  it('orders pages, then rows top to bottom, then left to right within a row', () => {
    const blocks = [...pageBlocks(2, [{ text: 'second page', top: 0.1, left: 0.1 }]), ...pageBlocks(1, [
      { text: 'right', top: 0.1002, left: 0.6 },
      { text: 'left', top: 0.1, left: 0.1 },
      { text: 'below', top: 0.115, left: 0.1 },
    ])];
    expect(linesInReadingOrder(blocks)).toEqual({ text: 'left right\nbelow\n\n\nsecond page', pages: 2 });
  });
});
