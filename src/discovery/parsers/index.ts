import type { ConfigFormat } from '../../model/discovery.js';
import type { ParseOutcome } from './document.js';
import { parseJson } from './json.js';
import { parseToml } from './toml.js';
import { parseYaml } from './yaml.js';

/** Parses a config text in its format; never throws. */
export function parseConfigText(text: string, format: ConfigFormat): ParseOutcome {
  try {
    switch (format) {
      case 'json':
      case 'jsonc':
        return parseJson(text, format);
      case 'yaml':
        return parseYaml(text);
      case 'toml':
        return parseToml(text);
    }
  } catch (error) {
    const code = error instanceof RangeError ? 'too-deep' : 'parse-error';
    return { ok: false, code, message: `the ${format.toUpperCase()} parser failed on this file` };
  }
}
