import { createWorker } from './worker';

/** The worker's entry point (wrangler.toml `main`). */
export default createWorker();
