import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, testPath } from './paths.js';
import { tempDir } from './temp.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with HOME set to `home` and no inherited config locations. */
export function runCli(args: readonly string[], home: string, extraEnv: Record<string, string> = {}): CliRun {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    NO_COLOR: '1',
  };
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the clean fixture home (and optional overlays) in a fresh temporary folder. */
export function fixtureHome(...overlays: string[]): { home: string; systemRoot: string } {
  const home = join(tempDir('warden-home-'), 'home');
  mkdirSync(home);
  cpSync(testPath('fixtures', 'home-linux'), home, { recursive: true });
  for (const overlay of overlays) cpSync(testPath('fixtures', overlay), home, { recursive: true });
  const systemRoot = join(home, '..', 'system');
  mkdirSync(systemRoot);
  return { home, systemRoot };
}
