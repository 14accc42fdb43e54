import { recentVersion } from '../../../src/rules/package/recent-version.js';
import { manifest, packageRuleTester } from './rule-tester.js';

const files = { 'package.json': manifest({ name: 'a-mcp', version: '1.2.0' }) };
const NOW = '2025-11-24T12:00:00.000Z';

function timed(stamp: string): unknown {
  return {
    name: 'a-mcp',
    versions: { '1.2.0': { version: '1.2.0' } },
    time: { created: '2024-01-01T00:00:00.000Z', '1.2.0': stamp },
  };
}

packageRuleTester(recentVersion, {
  valid: [
    { name: 'offline: no registry metadata', files, now: NOW },
    { name: 'published four days ago', files, now: NOW, packument: timed('2025-11-20T11:00:00.000Z') },
    { name: 'published exactly 72 hours ago', files, now: NOW, packument: timed('2025-11-21T12:00:00.000Z') },
    {
      name: 'the version has no time record',
      files,
      now: NOW,
      packument: { name: 'a-mcp', versions: {}, time: { created: '2024-01-01T00:00:00.000Z' } },
    },
    { name: 'an unreadable time', files, now: NOW, packument: timed('yesterday') },
  ],
  invalid: [
    {
      name: 'published five hours ago',
      files,
      now: NOW,
      packument: timed('2025-11-24T07:00:00.000Z'),
      hits: [{ line: 3, field: 'version', message: '5 hours ago' }],
    },
    {
      name: 'published two and a half days ago',
      files,
      now: NOW,
      packument: timed('2025-11-22T00:00:00.000Z'),
      hits: [{ line: 3, field: 'version', message: '2 days 12 hours ago' }],
    },
    {
      name: 'published after the analysis clock',
      files,
      now: NOW,
      packument: timed('2025-11-24T12:30:00.000Z'),
      hits: [{ line: 3, field: 'version', message: 'after the analysis clock' }],
    },
  ],
});
