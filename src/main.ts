import { loadConfig, type Config } from './config/config.js';
import { readEnvironment } from './config/env.js';
import { StartupError } from './config/startup-error.js';

/**
 * The entry point. Configuration is read and checked before anything else is even loaded, so a bad
 * variable is reported at once; then the server starts (see start-sluice.ts).
 */
function loadConfigOrExplain(): Config {
  try {
    return loadConfig(readEnvironment());
  } catch (error) {
    throw new StartupError(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExplain();
  const { startSluice } = await import('./start-sluice.js');
  await startSluice(config);
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
