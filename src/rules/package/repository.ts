/** A repository reduced to one comparable form; `github.com/owner/repo` for GitHub. */
export interface RepoRef {
  /** `host/owner/repo` in lower case, without `.git`, or the cleaned URL for other forms. */
  key: string;
  host?: string;
  owner?: string;
  repo?: string;
}

const SHORTHAND_HOSTS: Readonly<Record<string, string>> = {
  github: 'github.com',
  gitlab: 'gitlab.com',
  bitbucket: 'bitbucket.org',
};

/** The URL of a `repository` field, string or object. */
export function repositoryUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'object' && value !== null && 'url' in value) {
    const url = (value as { url?: unknown }).url;
    return typeof url === 'string' && url.trim() !== '' ? url.trim() : undefined;
  }
  return undefined;
}

/**
 * Normalises the forms npm accepts: `git+https://`, `git://`, `git+ssh://git@`, `git@host:`,
 * `github:owner/repo`, bare `owner/repo`, a `.git` suffix, a `/tree/…` path, and case.
 */
export function normaliseRepository(value: unknown): RepoRef | undefined {
  const raw = repositoryUrl(value);
  if (raw === undefined) return undefined;
  let text = raw.replace(/#.*$/, '');
  const short = /^(github|gitlab|bitbucket):([^/\s]+)\/([^/\s]+)$/i.exec(text);
  if (short)
    text = `https://${SHORTHAND_HOSTS[(short[1] ?? '').toLowerCase()] ?? ''}/${short[2] ?? ''}/${short[3] ?? ''}`;
  else if (/^[\w.-]+\/[\w.-]+$/.test(text)) text = `https://github.com/${text}`;
  text = text
    .replace(/^git\+/i, '')
    .replace(/^git@([^:/]+):/i, 'ssh://$1/')
    .replace(/^[a-z+]+:\/\//i, '')
    .replace(/^[^@/]*@/, '')
    .replace(/:\d+(?=\/)/, '')
    .toLowerCase();
  const [host = '', owner, repo] = text.split('/');
  if (owner !== undefined && repo !== undefined && owner !== '' && repo !== '') {
    const cleanRepo = repo.replace(/\.git$/, '');
    return { key: `${host}/${owner}/${cleanRepo}`, host, owner, repo: cleanRepo };
  }
  return { key: text.replace(/\.git$/, '').replace(/\/+$/, '') };
}
