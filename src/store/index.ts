export type { RunRecord, RunSummary, Store, StoredChange, StoredInventory } from './store.js';
export { StoreError, STORE_ERROR_CODES, type StoreErrorCode } from './errors.js';
export { defaultDbPath } from './paths.js';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './sqlite/migrations.js';
