import type { CodeRule } from './context.js';
import { credentialFileExfiltration } from './credential-file-exfiltration.js';
import { downloadAndExecute } from './download-and-execute.js';
import { dynamicCodeExecution } from './dynamic-code-execution.js';
import { envHarvesting } from './env-harvesting.js';
import { hardcodedRecipient } from './hardcoded-recipient.js';
import { mcpConfigWrite } from './mcp-config-write.js';
import { reverseShell } from './reverse-shell.js';
import { sshAuthorizedKeysWrite } from './ssh-authorized-keys-write.js';

export type { CodeRule, CodeRuleContext } from './context.js';
export { nodeHit, sourceText } from './context.js';

/** Every code rule, in alphabetical order of id. */
export const codeRules: readonly CodeRule[] = [
  credentialFileExfiltration,
  downloadAndExecute,
  dynamicCodeExecution,
  envHarvesting,
  hardcodedRecipient,
  mcpConfigWrite,
  reverseShell,
  sshAuthorizedKeysWrite,
];
