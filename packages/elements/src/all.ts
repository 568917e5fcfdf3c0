/** Registers every motcua element (side effect) and re-exports the public API. */
import './dossier-lookup/define.js';
import './rating/define.js';
import './procedure-finder/define.js';
import './counter-directory/define.js';
import './stats/define.js';

export * from './index.js';
