import { unparseableConfig } from '../../../src/rules/config/unparseable-config.js';
import { ruleTester } from './rule-tester.js';

ruleTester(unparseableConfig, {
  valid: [
    {
      name: 'a parsed file',
      files: [
        {
          path: '/p/.mcp.json',
          client: 'claude-code',
          scope: 'project',
          format: 'json',
          parsed: true,
          serverCount: 2,
        },
      ],
    },
    { name: 'no files', files: [] },
  ],
  invalid: [
    {
      name: 'a syntax error with a position',
      files: [
        {
          path: '/home/alice/.cursor/mcp.json',
          client: 'cursor',
          scope: 'user',
          format: 'json',
          parsed: false,
          error: {
            code: 'parse-error',
            message: 'Expected comma or closing brace',
            position: { line: 7, column: 5 },
          },
          serverCount: 0,
        },
      ],
      hits: [{ line: 7, file: '/home/alice/.cursor/mcp.json', message: 'Expected comma' }],
    },
    {
      name: 'no position, and a secret in the parser message is masked',
      files: [
        {
          path: '/home/alice/.codex/config.toml',
          client: 'codex',
          scope: 'user',
          format: 'toml',
          parsed: false,
          error: { code: 'parse-error', message: 'Invalid value near api_key = "Kd8fJ2mQp9Xz4LwR7tYvB3nM"' },
          serverCount: 0,
        },
      ],
      hits: [{ line: undefined, file: '/home/alice/.codex/config.toml' }],
      secret: 'Kd8fJ2mQp9Xz4LwR7tYvB3nM',
    },
  ],
});
