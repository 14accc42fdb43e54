import { WardenError } from '../model/errors.js';

export const STORE_ERROR_CODES = [
  /** The database was written by a newer mcp-warden (a schema version this build does not know). */
  'store-newer-schema',
  /** The file exists but is not a SQLite database. */
  'store-not-a-database',
  /** A SQLite database that belongs to something else (tables, but no mcp-warden schema). */
  'store-foreign-database',
  /** The folder or the file could not be created or opened. */
  'store-open-failed',
  /** A stored row does not have the shape this build expects. */
  'store-corrupt',
  /** A run id that is not in the store. */
  'store-unknown-run',
  /** A call with an argument out of range (a negative limit). */
  'store-invalid-argument',
  /** A call after `close()`. */
  'store-closed',
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** An expected failure of the store the user can act on; the message names the path and a fix. */
export class StoreError extends WardenError {
  declare readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'StoreError';
  }
}
