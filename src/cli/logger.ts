import type { Logger } from '../model/logger.js';

export interface CliLoggerOptions {
  quiet: boolean;
  verbose: boolean;
  /** Progress lines only on an interactive terminal. */
  progress: boolean;
}

/** Everything but the report goes to stderr, so stdout stays machine-readable. */
export function createCliLogger(options: CliLoggerOptions): Logger {
  const write = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  return {
    debug: (m) => {
      if (options.verbose) write(`debug: ${m}`);
    },
    info: (m) => {
      if (!options.quiet) write(m);
    },
    warn: (m) => {
      write(`warning: ${m}`);
    },
    progress: (m) => {
      if (options.progress && !options.quiet) write(`… ${m}`);
    },
  };
}
