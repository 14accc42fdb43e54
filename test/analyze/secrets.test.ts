import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeSecret, findSecrets, isPlaceholder, maskSecrets } from '../../src/analyze/secrets/index.js';
import {
  FAKE_HIGH_ENTROPY,
  fakeAnthropicKey,
  fakeAwsAccessKeyId,
  fakeFineGrainedPat,
  fakeGithubToken,
  fakeGithubTokenBadChecksum,
  fakeGoogleApiKey,
  fakeJwt,
  fakeNpmToken,
  fakeOpenAiProjectKey,
  fakePrivateKey,
  fakeSlackBotToken,
  fakeSlackWebhook,
  fakeStripeKey,
} from '../rules/config/fake-secrets.js';

function kinds(text: string, keyName?: string): string[] {
  return findSecrets(text, keyName === undefined ? {} : { keyName }).map((m) => m.kind);
}

describe('findSecrets: benign text has no secrets', () => {
  const benign = [
    '123e4567-e89b-12d3-a456-426614174000',
    'f05aa775ff0ecc96960b10279c0dcf77ef3e44ae',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'd41d8cd98f00b204e9800998ecf8427e',
    'SGVsbG8gd29ybGQsIHRoaXMgaXMgb3JkaW5hcnkgdGV4dCBlbmNvZGVkIGluIGJhc2U2NC4=',
    'https://github.com/modelcontextprotocol/servers/tree/main/src/filesystem',
    'https://api.githubcopilot.com/mcp/',
    '/Users/alice/Library/Application Support/Claude/claude_desktop_config.json',
    'C:\\Users\\alice\\AppData\\Roaming\\Claude\\claude_desktop_config.json',
    '@modelcontextprotocol/server-filesystem@2025.8.21',
    'mcp-server-git==2025.1.14',
    'sha512-z0FdH3XvmzTe/pwBVlv7IiR0YJb0VWtxdaPJ7jfwgPGWQ1gMQIh1kOFnfb6K0cSSJnC3ZCS7ilDb8sYT4cEtrw==',
    'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
    'ghcr.io/github/github-mcp-server@sha256:4c3ba6e5b7a9b0d1f2e3c4d5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5',
    'The GITHUB_PERSONAL_ACCESS_TOKEN variable holds a ghp_ token from your settings.',
    'risk-assessment-2024-q3-final-report-draft-version-two',
    'task-sk-1234 and disk-sk-99',
    'AKIA is the prefix of long-term AWS access key ids',
    '-----BEGIN RSA PRIVATE KEY----- marks the start of a PEM key',
    'eyJ is how a base64 JSON object starts',
    'node_modules/.bin/mcp-server-filesystem',
    '--max-old-space-size=4096',
    'token_type=bearer&expires_in=3600',
    'password=',
  ];
  for (const text of benign) {
    test(text, () => {
      assert.deepEqual(findSecrets(text), []);
    });
  }
});

describe('findSecrets: real formats with fake bodies', () => {
  test('GitHub personal access token with a valid checksum', () => {
    assert.deepEqual(kinds(fakeGithubToken()), ['github-pat']);
  });
  test('GitHub OAuth, App installation, user-to-server and refresh tokens', () => {
    assert.deepEqual(kinds(fakeGithubToken('gho')), ['github-oauth-token']);
    assert.deepEqual(kinds(fakeGithubToken('ghs')), ['github-app-token']);
    assert.deepEqual(kinds(fakeGithubToken('ghu')), ['github-user-token']);
    assert.deepEqual(kinds(fakeGithubToken('ghr')), ['github-refresh-token']);
  });
  test('a GitHub-shaped token with a wrong checksum is not a token', () => {
    assert.deepEqual(kinds(fakeGithubTokenBadChecksum()), []);
  });
  test('GitHub fine-grained personal access token', () => {
    assert.deepEqual(kinds(fakeFineGrainedPat()), ['github-fine-grained-pat']);
  });
  test('AWS access key id, generated and the documented example id', () => {
    assert.deepEqual(kinds(fakeAwsAccessKeyId()), ['aws-access-key-id']);
    assert.deepEqual(kinds('AKIAIOSFODNN7EXAMPLE'), ['aws-access-key-id']);
  });
  test('AWS secret access key only under a secret-access-key name', () => {
    const secret = 'FAKEw4rdenT3stB0dy/K7MDENGbPxRfiCYQZXYWV';
    assert.deepEqual(kinds(secret, 'AWS_SECRET_ACCESS_KEY'), ['aws-secret-access-key']);
    assert.deepEqual(kinds(secret), []);
  });
  test('OpenAI project key and legacy key', () => {
    assert.deepEqual(kinds(fakeOpenAiProjectKey()), ['openai-api-key']);
    assert.deepEqual(kinds(['sk', 'FAKEfakeW4rdenT3st0Q' + 'T3BlbkFJ' + 'FAKEfakeW4rdenT3st0Q'].join('-')), [
      'openai-api-key',
    ]);
  });
  test('Anthropic API key', () => {
    assert.deepEqual(kinds(fakeAnthropicKey()), ['anthropic-api-key']);
  });
  test('Slack bot token and incoming webhook URL', () => {
    assert.deepEqual(kinds(fakeSlackBotToken()), ['slack-token']);
    assert.deepEqual(kinds(fakeSlackWebhook()), ['slack-webhook-url']);
  });
  test('Stripe live, test and restricted keys', () => {
    assert.deepEqual(kinds(fakeStripeKey('live')), ['stripe-secret-key']);
    assert.deepEqual(kinds(fakeStripeKey('test')), ['stripe-secret-key']);
    assert.deepEqual(kinds(fakeStripeKey('live', 'rk')), ['stripe-secret-key']);
  });
  test('Google API key', () => {
    assert.deepEqual(kinds(fakeGoogleApiKey()), ['google-api-key']);
  });
  test('npm token with a valid checksum, and not with a broken one', () => {
    const token = fakeNpmToken();
    assert.deepEqual(kinds(token), ['npm-token']);
    assert.deepEqual(kinds(token.slice(0, -2) + (token.endsWith('zz') ? 'yy' : 'zz')), []);
  });
  test('PEM private key, with its body', () => {
    const key = fakePrivateKey();
    const found = findSecrets(`before\n${key}\nafter`);
    assert.deepEqual(
      found.map((m) => [m.kind, m.end - m.start]),
      [['private-key', key.length]],
    );
  });
  test('a PEM private key header with a placeholder body is not a key', () => {
    const header = ['-----BEGIN', 'PRIVATE KEY-----'].join(' ');
    assert.deepEqual(kinds(`${header}\n...\n-----END PRIVATE KEY-----`), []);
  });
  test('JWT with a decodable header, at medium confidence', () => {
    const [match] = findSecrets(fakeJwt());
    assert.equal(match?.kind, 'jwt');
    assert.equal(match.confidence, 'medium');
  });
  test('JWT-shaped text whose header is not JSON, or alg none, is not a JWT', () => {
    assert.deepEqual(
      kinds(['eyJub3QganNvbiBhdCBhbGw', 'eyJzdWIiOiJ4In0', 'FAKEfakeW4rdenT3stSignature'].join('.')),
      [],
    );
    assert.deepEqual(kinds(fakeJwt({ alg: 'none' })), []);
  });
  test('a JWT under a public key name (Supabase anon key) is not reported', () => {
    assert.deepEqual(kinds(fakeJwt(), 'SUPABASE_ANON_KEY'), []);
  });
  test('secrets inside longer text keep their offsets', () => {
    const token = fakeGithubToken();
    const text = `git clone https://x-access-token:${token}@github.com/acme/repo.git`;
    const [match] = findSecrets(text);
    assert.equal(match && text.slice(match.start, match.end), token);
  });
});

describe('findSecrets: secret-named fields', () => {
  test('a random value in a secret-named field is a medium-confidence secret', () => {
    const [match] = findSecrets(FAKE_HIGH_ENTROPY, { keyName: 'ACME_API_KEY' });
    assert.equal(match?.kind, 'key-named-high-entropy');
    assert.equal(match.confidence, 'medium');
  });
  test('the same value without a secret name is not reported', () => {
    assert.deepEqual(kinds(FAKE_HIGH_ENTROPY), []);
    assert.deepEqual(kinds(FAKE_HIGH_ENTROPY, 'LOG_LEVEL'), []);
  });
  test('names about a secret rather than holding one are not secret names', () => {
    assert.deepEqual(kinds(FAKE_HIGH_ENTROPY, 'API_KEY_FILE'), []);
    assert.deepEqual(kinds(FAKE_HIGH_ENTROPY, 'AUTH_TENANT_ID'), []);
    assert.deepEqual(kinds(FAKE_HIGH_ENTROPY, 'TOKEN_URL'), []);
    assert.deepEqual(kinds(FAKE_HIGH_ENTROPY, 'AUTHOR'), []);
  });
  test('words, paths and URLs in secret-named fields are not secrets', () => {
    assert.deepEqual(kinds('oauth2-client-credentials', 'AUTH_MODE_SETTING'), []);
    assert.deepEqual(kinds('/Users/alice/.config/acme/token.json', 'ACME_TOKEN'), []);
    assert.deepEqual(kinds('https://auth.example.com/oauth/token', 'ACME_AUTH'), []);
    assert.deepEqual(kinds('correct-horse-battery-staple', 'PASSWORD'), []);
  });
  test('Authorization header value after its scheme', () => {
    const text = `Bearer ${FAKE_HIGH_ENTROPY}`;
    const [match] = findSecrets(text, { keyName: 'Authorization' });
    assert.equal(match && text.slice(match.start, match.end), FAKE_HIGH_ENTROPY);
  });
  test('name=value pairs inside text: flags, query strings, JSON', () => {
    assert.deepEqual(kinds(`--api-key=${FAKE_HIGH_ENTROPY}`), ['key-named-high-entropy']);
    assert.deepEqual(kinds(`https://mcp.example.com/mcp?api_key=${FAKE_HIGH_ENTROPY}&profile=x`), [
      'key-named-high-entropy',
    ]);
    assert.deepEqual(kinds(`{"client_secret": "${FAKE_HIGH_ENTROPY}"}`), ['key-named-high-entropy']);
  });
  test('a password in a URL', () => {
    assert.deepEqual(kinds('postgresql://app:Hx7vQ2mR9kLp@db.example.invalid:5432/app'), ['url-password']);
  });
});

describe('isPlaceholder', () => {
  const placeholders = [
    '${GITHUB_TOKEN}',
    '${env:GITHUB_TOKEN}',
    '${input:github_token}',
    '$GITHUB_TOKEN',
    'Bearer $API_TOKEN',
    '%GITHUB_TOKEN%',
    '{{ secrets.api_key }}',
    '<your-api-key>',
    'YOUR_API_KEY',
    'your-api-key-here',
    'yourApiKey',
    'xxxxxxxxxxxxxxxxxxxxxxxx',
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    '****************',
    'changeme',
    'example',
    'dummy',
    'test',
    'placeholder',
    'REPLACE_ME',
    'sk-...',
    'sk-proj-...abc',
    'aaaaaaaaaaaaaaaaaaaa',
    'env:GITHUB_TOKEN',
    'op://Private/GitHub/token',
    'sk_test_1234567890abcdefghij',
  ];
  for (const value of placeholders) {
    test(`placeholder: ${value}`, () => {
      assert.equal(isPlaceholder(value), true);
      assert.deepEqual(findSecrets(value, { keyName: 'API_KEY' }), []);
    });
  }
  test('real-format values are not placeholders', () => {
    assert.equal(isPlaceholder(fakeGithubToken()), false);
    assert.equal(isPlaceholder(fakeStripeKey('test')), false);
    assert.equal(isPlaceholder(FAKE_HIGH_ENTROPY), false);
  });
});

describe('describeSecret and maskSecrets', () => {
  test('the description shows only the fixed prefix, the length and the kind', () => {
    const token = fakeGithubToken();
    const [match] = findSecrets(token);
    assert.ok(match);
    assert.equal(describeSecret(match, token), 'ghp_…**** (40 chars, GitHub personal access token)');
  });
  test('a key-named match has no prefix', () => {
    const [match] = findSecrets(FAKE_HIGH_ENTROPY, { keyName: 'API_KEY' });
    assert.ok(match);
    assert.equal(
      describeSecret(match, FAKE_HIGH_ENTROPY),
      '**** (24 chars, high-entropy value of a secret-named field)',
    );
  });
  test('the Anthropic prefix stops at its fixed part', () => {
    const key = fakeAnthropicKey();
    const [match] = findSecrets(key);
    assert.ok(match);
    assert.ok(describeSecret(match, key).startsWith('sk-ant-api03-…****'));
  });
  test('masking an argument list leaves no secret behind', () => {
    const token = fakeGithubToken();
    const stripe = fakeStripeKey();
    const text = `--token ${token} --stripe=${stripe} --url https://hooks.example.invalid/?key=${FAKE_HIGH_ENTROPY}`;
    const masked = maskSecrets(text);
    assert.ok(!masked.includes(token.slice(4)));
    assert.ok(!masked.includes(stripe.slice(8)));
    assert.ok(!masked.includes(FAKE_HIGH_ENTROPY));
    assert.ok(
      masked.startsWith('--token ghp_…**** (40 chars, GitHub personal access token) --stripe=sk_live_…****'),
    );
  });
  test('masking a URL password keeps the rest of the URL', () => {
    assert.equal(
      maskSecrets('postgresql://app:Hx7vQ2mR9kLp@db.example.invalid/app'),
      'postgresql://app:**** (12 chars, password in a URL)@db.example.invalid/app',
    );
  });
  test('text without secrets is unchanged', () => {
    const text = 'npx -y @modelcontextprotocol/server-filesystem@2025.8.21 /Users/alice/projects';
    assert.equal(maskSecrets(text), text);
  });
});
