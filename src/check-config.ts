import { loadConfig } from './config/config.js';
import { readEnvironment } from './config/env.js';

/**
 * `node dist/check-config.js` (before `npm start`'s build steps): validates the environment (and `.env`) in well under a
 * second and exits 1 with the problem, so that a start script can fail before any slow build step.
 */
try {
  loadConfig(readEnvironment());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
