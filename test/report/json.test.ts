import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReportSchema, type Report } from '../../src/model/report.js';
import { renderJson } from '../../src/report/index.js';
import { cleanReport, sampleReport } from './sample-report.js';

/** The same report with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

describe('renderJson', () => {
  it('parses back with the report schema into the same report', () => {
    for (const report of [sampleReport(), cleanReport(), { ...cleanReport(), runId: 7 }]) {
      const parsed = ReportSchema.safeParse(JSON.parse(renderJson(report)));
      assert.ok(parsed.success, parsed.error?.message);
      assert.deepEqual(parsed.data, report);
    }
  });

  it('uses the contract field names in a fixed order whatever order the report was built in', () => {
    const report = { ...sampleReport(), runId: 3 };
    const text = renderJson(report);
    assert.equal(renderJson(reversedKeys(report) as Report), text);
    const data = JSON.parse(text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(data), [
      'tool',
      'command',
      'startedAt',
      'durationMs',
      'targets',
      'findings',
      'coverage',
      'summary',
      'servers',
      'packages',
      'changes',
      'runId',
    ]);
    const findings = data.findings as Record<string, unknown>[];
    assert.deepEqual(Object.keys(findings[0] ?? {}), [
      'ruleId',
      'severity',
      'confidence',
      'title',
      'message',
      'target',
      'location',
      'evidence',
      'fingerprint',
    ]);
    assert.deepEqual(Object.keys(findings[0]?.location ?? {}), ['file', 'line', 'column']);
    assert.deepEqual(Object.keys(findings[1]?.location ?? {}), ['server', 'tool', 'field']);
    assert.deepEqual(Object.keys(data.summary as object), ['critical', 'high', 'medium', 'low', 'info']);
    assert.deepEqual(Object.keys(data.coverage as object), [
      'complete',
      'filesScanned',
      'skipped',
      'searched',
    ]);
  });

  it('is indented by two spaces and ends with a newline', () => {
    const text = renderJson(cleanReport());
    assert.ok(text.startsWith('{\n  "tool": {\n    "name": "mcp-warden",'));
    assert.ok(text.endsWith('}\n'));
  });

  it('leaves absent optional fields out', () => {
    const data = JSON.parse(renderJson(cleanReport())) as Record<string, unknown>;
    for (const key of ['servers', 'packages', 'changes', 'runId']) assert.ok(!(key in data), key);
    assert.ok(!('searched' in (data.coverage as object)));
  });
});
