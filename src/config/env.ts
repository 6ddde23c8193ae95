import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/** The only module that reads `process.env`. Everything else receives a typed `Config`. */
export type Environment = Record<string, string | undefined>;

/**
 * The process environment over the variables of `.env` in the working directory, when that file
 * exists: a variable set in the real environment always wins, as with `node --env-file`.
 */
export function readEnvironment(options: { envFile?: string; environment?: Environment } = {}): Environment {
  const environment = options.environment ?? process.env;
  const file = options.envFile ?? path.resolve('.env');
  let fromFile: Environment = {};
  try {
    fromFile = parseEnv(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
  return { ...fromFile, ...environment };
}
