// Adds lockfile entries for platform-specific optional bindings that the configured registry
// does not serve (it answers 404 for other platforms' binaries). `npm ci` refuses a lockfile
// that lacks them; with an entry carrying `os`/`cpu`/`libc`, npm skips them on other platforms
// exactly as it would with a lockfile built against the full registry.
// Run after `npm install` changes the lockfile: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const CPUS = ['arm64', 'arm', 'x64', 'ia32', 'ppc64', 'riscv64', 's390x', 'wasm32'];
const OSES = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'wasi'];

/** `binding-linux-arm-musleabihf` → { os: linux, cpu: arm, libc: musl } */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OSES.includes(p));
  const cpu = parts.find((p) => CPUS.includes(p));
  if (!os || !cpu) return undefined;
  const tail = parts.slice(parts.indexOf(cpu) + 1).join('-');
  const libc = os !== 'linux' ? undefined : tail.startsWith('musl') ? 'musl' : 'glibc';
  return { os, cpu, libc };
}

let added = 0;
for (const [where, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (packages[key] || packages[`${where}/${key}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    const sibling = Object.entries(packages).find(([k]) => k.startsWith(key.replace(/[^/]+$/, '')) && packages[k].engines);
    packages[key] = {
      version,
      cpu: [platform.cpu],
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      license: entry.license,
      optional: true,
      os: [platform.os],
      ...(sibling ? { engines: sibling[1].engines } : {}),
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform-gated optional entries`);
