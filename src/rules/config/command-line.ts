import type { Server } from '../../model/server.js';

/** One word of a command line and the config field it came from (`command`, `args.3`). */
export interface Word {
  text: string;
  field: string;
}

/** A script handed to a shell: `sh -c "…"`, `cmd /c …`, `powershell -Command …`. */
export interface ShellScript {
  /** The shell's program name (`bash`, `cmd`, `powershell`). */
  shell: string;
  script: string;
  /** The field holding the script (the first one when it spans several args). */
  field: string;
  /** True when the script came from `-EncodedCommand` (decoded here). */
  encoded: boolean;
  /** Set when the shell gets plain argv words (`cmd /c npx -y pkg`) rather than a script to parse. */
  argv?: Word[];
}

const POSIX_SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'fish']);
const POWERSHELLS: ReadonlySet<string> = new Set(['powershell', 'pwsh']);
const PREFIX_PROGRAMS: ReadonlySet<string> = new Set(['exec', 'nohup', 'time', 'command']);

/** A program's name without folders, Windows extension or case: `C:\x\npx.cmd` → `npx`. */
export function programName(word: string): string {
  const base = word.split(/[\\/]/).pop() ?? word;
  return base.replace(/\.(?:exe|cmd|bat|ps1|com)$/i, '').toLowerCase();
}

/** Splits a shell-like string into words, honouring single and double quotes and backslashes. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) current += text.charAt(++i);
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else if (ch === '\\' && i + 1 < text.length && !/[A-Za-z]/.test(text.charAt(i + 1))) {
      current += text.charAt(++i);
      inWord = true;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** Splits a script into simple commands at `;`, `&&`, `||`, `|`, `&` and newlines outside quotes. */
export function splitCommands(script: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < script.length; i++) {
    const ch = script.charAt(i);
    if (quote) {
      if (ch === quote) quote = undefined;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ';' || ch === '|' || ch === '&' || ch === '\n') {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** The command line of a server as words: `command` then each of `args`. */
export function commandWords(server: Server): Word[] {
  if (server.command === undefined || server.command.trim() === '') return [];
  if (server.args.length === 0 && /\s/.test(server.command.trim())) {
    return splitWords(server.command).map((text) => ({ text, field: 'command' }));
  }
  return [
    { text: server.command, field: 'command' },
    ...server.args.map((text, i) => ({ text, field: `args.${i}` })),
  ];
}

function decodePowerShell(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9+/=]+$/.test(encoded)) return undefined;
  const text = Buffer.from(encoded, 'base64').toString('utf16le');
  return text.length > 0 ? text : undefined;
}

/** Drops `VAR=value` assignments, `env …` and `exec`-style prefixes before the real program. */
function stripPrefixes(words: Word[]): Word[] {
  let i = 0;
  while (i < words.length) {
    const text = words[i]?.text ?? '';
    const name = programName(text);
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(text) || PREFIX_PROGRAMS.has(name)) i++;
    else if (name === 'env') {
      i++;
      while (i < words.length && /^(?:-|[A-Za-z_][A-Za-z0-9_]*=)/.test(words[i]?.text ?? '')) i++;
    } else break;
  }
  return words.slice(i);
}

/** The script a shell program is asked to run, when `words` invokes one that way. */
export function shellScript(input: Word[]): ShellScript | undefined {
  const words = stripPrefixes(input);
  const first = words[0];
  if (!first) return undefined;
  const shell = programName(first.text);
  if (POSIX_SHELLS.has(shell)) {
    for (let i = 1; i < words.length; i++) {
      const flag = words[i]?.text ?? '';
      if (!flag.startsWith('-')) return undefined;
      if (/^-[a-z]*c[a-z]*$/i.test(flag) && !flag.startsWith('--')) {
        const script = words[i + 1];
        return script && { shell, script: script.text, field: script.field, encoded: false };
      }
    }
    return undefined;
  }
  if (shell === 'cmd') {
    const at = words.findIndex((w, i) => i > 0 && /^\/[ck]$/i.test(w.text));
    const rest = words.slice(at + 1);
    const head = rest[0];
    if (at < 0 || !head) return undefined;
    const script = rest.map((w) => w.text).join(' ');
    const found: ShellScript = { shell, script, field: head.field, encoded: false };
    if (rest.length > 1 && !/[&|<>^]/.test(script)) found.argv = rest;
    return found;
  }
  if (POWERSHELLS.has(shell)) {
    for (let i = 1; i < words.length; i++) {
      const flag = (words[i]?.text ?? '').toLowerCase();
      const rest = words.slice(i + 1);
      const head = rest[0];
      if (/^[-/]e(?:nc(?:odedcommand)?|c)?$/.test(flag) && head) {
        const decoded = decodePowerShell(head.text);
        return decoded === undefined
          ? undefined
          : { shell, script: decoded, field: head.field, encoded: true };
      }
      if (/^[-/]c(?:ommand)?$/.test(flag) && head) {
        const script = rest.map((w) => w.text).join(' ');
        return { shell, script, field: head.field, encoded: false };
      }
      if (/^[-/]f(?:ile)?$/.test(flag)) return undefined;
    }
  }
  return undefined;
}

/**
 * The simple commands a server runs, seen through shell wrappers: `cmd /c npx -y pkg` gives
 * `npx -y pkg` (fields kept); `sh -c "a && b"` gives `a` and `b` (fields are the script's).
 */
export function invocations(server: Server): Word[][] {
  return unwrap(commandWords(server), 0);
}

function unwrap(input: Word[], depth: number): Word[][] {
  const words = stripPrefixes(input);
  if (words.length === 0) return [];
  const script = depth < 3 ? shellScript(words) : undefined;
  if (!script) return [words];
  if (script.argv) return unwrap(script.argv, depth + 1);
  return splitCommands(script.script).flatMap((command) =>
    unwrap(
      splitWords(command).map((text) => ({ text, field: script.field })),
      depth + 1,
    ),
  );
}
