import { defineRule, type RuleHit } from '../define-rule.js';
import { serverHit, type ConfigRuleContext } from './context.js';
import { maskedEvidence } from './evidence.js';
import { commandWords, shellScript } from './command-line.js';
import { findDownloadPipe } from './download-piped-to-shell.js';

/** Shell syntax that turns one command into a program: chaining, pipes, redirection, substitution. */
const SHELL_SYNTAX = /&&|\|\||[;|&<>\n`]|\$\(/;
/** Interpreters given code inline. */
const INLINE_CODE =
  /(?:^|[\s;&|(])(?:python[0-9.]*\s+-c|node\s+-e|node\s+--eval|perl\s+-e|ruby\s+-e|php\s+-r|osascript\s+-e)\b/i;

export const shellWrappedCommand = defineRule<ConfigRuleContext>({
  id: 'config/shell-wrapped-command',
  meta: {
    title: 'MCP server command hidden behind a shell',
    severity: 'medium',
    confidence: 'high',
    cwe: ['CWE-78'],
    description:
      'Finds servers whose command is a shell (`sh -c`, `bash -c`, `cmd /c`, `powershell -Command`) given a ' +
      'script that chains, pipes, redirects or substitutes commands, or runs inline interpreter code. What ' +
      'the client shows and asks approval for is then "bash", while the real work is a small program in one ' +
      'argument. PowerShell `-EncodedCommand` hides the script entirely and is reported at high severity. ' +
      'A shell given one plain command (the usual `cmd /c npx …` on Windows) and a shell running a script ' +
      'file are not reported.',
    remediation:
      'Put the program and its arguments directly in `command` and `args`; move setup steps into a script ' +
      'file you keep under version control. When a wrapper is needed, record an allowlist entry with the reason.',
    references: ['https://cwe.mitre.org/data/definitions/78.html'],
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      const script = shellScript(commandWords(server));
      if (!script || script.argv) continue;
      if (script.encoded) {
        const hit = serverHit(
          server,
          script.field,
          `Server "${server.name}" runs a base64-encoded PowerShell script (-EncodedCommand); the real command is hidden from review. Decoded, it begins: ${maskedEvidence(script.script.slice(0, 120))}`,
          maskedEvidence(script.script),
        );
        hit.severity = 'high';
        hits.push(hit);
        continue;
      }
      if (!SHELL_SYNTAX.test(script.script) && !INLINE_CODE.test(script.script)) continue;
      if (findDownloadPipe(server)) continue;
      hits.push(
        serverHit(
          server,
          script.field,
          `Server "${server.name}" runs its command through ${script.shell}: the script chains or rewrites commands, so what actually starts is hidden behind the shell.`,
          maskedEvidence(script.script),
        ),
      );
    }
    return hits;
  },
});
