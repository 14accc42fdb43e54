import type { Server } from '../../model/server.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { serverHit, type ConfigRuleContext } from './context.js';
import { invocations, programName, type Word } from './command-line.js';
import { packagesInCommand } from './package-runners.js';

/** Package or program names of servers that read and write files under the folders they are given. */
const FILESYSTEM_NAME =
  /file[-_]?system|(?:^|[/_-])fs(?:[-_]|$)|(?:^|[/_-])(?:mcp|server)[-_]files?(?:[-_]|$)|(?:^|[/_-])files?[-_](?:mcp|server)(?:[-_]|$)/i;

const ROOT = /^(?:\/|[A-Za-z]:[\\/]?|\\\\)$/;
const HOME =
  /^(?:~|\$HOME|\$\{HOME\}|\$\{env:(?:HOME|USERPROFILE)\}|\$\{userHome\}|%USERPROFILE%|%HOMEDRIVE%%HOMEPATH%|\/root|\/home(?:\/[^/]+)?|\/Users(?:\/[^/]+)?|[A-Za-z]:[\\/]Users(?:[\\/][^\\/]+)?)$/i;

function trimSlash(path: string): string {
  if (ROOT.test(path)) return path;
  return path.replace(/[\\/]+$/, '');
}

/** What a folder argument gives away, when it is the whole disk or a whole home folder. */
export function rootKind(argument: string): 'root' | 'home' | undefined {
  const path = argument.trim();
  if (ROOT.test(path)) return 'root';
  if (HOME.test(trimSlash(path))) return 'home';
  return undefined;
}

/** The words after a filesystem server's package or program: its folder arguments. */
function folderArguments(words: Word[]): Word[] | undefined {
  const first = words[0];
  if (!first) return undefined;
  const run = packagesInCommand(words).find((p) => p.ecosystem !== 'docker' && FILESYSTEM_NAME.test(p.name));
  if (run) return words.slice(words.indexOf(run.word) + 1);
  if (packagesInCommand(words).length === 0 && FILESYSTEM_NAME.test(programName(first.text)))
    return words.slice(1);
  return undefined;
}

function exposures(server: Server): { field: string; path: string; kind: 'root' | 'home' }[] {
  const found: { field: string; path: string; kind: 'root' | 'home' }[] = [];
  for (const words of invocations(server)) {
    for (const word of folderArguments(words) ?? []) {
      const value = /^--?[A-Za-z][\w-]*=/.test(word.text)
        ? word.text.slice(word.text.indexOf('=') + 1)
        : word.text;
      const kind = rootKind(value);
      if (kind) found.push({ field: word.field, path: value, kind });
    }
  }
  return found;
}

export const filesystemRootExposed = defineRule<ConfigRuleContext>({
  id: 'config/filesystem-root-exposed',
  meta: {
    title: 'Filesystem server given the whole disk or home folder',
    severity: 'high',
    confidence: 'high',
    cwe: ['CWE-732', 'CWE-552'],
    description:
      'Finds filesystem-style servers (such as @modelcontextprotocol/server-filesystem) whose allowed folder ' +
      'is the root of a disk (`/`, `C:\\`) or a whole home folder (`~`, `$HOME`, `/home/<user>`, ' +
      '`/Users/<user>`, `C:\\Users\\<user>`). The model can then read and change SSH keys, cloud ' +
      "credentials, browser profiles, shell history and every other client's MCP config, and a single " +
      'injected instruction in a tool result or web page is enough to make it do so.',
    remediation:
      'Give the server only the project folders it needs (`~/code/my-project`, not `~`). If broad access is ' +
      'intended on a throwaway machine, record an allowlist entry with the reason.',
    references: [
      'https://github.com/modelcontextprotocol/servers/tree/main/src/filesystem',
      'https://cwe.mitre.org/data/definitions/732.html',
    ],
  },
  check({ servers }) {
    const hits: RuleHit[] = [];
    for (const server of servers) {
      for (const { field, path, kind } of exposures(server)) {
        const what = kind === 'root' ? `the whole disk "${path}"` : `the whole home folder "${path}"`;
        hits.push(
          serverHit(
            server,
            field,
            `Server "${server.name}" gives a filesystem server ${what}: SSH keys, cloud credentials and other clients' configs are all within reach of the model.`,
            path,
          ),
        );
      }
    }
    return hits;
  },
});
