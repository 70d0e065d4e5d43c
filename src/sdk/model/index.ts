export * from './profile.js';
export * from './job.js';
export * from './match.js';
