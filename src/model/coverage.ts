import { z } from 'zod';

export const SkippedSchema = z.object({
  path: z.string(),
  /** Machine-readable reason, e.g. `too-large`, `not-readable`, `parse-error`, `symlink-loop`. */
  code: z.string(),
  reason: z.string(),
});
export type Skipped = z.infer<typeof SkippedSchema>;

/** One place discovery looked: a client's config location and whether a file was there. */
export const SearchedSchema = z.object({
  client: z.string(),
  scope: z.string(),
  configPath: z.string(),
  found: z.boolean(),
});
export type Searched = z.infer<typeof SearchedSchema>;

export const CoverageSchema = z.object({
  /** False whenever anything that should have been read was not. */
  complete: z.boolean(),
  filesScanned: z.number().int(),
  skipped: z.array(SkippedSchema),
  searched: z.array(SearchedSchema).optional(),
});
export type Coverage = z.infer<typeof CoverageSchema>;
