export { importResumes } from './import-resumes.js';
export type { FileOutcome, FileStatus, ImportEvent, ImportOptions, ImportReport } from './import-resumes.js';
export { ingestJobs } from './ingest-jobs.js';
export type { IngestReport, JobLineError } from './ingest-jobs.js';
export { forEachBounded, serial } from './shared/pool.js';
export { walkFiles } from './shared/walk.js';
