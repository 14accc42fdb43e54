import type { LoadedPackage } from '../../model/package.js';
import type { FileLocation } from '../../model/finding.js';
import type { Severity } from '../../model/severity.js';
import { parseJson } from '../../discovery/parsers/json.js';
import type { ParsedDocument } from '../../discovery/parsers/document.js';
import type { Rule, RuleHit } from '../define-rule.js';
import type { Packument } from './packument.js';

/** What every package rule sees: one package, its registry metadata when online, and the clock. */
export interface PackageRuleContext {
  /** Manifest and files, in memory; nothing of it was executed. */
  pkg: LoadedPackage;
  /** Registry metadata; undefined offline or for local targets. */
  packument?: Packument;
  /** The time the analysis runs at, for rules about age. */
  now: Date;
}

export type PackageRule = Rule<PackageRuleContext>;

export const MANIFEST = 'package.json';
const EVIDENCE_LIMIT = 200;

const documents = new WeakMap<LoadedPackage, ParsedDocument | null>();

/** The text of a package file decoded as UTF-8 (without a byte-order mark), or undefined. */
export function fileText(pkg: LoadedPackage, path: string): string | undefined {
  const file = pkg.files.find((f) => f.path === path);
  if (file === undefined) return undefined;
  const text = file.data.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function manifestDocument(pkg: LoadedPackage): ParsedDocument | undefined {
  const cached = documents.get(pkg);
  if (cached !== undefined) return cached ?? undefined;
  const text = fileText(pkg, MANIFEST);
  const outcome = text === undefined ? undefined : parseJson(text, 'json');
  const doc = outcome?.ok === true ? outcome.doc : null;
  documents.set(pkg, doc);
  return doc ?? undefined;
}

/** Where a key of `package.json` sits (`['scripts', 'postinstall']`); the file alone when not found. */
export function manifestLocation(pkg: LoadedPackage, path: readonly string[]): FileLocation {
  const location: FileLocation = { file: MANIFEST };
  const position = manifestDocument(pkg)?.entryAt(path);
  if (position !== undefined) {
    location.line = position.line;
    location.column = position.column;
  }
  if (path.length > 0) location.field = path.join('.');
  return location;
}

/** A hit on a key of `package.json`. */
export function manifestHit(
  pkg: LoadedPackage,
  path: readonly string[],
  message: string,
  evidence?: string,
  severity?: Severity,
): RuleHit {
  const hit: RuleHit = { target: pkg.ref, location: manifestLocation(pkg, path), message };
  if (evidence !== undefined) hit.evidence = truncate(evidence);
  if (severity !== undefined) hit.severity = severity;
  return hit;
}

/** Evidence cut to a readable length. */
export function truncate(text: string, limit = EVIDENCE_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** A plain-object field of the manifest, or undefined. */
export function manifestRecord(pkg: LoadedPackage, key: string): Record<string, unknown> | undefined {
  const value = pkg.manifest?.[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A string field of the manifest, or undefined. */
export function manifestString(pkg: LoadedPackage, key: string): string | undefined {
  const value = pkg.manifest?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The package's name: from the loader, else from the manifest. */
export function packageName(pkg: LoadedPackage): string | undefined {
  return pkg.name ?? manifestString(pkg, 'name');
}

/** The package's version: from the loader, else from the manifest. */
export function packageVersion(pkg: LoadedPackage): string | undefined {
  return pkg.version ?? manifestString(pkg, 'version');
}
