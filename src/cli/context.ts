import type { Logger } from '../model/logger.js';

/** What every command gets from the program: a logger, output style and the exit code. */
export interface CliContext {
  logger(): Logger;
  outputStyle(): { color: boolean; verbose: boolean };
  setExitCode(code: number): void;
}
