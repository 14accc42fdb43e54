import type { Server } from '../../model/server.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { serverHit, type ConfigRuleContext } from './context.js';
import { maskedEvidence } from './evidence.js';
import { commandWords, shellScript } from './command-line.js';

const FETCH = String.raw`(?<![\w.-])(?:curl|wget|fetch|iwr|irm|invoke-webrequest|invoke-restmethod)(?:\.exe)?`;
const RUNNER = String.raw`(?:sh|bash|zsh|dash|ksh|ash|fish|python[0-9.]*|node|perl|ruby|php|iex|invoke-expression|pwsh|powershell|cmd)(?:\.exe)?`;

/** Downloading code and running it in one step, in the shells MCP configs use. */
const PATTERNS: readonly RegExp[] = [
  // curl … | sh, wget -qO- … | sudo bash, iwr … | iex
  new RegExp(String.raw`${FETCH}\b[^|;&\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+)?${RUNNER}\b`, 'i'),
  // bash <(curl …), source <(wget …), . <(curl …)
  new RegExp(String.raw`(?:\b(?:sh|bash|zsh|dash|ksh|source)|(?:^|[\s;&|])\.)\s+<\(\s*${FETCH}\b`, 'i'),
  // sh -c "$(curl …)", eval "$(curl …)", python -c "$(curl …)", bash -c "`curl …`"
  new RegExp(
    String.raw`(?:\b(?:sh|bash|zsh|dash|ksh)\s+-[a-z]*c[a-z]*|\beval|\bpython[0-9.]*\s+-c|\bnode\s+-e|\bperl\s+-e)\s+["']?(?:\$\(|\x60)\s*${FETCH}\b`,
    'i',
  ),
  // iex (iwr …), iex (New-Object Net.WebClient).DownloadString(…), … .DownloadString(…) | iex
  new RegExp(
    String.raw`\b(?:iex|invoke-expression)\b[\s(]*(?:${FETCH}\b|new-object\s+(?:system\.)?net\.webclient)|download(?:string|data|file)\s*\([^)]*\)\s*\)?\s*\|\s*(?:iex|invoke-expression)\b`,
    'i',
  ),
];

interface Text {
  text: string;
  /** The field each character offset belongs to, as [start, field] pairs in order. */
  fields: [number, string][];
}

/** The command line joined as one string, plus any `-EncodedCommand` script decoded. */
function textsOf(server: Server): Text[] {
  const words = commandWords(server);
  const fields: [number, string][] = [];
  let text = '';
  for (const word of words) {
    if (text !== '') text += ' ';
    fields.push([text.length, word.field]);
    text += word.text;
  }
  const texts: Text[] = [{ text, fields }];
  const script = shellScript(words);
  if (script?.encoded) texts.push({ text: script.script, fields: [[0, script.field]] });
  return texts;
}

function fieldAt(text: Text, offset: number): string {
  let field = text.fields[0]?.[1] ?? 'command';
  for (const [start, name] of text.fields) if (start <= offset) field = name;
  return field;
}

/** The first download-and-run in a server's command line, if any. */
export function findDownloadPipe(server: Server): { field: string; evidence: string } | undefined {
  for (const text of textsOf(server)) {
    for (const pattern of PATTERNS) {
      const m = pattern.exec(text.text);
      if (m) return { field: fieldAt(text, m.index), evidence: maskedEvidence(m[0]) };
    }
  }
  return undefined;
}

export const downloadPipedToShell = defineRule<ConfigRuleContext>({
  id: 'config/download-piped-to-shell',
  meta: {
    title: 'MCP server command downloads code and runs it',
    severity: 'critical',
    confidence: 'high',
    cwe: ['CWE-494', 'CWE-78'],
    description:
      'Finds server commands that fetch a script from the network and hand it straight to an interpreter: ' +
      '`curl … | sh`, `wget -O- … | bash`, `bash <(curl …)`, `sh -c "$(curl …)"`, `iex (iwr …)`. Whatever ' +
      "the URL serves at that moment runs with the user's rights each time the client starts the server, " +
      'with nothing pinned and nothing reviewed. Droppers aimed at coding agents hide exactly this in setup ' +
      'and build instructions.',
    remediation:
      'Install the server from a package registry at an exact version, or download the script once, review ' +
      'it, pin its hash and run the local copy. There is no safe way to suppress this for a URL you do not control.',
    references: ['https://cwe.mitre.org/data/definitions/494.html'],
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      const found = findDownloadPipe(server);
      if (!found) continue;
      hits.push(
        serverHit(
          server,
          found.field,
          `Server "${server.name}" downloads code and runs it in one step: whatever the URL serves runs on this machine each time the server starts.`,
          found.evidence,
        ),
      );
    }
    return hits;
  },
});
