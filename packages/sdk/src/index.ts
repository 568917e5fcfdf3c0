export * from './contract/index.js';
export * from './fold.js';
export * from './dossier-code.js';
export * from './status.js';
export * from './time.js';
export * from './timing.js';
export * from './deadline.js';
export * from './client/index.js';
