import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Report } from '../../src/model/report.js';
import { renderSarif, SARIF_SCHEMA } from '../../src/report/index.js';
import { sarifValidator } from '../helpers/sarif-schema.js';
import { HOME, PROJECT, TOOLS_FILE, cleanReport, sampleReport, sampleRules } from './sample-report.js';

const validate = sarifValidator();

interface SarifLog {
  $schema: string;
  version: string;
  runs: SarifRun[];
}
interface SarifRun {
  tool: { driver: { name: string; version: string; informationUri: string; rules: Descriptor[] } };
  results: Result[];
  invocations: { executionSuccessful: boolean; toolExecutionNotifications?: Notification[] }[];
  originalUriBaseIds?: Record<string, { uri: string }>;
}
interface Descriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[]; precision: string; 'security-severity': string };
}
interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: ArtifactLocation; region?: Record<string, number> };
    logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[];
    properties?: Record<string, string>;
  }[];
  partialFingerprints: Record<string, string>;
}
interface Notification {
  level: string;
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: ArtifactLocation } }[];
}

function render(report: Report, baseDir?: string): SarifLog {
  const text = renderSarif(report, sampleRules(), baseDir !== undefined ? { baseDir } : {});
  const log = JSON.parse(text) as SarifLog;
  assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  return log;
}

function onlyRun(log: SarifLog): SarifRun {
  const [run, ...more] = log.runs;
  assert.ok(run);
  assert.equal(more.length, 0);
  return run;
}

function resultOf(run: SarifRun, ruleId: string): Result {
  const result = run.results.find((r) => r.ruleId === ruleId);
  assert.ok(result, `no result for ${ruleId}`);
  return result;
}

function physical(result: Result): { artifactLocation: ArtifactLocation; region?: Record<string, number> } {
  const location = result.locations[0];
  assert.ok(location);
  return location.physicalLocation;
}

describe('the SARIF schema check', () => {
  function brokenBy(change: (result: Result) => void): boolean {
    const log = JSON.parse(renderSarif(sampleReport(), sampleRules(), { baseDir: PROJECT })) as SarifLog;
    const result = onlyRun(log).results[0];
    assert.ok(result);
    change(result);
    return validate(log);
  }

  it('is not vacuous: it rejects a bad level, an unencoded URI, a line 0', () => {
    assert.equal(
      brokenBy(() => undefined),
      true,
    );
    assert.equal(
      brokenBy((r) => (r.level = 'fatal')),
      false,
    );
    assert.equal(
      brokenBy((r) => (physical(r).artifactLocation.uri = 'file:///home/alice/a b.js')),
      false,
    );
    assert.equal(
      brokenBy((r) => ((physical(r).region ?? {}).startLine = 0)),
      false,
    );
  });
});

describe('renderSarif', () => {
  it('validates against the SARIF 2.1.0 schema: file and tool findings, no-line findings, skipped items', () => {
    const log = render(sampleReport(), PROJECT);
    assert.equal(log.$schema, SARIF_SCHEMA);
    assert.equal(log.version, '2.1.0');
    const run = onlyRun(log);
    assert.equal(run.tool.driver.name, 'mcp-warden');
    assert.equal(run.tool.driver.version, '0.1.0');
    assert.equal(run.results.length, sampleReport().findings.length);
  });

  it('validates for a clean report and without a base folder', () => {
    const run = onlyRun(render(cleanReport()));
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.tool.driver.rules, []);
    assert.deepEqual(run.invocations, [{ executionSuccessful: true }]);
    assert.equal(run.originalUriBaseIds, undefined);
  });

  it('describes each rule with results: name, help, tags with CWE ids, precision and security-severity', () => {
    const run = onlyRun(render(sampleReport(), PROJECT));
    const ids = run.tool.driver.rules.map((r) => r.id);
    assert.deepEqual(ids, [...new Set(sampleReport().findings.map((f) => f.ruleId))].sort());
    const recipient = run.tool.driver.rules.find((r) => r.id === 'code/hardcoded-recipient');
    assert.deepEqual(recipient, {
      id: 'code/hardcoded-recipient',
      name: 'CodeHardcodedRecipient',
      shortDescription: { text: 'Hard-coded recipient in an outbound payload' },
      fullDescription: { text: 'What code/hardcoded-recipient finds and why it matters.' },
      help: {
        text: 'Remove the fixed recipient; only send mail where the caller asked.',
        markdown:
          'What code/hardcoded-recipient finds and why it matters.\n\n' +
          '**How to fix:** Remove the fixed recipient; only send mail where the caller asked.\n\n' +
          'References:\n- <https://example.com/advisories/postmark-mcp-1.0.16>',
      },
      helpUri: 'https://github.com/mcp-warden/mcp-warden/blob/main/docs/rules/code/hardcoded-recipient.md',
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['security', 'code', 'external/cwe/cwe-201'],
        precision: 'high',
        'security-severity': '9.5',
      },
    });
    const hidden = run.tool.driver.rules.find((r) => r.id === 'tools/hidden-instructions');
    assert.deepEqual(hidden?.properties, {
      tags: ['security', 'tools', 'external/cwe/cwe-74', 'external/cwe/cwe-1427'],
      precision: 'medium',
      'security-severity': '8.0',
    });
    const http = run.tool.driver.rules.find((r) => r.id === 'config/plain-http');
    assert.equal(http?.defaultConfiguration.level, 'warning');
    assert.equal(http.properties['security-severity'], '5.5');
    assert.equal(
      run.tool.driver.rules.find((r) => r.id === 'config/disabled-server')?.defaultConfiguration.level,
      'note',
    );
  });

  it('points every result at its descriptor, with level, message and fingerprint', () => {
    const report = sampleReport();
    const run = onlyRun(render(report, PROJECT));
    report.findings.forEach((finding, i) => {
      const result = run.results[i];
      assert.ok(result);
      assert.equal(result.ruleId, finding.ruleId);
      assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, finding.ruleId);
      assert.equal(result.message.text, finding.message);
      assert.deepEqual(result.partialFingerprints, { 'mcpWarden/v1': finding.fingerprint });
      assert.ok(
        result.locations.length === 1 && result.locations[0]?.physicalLocation.artifactLocation.uri !== '',
      );
    });
    assert.deepEqual(
      run.results.map((r) => r.level),
      ['error', 'error', 'error', 'warning', 'note', 'note'],
    );
  });

  it('uses %SRCROOT%-relative URIs under the base folder and file URIs elsewhere, percent-encoded', () => {
    const run = onlyRun(render(sampleReport(), PROJECT));
    assert.deepEqual(run.originalUriBaseIds, {
      '%SRCROOT%': { uri: 'file:///home/alice/my%20projects/app/' },
    });
    assert.deepEqual(physical(resultOf(run, 'config/plain-http')), {
      artifactLocation: { uri: '.vscode/mcp.json', uriBaseId: '%SRCROOT%' },
    });
    assert.deepEqual(physical(resultOf(run, 'config/hardcoded-secret')), {
      artifactLocation: { uri: 'file:///home/alice/.cursor/mcp.json' },
      region: { startLine: 7, startColumn: 9 },
    });
    assert.deepEqual(physical(resultOf(run, 'config/disabled-server')), {
      artifactLocation: {
        uri: 'file:///C:/Users/Alice%20%C3%96/AppData/Roaming/Claude/claude_desktop_config.json',
      },
      region: { startLine: 12, startColumn: 5 },
    });
    // A file inside a package stays a relative reference: there is no folder to resolve it against.
    assert.deepEqual(physical(resultOf(run, 'code/hardcoded-recipient')), {
      artifactLocation: { uri: 'index.js' },
      region: { startLine: 133, startColumn: 5 },
    });
  });

  it('gives no region when the line is not known', () => {
    const run = onlyRun(render(sampleReport(), PROJECT));
    assert.equal(physical(resultOf(run, 'config/plain-http')).region, undefined);
  });

  it('resolves relative files of a scanned folder against it', () => {
    const report = cleanReport();
    const finding = sampleReport().findings[0];
    assert.ok(finding);
    report.targets = [{ kind: 'folder', ref: `${PROJECT}/vendor/mail-mcp` }];
    report.findings = [
      { ...finding, target: `${PROJECT}/vendor/mail-mcp`, location: { file: 'src/send #1.js', line: 3 } },
    ];
    report.summary.critical = 1;
    const run = onlyRun(render(report, PROJECT));
    assert.deepEqual(physical(resultOf(run, 'code/hardcoded-recipient')), {
      artifactLocation: { uri: 'vendor/mail-mcp/src/send%20%231.js', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3 },
    });
  });

  it('gives tool findings a logical location and the file they were read from', () => {
    const run = onlyRun(render(sampleReport(), PROJECT));
    const hidden = resultOf(run, 'tools/hidden-instructions');
    assert.deepEqual(hidden.locations, [
      {
        physicalLocation: { artifactLocation: { uri: 'file:///home/alice/tools/weather%20tools.json' } },
        logicalLocations: [
          { name: 'get_forecast', fullyQualifiedName: 'weather/get_forecast', kind: 'function' },
        ],
        properties: { field: 'description' },
      },
    ]);
    assert.ok(TOOLS_FILE.includes(' '));
    // Not from a file: the config file that declares the server, at the entry's line.
    const cross = resultOf(run, 'tools/cross-tool-reference');
    assert.deepEqual(cross.locations[0]?.physicalLocation, {
      artifactLocation: { uri: `file://${HOME}/.cursor/mcp.json` },
      region: { startLine: 3 },
    });
    assert.deepEqual(cross.locations[0].logicalLocations, [
      { name: 'create_issue', fullyQualifiedName: 'github/create_issue', kind: 'function' },
    ]);
  });

  it('reports skipped items as warning notifications of a successful invocation', () => {
    const run = onlyRun(render(sampleReport(), PROJECT));
    const [invocation] = run.invocations;
    assert.ok(invocation);
    assert.equal(invocation.executionSuccessful, true);
    const notes = invocation.toolExecutionNotifications ?? [];
    assert.equal(notes.length, 2);
    assert.ok(notes.every((n) => n.level === 'warning'));
    assert.equal(
      notes[0]?.message.text,
      `Not analysed: ${HOME}/.continue/config.yaml: YAML parse error at line 3, column 1`,
    );
    assert.deepEqual(notes[0].locations, [
      { physicalLocation: { artifactLocation: { uri: 'file:///home/alice/.continue/config.yaml' } } },
    ]);
    assert.ok(notes[1]?.message.text.includes('package/dist/bundle.min.js'));
    assert.ok(notes[1]?.message.text.includes('larger than the 5 MB limit'));
  });

  it('describes a rule missing from the catalog from its finding', () => {
    const report = sampleReport();
    const first = report.findings[0];
    assert.ok(first);
    report.findings.push({ ...first, ruleId: 'package/unknown-thing', severity: 'low', fingerprint: 'ffff' });
    const run = onlyRun(render(report));
    const descriptor = run.tool.driver.rules.find((r) => r.id === 'package/unknown-thing');
    assert.deepEqual(descriptor, {
      id: 'package/unknown-thing',
      name: 'PackageUnknownThing',
      shortDescription: { text: first.title },
      defaultConfiguration: { level: 'note' },
      properties: { tags: ['security'], precision: 'high', 'security-severity': '3.0' },
    });
  });

  it('lists every rule passed in when asked', () => {
    const text = renderSarif(cleanReport(), sampleRules(), { allRules: true });
    const run = onlyRun(JSON.parse(text) as SarifLog);
    assert.deepEqual(
      run.tool.driver.rules.map((r) => r.id),
      [...sampleRules().keys()].sort(),
    );
  });
});
