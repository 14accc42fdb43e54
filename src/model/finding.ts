import { z } from 'zod';
import { SeveritySchema, ConfidenceSchema } from './severity.js';

/** A place in a file: config, source code or package metadata. */
export const FileLocationSchema = z.object({
  file: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  endLine: z.number().int().optional(),
  endColumn: z.number().int().optional(),
  /** The server entry the finding is about, when there is one. */
  server: z.string().optional(),
  /** The field within the entry, e.g. `env.GITHUB_TOKEN`. */
  field: z.string().optional(),
});
export type FileLocation = z.infer<typeof FileLocationSchema>;

/** A place in a tool definition. */
export const ToolLocationSchema = z.object({
  server: z.string(),
  tool: z.string(),
  field: z.string(),
});
export type ToolLocation = z.infer<typeof ToolLocationSchema>;

export const LocationSchema = z.union([FileLocationSchema, ToolLocationSchema]);
export type Location = z.infer<typeof LocationSchema>;

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  confidence: ConfidenceSchema,
  title: z.string(),
  message: z.string(),
  target: z.string(),
  location: LocationSchema,
  /** The offending text, with any secret value masked. */
  evidence: z.string().optional(),
  /** Stable identity of the finding across runs (rule, target, location, evidence). */
  fingerprint: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

export function isToolLocation(location: Location): location is ToolLocation {
  return 'tool' in location;
}
