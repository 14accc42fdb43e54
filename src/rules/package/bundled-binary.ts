import type { LoadedPackage } from '../../model/package.js';
import { defineRule, type RuleHit } from '../define-rule.js';
import { manifestRecord, type PackageRuleContext } from './context.js';
import { binaryFormat, formatSize, nativeName } from './binary-format.js';

/** Dependencies a package declares when it builds or loads its own N-API addon. */
const NATIVE_BUILD_DEPS: readonly string[] = [
  'node-gyp',
  'node-gyp-build',
  'node-gyp-build-optional-packages',
  'prebuild-install',
  '@mapbox/node-pre-gyp',
  'node-pre-gyp',
  'node-addon-api',
  'nan',
  'bindings',
  'cmake-js',
  'prebuildify',
];

const ADDON_PLACE = /(?:^|\/)(?:prebuilds\/[^/]+\/[^/]+\.node|build\/Release\/[^/]+\.node)$/;

/** True when the package says it builds or loads a native addon. */
function declaresNative(pkg: LoadedPackage): boolean {
  if (pkg.manifest?.gypfile === true) return true;
  if (pkg.files.some((f) => f.path === 'binding.gyp')) return true;
  return ['dependencies', 'optionalDependencies', 'devDependencies'].some((section) => {
    const deps = manifestRecord(pkg, section);
    return deps !== undefined && NATIVE_BUILD_DEPS.some((d) => d in deps);
  });
}

function article(kind: string): string {
  return `${/^[aeiouAEIOU]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

export const bundledBinary = defineRule<PackageRuleContext>({
  id: 'package/bundled-binary',
  meta: {
    title: 'Package ships a compiled executable',
    severity: 'medium',
    confidence: 'high',
    cwe: ['CWE-506', 'CWE-912'],
    description:
      'Finds files whose first bytes are an ELF, Mach-O (including universal binaries, told apart from ' +
      'Java class files that share their magic number) or Windows PE executable, and files named ' +
      '`.exe`, `.dll`, `.so` or `.dylib`. Compiled code cannot be reviewed like source, and static ' +
      'analysis of the package does not see what it does. A `.node` N-API addon under `prebuilds/` or ' +
      '`build/Release/` of a package that declares a native build (`gypfile`, `binding.gyp`, ' +
      '`node-gyp-build`, `prebuild-install`, …) is info: that is how honest native modules ship.',
    remediation:
      'Prefer packages that build from source or ship prebuilt binaries from a verifiable release. ' +
      "Compare the binary against the project's published release checksums; if it is expected, " +
      'record an allowlist entry with the reason.',
    references: ['https://nodejs.org/api/n-api.html', 'https://github.com/DataDog/guarddog'],
  },
  check({ pkg }) {
    const hits: RuleHit[] = [];
    let native: boolean | undefined;
    for (const file of pkg.files) {
      const format = binaryFormat(file.data);
      if (format === undefined && !nativeName(file.path)) continue;
      const kind = format ?? 'a native library by its name';
      const size = formatSize(file.size);
      const hit: RuleHit = {
        target: pkg.ref,
        location: { file: file.path },
        message: `${file.path} is ${format === undefined ? kind : article(kind)} (${size}); its code cannot be reviewed.`,
        evidence: `${kind}, ${size}`,
      };
      if (format !== undefined && file.path.endsWith('.node') && ADDON_PLACE.test(file.path)) {
        native ??= declaresNative(pkg);
        if (native) {
          hit.severity = 'info';
          hit.message = `${file.path} is a prebuilt native addon (${format}, ${size}) of a package that declares a native build.`;
        }
      }
      hits.push(hit);
    }
    return hits;
  },
});
