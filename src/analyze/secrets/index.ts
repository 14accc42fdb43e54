// Interface of the secret detectors. Implementation in progress.
import type { Confidence } from '../../model/severity.js';

export interface SecretMatch {
  /** Detector id, e.g. `github-pat`, `aws-access-key-id`, `key-named-high-entropy`. */
  kind: string;
  /** Human label, e.g. `GitHub personal access token`. */
  label: string;
  /** Offsets of the secret in the scanned text. */
  start: number;
  end: number;
  confidence: Confidence;
}

export function findSecrets(_text: string, _options: { keyName?: string } = {}): SecretMatch[] {
  return [];
}

export function maskSecrets(text: string): string {
  return text;
}
