import type { PathContext } from '../paths.js';
import type { ClientLocation } from '../types.js';
import {
  amazonQ,
  antigravity,
  codex,
  continueDev,
  crush,
  geminiCli,
  goose,
  kiro,
  opencode,
} from './agents.js';
import { lmStudio, sema4ai } from './apps.js';
import { claudeCode, claudeDesktop } from './claude.js';
import { uniqueLocations, type ClientDefinition } from './define.js';
import { cursor, windsurf, zed } from './editors.js';
import { cline, copilotCli, kiloCode, rooCode, visualStudio, vscode, vscodeInsiders } from './vscode.js';

/** Every supported client, in the order their locations are searched. */
export const CLIENTS: readonly ClientDefinition[] = [
  claudeDesktop,
  claudeCode,
  cursor,
  vscode,
  vscodeInsiders,
  copilotCli,
  windsurf,
  cline,
  rooCode,
  kiloCode,
  continueDev,
  zed,
  geminiCli,
  antigravity,
  codex,
  goose,
  amazonQ,
  kiro,
  opencode,
  crush,
  lmStudio,
  visualStudio,
  sema4ai,
];

export const CLIENT_IDS: readonly string[] = CLIENTS.map((c) => c.id);

/** Machine locations of every client, then project locations of each walked folder (nearest first). */
export function locationsFor(ctx: PathContext, dirs: readonly string[]): ClientLocation[] {
  const out: ClientLocation[] = [];
  for (const client of CLIENTS) out.push(...client.machine(ctx));
  dirs.forEach((dir, index) => {
    for (const client of CLIENTS) if (client.project) out.push(...client.project(dir, ctx, index === 0));
  });
  return uniqueLocations(out);
}
