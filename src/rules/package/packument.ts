import { z } from 'zod';
import { fail, ok, type Result } from '../../model/result.js';

/** `repository` as npm accepts it: a string (`github:o/r`, a URL) or `{ type, url, directory }`. */
export const RepositorySchema = z.union([
  z.string(),
  z.looseObject({
    type: z.string().optional(),
    url: z.string().optional(),
    directory: z.string().optional(),
  }),
]);
export type Repository = z.infer<typeof RepositorySchema>;

/** A person as the registry records one; npm sometimes writes a bare string. */
export const PersonSchema = z.union([
  z.string(),
  z.looseObject({ name: z.string().optional(), email: z.string().optional() }),
]);
export type Person = z.infer<typeof PersonSchema>;

const StringMap = z.record(z.string(), z.string());
/** Keeps only the string values of a map (`time.unpublished` is an object). */
const StringsOnly = z
  .record(z.string(), z.unknown())
  .transform((map) =>
    Object.fromEntries(Object.entries(map).filter((e): e is [string, string] => typeof e[1] === 'string')),
  );

/** One version document of a packument; only the fields the package rules read are checked. */
export const PackumentVersionSchema = z.looseObject({
  name: z.string().optional(),
  version: z.string(),
  scripts: StringMap.optional().catch(undefined),
  dependencies: StringMap.optional().catch(undefined),
  repository: RepositorySchema.optional().catch(undefined),
  _npmUser: PersonSchema.optional().catch(undefined),
  maintainers: z.array(PersonSchema).optional().catch(undefined),
  dist: z
    .looseObject({
      integrity: z.string().optional(),
      shasum: z.string().optional(),
      tarball: z.string().optional(),
    })
    .optional()
    .catch(undefined),
});
export type PackumentVersion = z.infer<typeof PackumentVersionSchema>;

/** Registry metadata of a package (`GET /<name>`), tolerant of fields it does not name. */
export const PackumentSchema = z.looseObject({
  name: z.string(),
  'dist-tags': StringMap.optional().catch(undefined),
  /** A version document that does not validate is kept as undefined rather than failing the rest. */
  versions: z.record(z.string(), PackumentVersionSchema.optional().catch(undefined)).default({}),
  /** `created`, `modified`, and one ISO timestamp per version ever published (unpublished ones included). */
  time: StringsOnly.optional().catch(undefined),
  maintainers: z.array(PersonSchema).optional().catch(undefined),
  repository: RepositorySchema.optional().catch(undefined),
});
export type Packument = z.infer<typeof PackumentSchema>;

/** Validates registry metadata once, at the edge. */
export function parsePackument(raw: unknown): Result<Packument> {
  const parsed = PackumentSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const where =
    issue === undefined || issue.path.length === 0 ? 'the document' : issue.path.map(String).join('.');
  return fail(
    'bad-packument',
    `The registry metadata is not a packument: ${where}: ${issue?.message ?? 'invalid'}. ` +
      'Check that the registry URL points at an npm registry.',
  );
}

/** Publication times of versions, ascending; `created` and `modified` are not versions. */
export function versionTimes(packument: Packument): { version: string; at: Date }[] {
  const out: { version: string; at: Date }[] = [];
  for (const [key, value] of Object.entries(packument.time ?? {})) {
    if (key === 'created' || key === 'modified') continue;
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) out.push({ version: key, at });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** `name` (and email) of a person record. */
export function personOf(person: Person): { name?: string; email?: string } {
  if (typeof person !== 'string') {
    const out: { name?: string; email?: string } = {};
    if (person.name !== undefined) out.name = person.name;
    if (person.email !== undefined) out.email = person.email;
    return out;
  }
  const m = /^\s*([^<(]*?)\s*(?:<([^>]*)>)?\s*(?:\([^)]*\))?\s*$/.exec(person);
  const out: { name?: string; email?: string } = {};
  if (m?.[1]) out.name = m[1];
  if (m?.[2]) out.email = m[2];
  return out;
}
