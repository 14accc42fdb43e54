export { loadPackage, isPathTarget } from './load.js';
export type { LoadOptions } from './load.js';
export {
  fetchPackument,
  packumentUrl,
  readVersion,
  selectVersion,
  PackumentSchema,
  PackumentVersionSchema,
  MAX_PACKUMENT_BYTES,
} from './packument.js';
export type { Packument, PackumentVersion, PackumentOptions, FetchedPackument } from './packument.js';
export { resolveRegistry, tokenFor, safeUrl, RegistryToken, DEFAULT_REGISTRY } from './npmrc.js';
export type { RegistryConfig, NpmEnvironment } from './npmrc.js';
export { unpackTarball, ARCHIVE_PATH } from './unpack.js';
export { readFolder } from './folder.js';
export type { UnpackedFiles } from './collector.js';
export { parseSpec, isValidName, formatSpec } from './spec.js';
export type { PackageSpec, VersionRequest } from './spec.js';
export { DEFAULT_UNPACK_LIMITS, resolveLimits } from './limits.js';
export type { UnpackLimits } from './limits.js';
export { parseVersion, parseRange, satisfies, maxSatisfying, compareVersions } from './semver.js';
export type { SemVer, Range } from './semver.js';
