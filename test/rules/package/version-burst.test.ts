import { versionBurst } from '../../../src/rules/package/version-burst.js';
import { manifest, packageRuleTester } from './rule-tester.js';

function packument(time: Record<string, string>): unknown {
  return { name: 'a-mcp', versions: {}, time };
}

const MONTHLY = {
  created: '2024-01-01T00:00:00.000Z',
  '1.0.0': '2024-01-01T00:00:00.000Z',
  '1.1.0': '2024-02-01T00:00:00.000Z',
  '1.2.0': '2024-03-01T00:00:00.000Z',
};

packageRuleTester(versionBurst, {
  valid: [
    { name: 'offline', files: { 'package.json': manifest({ name: 'a-mcp', version: '1.2.0' }) } },
    {
      name: 'a monthly cadence',
      files: { 'package.json': manifest({ name: 'a-mcp', version: '1.2.0' }) },
      packument: packument(MONTHLY),
    },
    {
      name: 'seven versions in a day is under the threshold',
      files: { 'package.json': manifest({ name: 'a-mcp', version: '2.0.6' }) },
      packument: packument({
        ...MONTHLY,
        '2.0.0': '2025-05-01T00:00:00.000Z',
        '2.0.1': '2025-05-01T01:00:00.000Z',
        '2.0.2': '2025-05-01T02:00:00.000Z',
        '2.0.3': '2025-05-01T03:00:00.000Z',
        '2.0.4': '2025-05-01T04:00:00.000Z',
        '2.0.5': '2025-05-01T05:00:00.000Z',
        '2.0.6': '2025-05-01T06:00:00.000Z',
      }),
    },
    {
      name: 'four launch versions in two days',
      files: { 'package.json': manifest({ name: 'a-mcp', version: '0.1.3' }) },
      packument: packument({
        created: '2025-05-01T00:00:00.000Z',
        '0.1.0': '2025-05-01T00:00:00.000Z',
        '0.1.1': '2025-05-01T05:00:00.000Z',
        '0.1.2': '2025-05-02T05:00:00.000Z',
        '0.1.3': '2025-05-02T20:00:00.000Z',
      }),
    },
    {
      name: 'a launch burst long before the analysed version',
      files: { 'package.json': manifest({ name: 'a-mcp', version: '1.0.0' }) },
      packument: packument({
        created: '2025-05-01T00:00:00.000Z',
        '0.1.0': '2025-05-01T00:00:00.000Z',
        '0.1.1': '2025-05-01T01:00:00.000Z',
        '0.1.2': '2025-05-01T02:00:00.000Z',
        '0.1.3': '2025-05-01T03:00:00.000Z',
        '0.1.4': '2025-05-01T04:00:00.000Z',
        '1.0.0': '2025-08-01T00:00:00.000Z',
      }),
    },
  ],
  invalid: [
    {
      name: 'eight versions within 72 hours around the analysed one',
      files: { 'package.json': manifest({ name: 'a-mcp', version: '2.0.3' }) },
      packument: packument({
        ...MONTHLY,
        '2.0.0': '2025-05-01T00:00:00.000Z',
        '2.0.1': '2025-05-01T10:00:00.000Z',
        '2.0.2': '2025-05-02T00:00:00.000Z',
        '2.0.3': '2025-05-02T10:00:00.000Z',
        '2.0.4': '2025-05-03T00:00:00.000Z',
        '2.0.5': '2025-05-03T10:00:00.000Z',
        '2.0.6': '2025-05-03T20:00:00.000Z',
        '2.0.7': '2025-05-03T23:00:00.000Z',
      }),
      hits: [{ line: 3, field: 'version', severity: 'medium', message: 'one of 8 versions' }],
    },
    {
      name: 'five launch versions within 48 hours of creation',
      files: { 'package.json': manifest({ name: 'a-mcp', version: '0.1.4' }) },
      packument: packument({
        created: '2025-05-01T00:00:00.000Z',
        modified: '2025-05-02T23:00:00.000Z',
        '0.1.0': '2025-05-01T00:00:00.000Z',
        '0.1.1': '2025-05-01T06:00:00.000Z',
        '0.1.2': '2025-05-01T18:00:00.000Z',
        '0.1.3': '2025-05-02T06:00:00.000Z',
        '0.1.4': '2025-05-02T23:00:00.000Z',
      }),
      hits: [
        {
          line: 3,
          field: 'version',
          severity: 'medium',
          message: 'first 5 versions, all published within 47 hours',
        },
      ],
    },
  ],
});
