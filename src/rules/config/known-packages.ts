/**
 * Well-known MCP server packages, the names typosquats and impersonators imitate.
 *
 * Sources: the reference servers published from github.com/modelcontextprotocol/servers
 * (npm `@modelcontextprotocol/server-*`, PyPI `mcp-server-*`, including archived ones that
 * configs still run), the MCP Inspector, and servers published by the vendors of the services
 * they wrap, as named in those vendors' own documentation and READMEs. Only names known to be
 * run from client configs are listed; libraries (the SDKs) are not.
 */
export const KNOWN_NPM_SERVERS: readonly string[] = [
  '@modelcontextprotocol/inspector',
  '@modelcontextprotocol/server-aws-kb-retrieval',
  '@modelcontextprotocol/server-brave-search',
  '@modelcontextprotocol/server-everart',
  '@modelcontextprotocol/server-everything',
  '@modelcontextprotocol/server-filesystem',
  '@modelcontextprotocol/server-gdrive',
  '@modelcontextprotocol/server-github',
  '@modelcontextprotocol/server-gitlab',
  '@modelcontextprotocol/server-google-maps',
  '@modelcontextprotocol/server-memory',
  '@modelcontextprotocol/server-postgres',
  '@modelcontextprotocol/server-puppeteer',
  '@modelcontextprotocol/server-redis',
  '@modelcontextprotocol/server-sequential-thinking',
  '@modelcontextprotocol/server-slack',
  '@activecampaign/postmark-mcp',
  '@auth0/auth0-mcp-server',
  '@azure/mcp',
  '@brave/brave-search-mcp-server',
  '@browsermcp/mcp',
  '@cloudflare/mcp-server-cloudflare',
  '@heroku/mcp-server',
  '@mem0/mcp-server',
  '@neondatabase/mcp-server-neon',
  '@notionhq/notion-mcp-server',
  '@playwright/mcp',
  '@sentry/mcp-server',
  '@stripe/mcp',
  '@supabase/mcp-server-supabase',
  '@upstash/context7-mcp',
  'chrome-devtools-mcp',
  'exa-mcp-server',
  'figma-developer-mcp',
  'firecrawl-mcp',
  'mcp-remote',
  'mongodb-mcp-server',
  'tavily-mcp',
];

export const KNOWN_PYPI_SERVERS: readonly string[] = [
  'mcp-server-fetch',
  'mcp-server-git',
  'mcp-server-time',
  'mcp-server-sqlite',
  'mcp-server-sentry',
  'mcp-server-qdrant',
  'mcp-proxy',
];

/**
 * Names used to impersonate a vendor's server, with what they imitate. From malware reports:
 * `postmark-mcp` (OSV MAL-2025-47604), `mcp-server-figma` (OSV MAL-2026-5477),
 * `mem0-mcp-server` (reported in mem0ai/mem0 issue 5274), `auth0-mcp-server` (OSV MAL-2025-15093).
 */
export const KNOWN_IMPERSONATIONS: Readonly<Record<string, string>> = {
  'postmark-mcp': '@activecampaign/postmark-mcp',
  'mcp-server-figma': "Figma's MCP server",
  'mem0-mcp-server': '@mem0/mcp-server',
  'auth0-mcp-server': '@auth0/auth0-mcp-server',
};
