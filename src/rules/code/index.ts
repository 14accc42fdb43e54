import type { CodeRule } from './context.js';
import { hardcodedRecipient } from './hardcoded-recipient.js';
import { reverseShell } from './reverse-shell.js';

export type { CodeRule, CodeRuleContext } from './context.js';
export { nodeHit, sourceText } from './context.js';

/** Every code rule, in alphabetical order of id. */
export const codeRules: readonly CodeRule[] = [hardcodedRecipient, reverseShell];
