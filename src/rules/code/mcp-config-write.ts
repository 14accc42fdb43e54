import type { AstNode, CodeModel } from '../../analyze/code/index.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { nodeHit, type CodeRuleContext } from './context.js';
import { pathTexts, showPath, writtenPath } from './signals/paths.js';
import { mcpConfigPath } from './signals/sensitive-paths.js';

const MCP_KEYS = /mcpServers|mcp_servers|context_servers|["'.]servers["']?|\bmcp\b|extensions/;
const INSTALL_HOOKS = ['preinstall', 'install', 'postinstall', 'prepare'];

/** How the package is run: by a user through its `bin`, or implicitly (install hook, import, MCP client). */
function manifestFacts(manifest: Readonly<Record<string, unknown>> | undefined): {
  hasBin: boolean | undefined;
  hooks: string[];
} {
  if (!manifest) return { hasBin: undefined, hooks: [] };
  const bin = manifest.bin;
  const hasBin =
    typeof bin === 'string'
      ? bin !== ''
      : typeof bin === 'object' && bin !== null && Object.keys(bin).length > 0;
  const scripts = manifest.scripts;
  const hooks =
    typeof scripts === 'object' && scripts !== null
      ? Object.entries(scripts as Record<string, unknown>).flatMap(([name, value]) =>
          INSTALL_HOOKS.includes(name) && typeof value === 'string' ? [value] : [],
        )
      : [];
  return { hasBin, hooks };
}

function contextText(model: CodeModel, node: AstNode): string {
  const file = model.fileOf(node);
  const fn = model.enclosingFunction(node);
  if (!file) return '';
  return fn ? file.source.slice(fn.start, fn.end) : file.source;
}

/** Why a write counts as implicit (critical), or undefined when it is an explicit installer's job. */
function implicitReason(context: CodeRuleContext, node: AstNode): string | undefined {
  const { model } = context;
  const file = model.fileOf(node);
  const { hasBin, hooks } = manifestFacts(context.manifest);
  const base = file?.path.split('/').pop() ?? '';
  if (file && hooks.some((h) => h.includes(file.path) || (base !== '' && h.includes(base))))
    return 'from an install script';
  if (model.toolFor(node) !== undefined) return 'when a tool is called';
  if (model.enclosingFunction(node) === undefined) return 'as soon as the module loads';
  if (hasBin === false) return 'from a library that declares no command to run';
  return undefined;
}

export const mcpConfigWrite = defineRule<CodeRuleContext>({
  id: 'code/mcp-config-write',
  meta: {
    title: "Code writes another MCP client's configuration",
    severity: 'critical',
    confidence: 'high',
    cwe: ['CWE-506', 'CWE-15'],
    description:
      'Finds a file write (`writeFile`, `appendFile`, `fs-extra` `outputJson`, copies and renames) whose target ' +
      "is an MCP client's configuration: Claude Desktop `claude_desktop_config.json`, Claude Code `~/.claude.json` " +
      'and `.mcp.json`, Cursor `.cursor/mcp.json`, VS Code `mcp.json` (and `settings.json` when the code touches ' +
      'MCP keys), Windsurf, Cline, Roo, Continue, Zed, Gemini CLI, Codex `config.toml`, Goose, Amazon Q, Kiro, ' +
      'OpenCode, LM Studio. Critical when the write runs implicitly — from an install script, at module load, ' +
      'from a tool handler, or from a library without a `bin` — which is how the SANDWORM_MODE McpInject ' +
      'module planted a rogue server in every client. Medium when the write sits in a function of a package ' +
      'with a `bin` (an `init`/`install` command the user runs to add the server to a client): a risky ' +
      'practice when it writes without showing the change, but the declared job of such a command.',
    remediation:
      'If the package is not an installer you ran on purpose, remove it and inspect every MCP client config for ' +
      'servers you did not add. An installer should show the change and ask before writing, and write only the ' +
      'client the user named.',
    references: [
      'https://socket.dev/blog/sandworm-mode-npm-worm-ai-toolchain-poisoning',
      'https://cwe.mitre.org/data/definitions/506.html',
    ],
  },
  check(context) {
    const { model } = context;
    const hits: RuleHit[] = [];
    for (const call of model.calls) {
      if (call.file.isTest) continue;
      const path = writtenPath(call);
      if (!path) continue;
      let found: { client: string; path: string } | undefined;
      for (const text of pathTexts(model, path)) {
        const config = mcpConfigPath(text);
        if (!config) continue;
        if (config.needsMcpKey && !MCP_KEYS.test(contextText(model, call.node))) continue;
        found = { client: config.client, path: showPath(text) };
        break;
      }
      if (!found) continue;
      const reason = implicitReason(context, call.node);
      hits.push(
        nodeHit(
          context,
          call.node,
          reason === undefined
            ? `${call.callee} writes the ${found.client} MCP config (${found.path}) from a command the user runs (the package has a bin): ` +
                "every server listed there runs with the user's rights, so the write must be what the user asked for."
            : `${call.callee} writes the ${found.client} MCP config (${found.path}) ${reason}: a server added there ` +
                "runs with the user's rights the next time the client starts.",
          reason === undefined ? { severity: 'medium' } : {},
        ),
      );
    }
    return hits;
  },
});
