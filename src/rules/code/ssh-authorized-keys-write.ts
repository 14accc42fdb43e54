import type { AstNode } from '../../analyze/code/index.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { nodeHit, type CodeRuleContext } from './context.js';
import { commandTexts, isLocalExec, pathTexts, showPath, writtenPath } from './signals/paths.js';

const AUTHORIZED_KEYS = /(?:^|\/)\.ssh\/authorized_keys2?$/;
/** Shell text that writes to an authorized_keys file: a redirect, `tee`, a copy or `ssh-copy-id` to localhost. */
const SHELL_WRITE =
  /(?:>>?|\btee\b(?:\s+-a)?|\b(?:cp|mv|install|dd\s+of=)\b[^;&|]*)\s*["']?[^\s;&|"']*\.ssh\/authorized_keys2?\b/;

export const sshAuthorizedKeysWrite = defineRule<CodeRuleContext>({
  id: 'code/ssh-authorized-keys-write',
  meta: {
    title: 'Key added to ~/.ssh/authorized_keys (SSH persistence)',
    severity: 'critical',
    confidence: 'high',
    cwe: ['CWE-506', 'CWE-912'],
    description:
      'Finds code that writes, appends or copies to `~/.ssh/authorized_keys` or `authorized_keys2` on this ' +
      'machine: a file-system write whose path the code builds (home folder joined with constants, templates, ' +
      '`process.env.HOME`), or a local shell command (`echo … >> ~/.ssh/authorized_keys`, `tee -a`, `cp`). ' +
      'Whoever holds the matching private key can then log in as the user. Reading the file, and commands run ' +
      'on a remote host through an SSH client library, are not reported; a write whose key comes from the tool ' +
      "caller's arguments is reported at high severity.",
    remediation:
      'Do not run the package. Remove it, delete keys you did not add from `~/.ssh/authorized_keys`, check ' +
      'other persistence (cron, shell profiles, firewall rules) and report the package.',
    references: [
      'https://osv.dev/vulnerability/MAL-2026-10481',
      'https://attack.mitre.org/techniques/T1098/004/',
      'https://cwe.mitre.org/data/definitions/506.html',
    ],
  },
  check(context) {
    const { model } = context;
    const hits: RuleHit[] = [];
    const report = (node: AstNode, what: string, content: AstNode | undefined): void => {
      const callerChosen = content !== undefined && model.isTainted(content);
      hits.push(
        nodeHit(
          context,
          node,
          callerChosen
            ? `${what}, with a key the tool caller supplies: a prompt-injected agent can grant SSH access to this machine.`
            : `${what}: whoever holds the matching private key can log in to this machine as the user.`,
          callerChosen ? { severity: 'high' } : {},
        ),
      );
    };
    for (const call of model.calls) {
      if (call.file.isTest) continue;
      const path = writtenPath(call);
      if (path) {
        const target = pathTexts(model, path).find((p) => AUTHORIZED_KEYS.test(showPath(p)));
        if (target !== undefined)
          report(call.node, `${call.callee} writes to ${showPath(target)}`, call.args[1]);
        continue;
      }
      if (!isLocalExec(call)) continue;
      const command = commandTexts(model, call).find((c) => SHELL_WRITE.test(c));
      if (command !== undefined)
        report(call.node, `${call.callee} runs a command that writes to authorized_keys`, call.args[0]);
    }
    return hits;
  },
});
