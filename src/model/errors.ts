/** A bug-free failure the user can fix: bad flags, an unreadable target. Exit code 2. */
export class WardenError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WardenError';
    this.code = code;
  }
}
