/** Words that mark a value as a stand-in wherever they appear as a whole word. */
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  'your',
  'example',
  'sample',
  'placeholder',
  'dummy',
  'changeme',
  'replace',
  'replaceme',
  'redacted',
  'insert',
  'here',
  'todo',
  'tbd',
  'fixme',
]);

/** Whole values that are never secrets. */
const PLACEHOLDER_VALUES: ReadonlySet<string> = new Set([
  ...PLACEHOLDER_WORDS,
  'test',
  'testing',
  'secret',
  'password',
  'passwd',
  'pass',
  'token',
  'key',
  'apikey',
  'api_key',
  'api-key',
  'none',
  'null',
  'nil',
  'undefined',
  'empty',
  'required',
  'optional',
  'true',
  'false',
  'default',
  'demo',
  'foo',
  'bar',
  'foobar',
]);

const MARKERS: readonly RegExp[] = [
  /\$\{[^}]*\}/, // ${VAR}, ${env:VAR}, ${input:id}, ${userHome}
  /(?:^|[\s=:/,;(])\$[A-Z_][A-Z0-9_]*/, // $VAR
  /%[A-Za-z_][A-Za-z0-9_]*%/, // %VAR%
  /\{\{.*?\}\}/, // {{ x }}
  /<[^<>\s][^<>]*>/, // <your-key>
  /^(?:env|input|secret|secrets|vault|keychain|keyring):/i, // references resolved elsewhere
  /^op:\/\//i, // 1Password secret reference
  /\.{3}|…/, // sk-...
  /\*{3,}/, // ****
  /x{4,}/i, // xxxx
  /(.)\1{7,}/, // aaaaaaaa
  /12345678|abcdefgh/i, // documentation sequences
];

function words(value: string): string[] {
  const parts = value.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  // camelCase only splits values without digits: random tokens would split into noise.
  if (/\d/.test(value)) return parts.map((w) => w.toLowerCase());
  return parts.flatMap((w) => w.replace(/([a-z])([A-Z])/g, '$1 $2').split(' ')).map((w) => w.toLowerCase());
}

/**
 * True when `value` is a stand-in for a secret rather than a secret: a variable reference
 * (`${VAR}`, `$VAR`, `%VAR%`, `{{ x }}`, `${input:…}`, `env:…`), a template (`<your-key>`,
 * `YOUR_API_KEY`), a mask (`****`, `xxxx`, `sk-...`) or a stock word (`changeme`, `test`).
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^["']+|["']+$/g, '');
  if (v === '') return true;
  if (PLACEHOLDER_VALUES.has(v.toLowerCase())) return true;
  if (MARKERS.some((re) => re.test(v))) return true;
  const distinct = new Set(v.replace(/[^A-Za-z0-9]/g, '').toLowerCase());
  if (v.length >= 6 && distinct.size <= 3) return true;
  return words(v).some((w) => PLACEHOLDER_WORDS.has(w) || (w.startsWith('your') && w.length <= 24));
}
