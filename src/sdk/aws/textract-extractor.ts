import { createHash } from 'node:crypto';
import type { Block, TextractClient } from '@aws-sdk/client-textract';
import { ConfigError, ExtractionError, ProviderUnavailableError, TalentError } from '../errors.js';
import { detectType } from '../local/detect.js';
import type { ExtractedText, ExtractInput, TextExtractor } from '../ports/index.js';
import { awsCall, sleep as realSleep, translateAwsError } from './errors.js';
import type { S3BlobStore } from './s3-blob-store.js';
import { linesInReadingOrder } from './textract-lines.js';

/** The image formats Textract's DetectDocumentText reads. */
const TEXTRACT_IMAGES = new Set(['image/jpeg', 'image/png', 'image/tiff']);

/** DetectDocumentText takes at most 10 MB of bytes inline (Textract quotas). */
const SYNC_MAX_BYTES = 10 * 1024 * 1024;
const MIN_LETTERS = 20;

export interface TextractExtractorOptions {
  /** Reads DOCX, text, and PDFs that have a text layer (Textract does not read DOCX). */
  local: TextExtractor;
  /** Where PDFs are staged for the asynchronous API, which reads from S3 only. */
  staging: S3BlobStore;
  /** `when-no-text` (default): Textract only for PDFs without a text layer. `always`: every PDF. */
  pdfs?: 'when-no-text' | 'always';
  /** Longest wait for an asynchronous job. Default 10 minutes. */
  jobTimeoutMs?: number;
  /** First poll delay; doubles up to `maxPollMs`. Default 1 s. */
  pollMs?: number;
  maxPollMs?: number;
  /** Injected by tests so polling takes no wall time. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * OCR through Amazon Textract, composed with the local extractor rather than
 * duplicating it: images go to DetectDocumentText (synchronous, one page);
 * PDFs go to the local reader first and, when they have no text layer (a scan),
 * to StartDocumentTextDetection + GetDocumentTextDetection, which read
 * multi-page PDFs from S3. Everything else is read locally.
 */
export class TextractExtractor implements TextExtractor {
  private readonly pdfs: 'when-no-text' | 'always';
  private readonly jobTimeoutMs: number;
  private readonly pollMs: number;
  private readonly maxPollMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly textract: TextractClient, private readonly options: TextractExtractorOptions) {
    this.pdfs = options.pdfs ?? 'when-no-text';
    this.jobTimeoutMs = options.jobTimeoutMs ?? 600_000;
    this.pollMs = options.pollMs ?? 1000;
    this.maxPollMs = options.maxPollMs ?? 5000;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Closes the local extractor (its worker thread). */
  async close(): Promise<void> {
    await this.options.local.close?.();
  }

  async extract(input: ExtractInput): Promise<ExtractedText> {
    const type = detectType(input.bytes);
    // Textract reads JPEG, PNG and TIFF; other images (WebP, BMP) go to the local OCR below.
    if (type.kind === 'image' && TEXTRACT_IMAGES.has(type.mediaType)) return this.ocrImage(input, type.mediaType);
    if (type.kind !== 'pdf' || this.pdfs === 'when-no-text') {
      try {
        return await this.options.local.extract(input);
      } catch (err) {
        // A scanned PDF has no text layer: that is what OCR is for.
        if (!(type.kind === 'pdf' && err instanceof TalentError && err.code === 'E_NO_TEXT')) throw err;
      }
    }
    return this.ocrPdf(input);
  }

  private async ocrImage({ bytes, fileName }: ExtractInput, mediaType: string): Promise<ExtractedText> {
    if (bytes.length > SYNC_MAX_BYTES) {
      throw new ExtractionError(`${fileName ?? 'image'} is ${(bytes.length / 1048576).toFixed(1)} MiB; Textract reads images up to 10 MB`, {
        code: 'E_FILE_TOO_LARGE',
        file: fileName,
        hint: 'Scale the image down or save the resume as PDF.',
      });
    }
    const { DetectDocumentTextCommand } = await import('@aws-sdk/client-textract');
    const out = await this.call('DetectDocumentText', fileName, () => this.textract.send(new DetectDocumentTextCommand({ Document: { Bytes: bytes } })));
    return this.finish(out.Blocks ?? [], mediaType, fileName, []);
  }

  private async ocrPdf({ bytes, fileName }: ExtractInput): Promise<ExtractedText> {
    const { StartDocumentTextDetectionCommand, GetDocumentTextDetectionCommand } = await import('@aws-sdk/client-textract');
    const { key } = await this.options.staging.put(bytes, { extension: 'pdf', contentType: 'application/pdf' });
    const s3 = { Bucket: this.options.staging.bucket, Name: this.options.staging.objectKey(key) };
    // The same token returns the same job for the same document: a retried import does not pay twice.
    const token = createHash('sha256').update(bytes).digest('hex');
    const started = await this.call('StartDocumentTextDetection', fileName, () =>
      this.textract.send(new StartDocumentTextDetectionCommand({ DocumentLocation: { S3Object: s3 }, ClientRequestToken: token })),
    );
    const JobId = started.JobId!;

    // Poll until the job leaves IN_PROGRESS (an SNS completion channel is the alternative for long batches).
    const deadline = Date.now() + this.jobTimeoutMs;
    let delay = this.pollMs;
    let page = await this.call('GetDocumentTextDetection', fileName, () => this.textract.send(new GetDocumentTextDetectionCommand({ JobId, MaxResults: 1000 })));
    while (page.JobStatus === 'IN_PROGRESS') {
      if (Date.now() + delay > deadline) {
        throw new ProviderUnavailableError(`Textract job ${JobId} for ${fileName ?? 'the PDF'} did not finish within ${Math.round(this.jobTimeoutMs / 1000)} s`, {
          code: 'E_TEXTRACT_TIMEOUT',
          retryable: true,
          file: fileName,
          hint: 'Run the import again (the same job is reused), or raise aws.textract.jobTimeoutSeconds.',
        });
      }
      await this.sleep(delay);
      delay = Math.min(delay * 2, this.maxPollMs);
      page = await this.call('GetDocumentTextDetection', fileName, () => this.textract.send(new GetDocumentTextDetectionCommand({ JobId, MaxResults: 1000 })));
    }
    if (page.JobStatus === 'FAILED') {
      throw new ExtractionError(`Textract could not read ${fileName ?? 'the PDF'}: ${page.StatusMessage ?? 'job failed'}`, {
        code: 'E_TEXTRACT_FAILED',
        file: fileName,
        hint: 'Textract reads PDF, JPEG, PNG and TIFF up to 3,000 pages; re-export the PDF and import it again.',
      });
    }
    const blocks: Block[] = [...(page.Blocks ?? [])];
    const warnings = (page.Warnings ?? []).map((w) => `Textract: ${w.ErrorCode} on pages ${w.Pages?.join(', ')}`);
    if (page.JobStatus === 'PARTIAL_SUCCESS') warnings.push(`Textract read only part of the document: ${page.StatusMessage ?? 'partial success'}`);
    // The results come in pages of at most MaxResults blocks, chained by NextToken.
    let next = page.NextToken;
    while (next) {
      const more = await this.call('GetDocumentTextDetection', fileName, () =>
        this.textract.send(new GetDocumentTextDetectionCommand({ JobId, MaxResults: 1000, NextToken: next })),
      );
      blocks.push(...(more.Blocks ?? []));
      next = more.NextToken;
    }
    return this.finish(blocks, 'application/pdf', fileName, warnings);
  }

  private async finish(blocks: Block[], mediaType: string, fileName: string | undefined, warnings: string[]): Promise<ExtractedText> {
    const { normaliseText } = await import('../local/extract.js');
    const { text, pages } = linesInReadingOrder(blocks);
    const normalised = normaliseText(text);
    const letters = (normalised.match(/\p{L}/gu) ?? []).length;
    if (letters < MIN_LETTERS) {
      throw new ExtractionError(`Textract found no usable text in ${fileName ?? 'the document'} (${letters} letters)`, {
        code: 'E_NO_TEXT',
        file: fileName,
        hint: 'The scan may be blank or too faint: rescan at 300 dpi or more.',
      });
    }
    return { text: normalised, mediaType, pages: pages || undefined, warnings };
  }

  /** Textract's document errors are the user's file, not a provider fault: say so with the file's name. */
  private async call<T>(operation: string, fileName: string | undefined, fn: () => Promise<T>): Promise<T> {
    try {
      return await awsCall({ service: 'textract', operation }, fn);
    } catch (err) {
      const name = ((err as TalentError).cause as { name?: string } | undefined)?.name;
      const file = fileName ?? 'the document';
      if (name === 'UnsupportedDocumentException' || name === 'BadDocumentException') {
        throw new ExtractionError(`Textract cannot read ${file}: ${(err as Error).message}`, { code: 'E_UNSUPPORTED_FORMAT', file: fileName, cause: err, hint: 'Save it as PDF, PNG or JPEG and import it again.' });
      }
      if (name === 'DocumentTooLargeException') {
        throw new ExtractionError(`${file} is too large for Textract`, { code: 'E_FILE_TOO_LARGE', file: fileName, cause: err, hint: 'Textract takes images up to 10 MB and PDFs up to 500 MB / 3,000 pages.' });
      }
      if (name === 'InvalidS3ObjectException' || name === 'InvalidKMSKeyException') {
        throw new ConfigError(`Textract could not read the staged copy of ${file} from S3: ${(err as Error).message}`, {
          code: 'E_TEXTRACT_S3_ACCESS',
          cause: err,
          hint: 'Textract reads S3 with your credentials: allow s3:GetObject on the bucket (and kms:Decrypt on aws.kmsKeyId), in the same region as Textract.',
        });
      }
      throw err instanceof TalentError ? err : translateAwsError(err, { service: 'textract', operation });
    }
  }
}
