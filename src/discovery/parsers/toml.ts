import { parse, TomlError } from 'smol-toml';
import type { Position } from '../../model/server.js';
import { bracketDepth, lineIndex, MAX_NESTING, type DocPath, type ParseOutcome } from './document.js';
import { TomlPositionScanner, type TomlSpot } from './toml-positions.js';

export function parseToml(text: string): ParseOutcome {
  if (bracketDepth(text) > MAX_NESTING) {
    return { ok: false, code: 'too-deep', message: `nesting deeper than ${MAX_NESTING} levels` };
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const position = { line: error.line, column: error.column };
      return {
        ok: false,
        code: 'parse-error',
        message: `invalid TOML at line ${position.line}, column ${position.column}`,
        position,
      };
    }
    return { ok: false, code: 'parse-error', message: 'the TOML parser could not read this file' };
  }
  let spots: Map<string, TomlSpot> | undefined;
  const lookup = (path: DocPath): TomlSpot | undefined => {
    if (spots === undefined) {
      try {
        spots = new TomlPositionScanner(text, lineIndex(text)).scan();
      } catch {
        spots = new Map();
      }
    }
    return spots.get(JSON.stringify(path));
  };
  return {
    ok: true,
    doc: {
      format: 'toml',
      value,
      valueAt: (path): Position | undefined => lookup(path)?.value,
      entryAt: (path): Position | undefined => lookup(path)?.key,
    },
  };
}
