/** Libraries receive a logger; only the CLI decides where it writes. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  /** Progress on long work; may be shown on a terminal and hidden elsewhere. */
  progress(message: string): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  progress: () => undefined,
};
