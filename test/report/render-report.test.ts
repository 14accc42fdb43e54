import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  REPORT_FORMATS,
  renderHtml,
  renderJson,
  renderReport,
  renderSarif,
  renderText,
} from '../../src/report/index.js';
import { PROJECT, sampleReport, sampleRules } from './sample-report.js';

describe('renderReport', () => {
  it('dispatches to the renderer of each format, passing the options it knows', () => {
    const report = sampleReport();
    const rules = sampleRules();
    assert.deepEqual(REPORT_FORMATS, ['text', 'json', 'sarif', 'html']);
    assert.equal(
      renderReport('text', report, rules, { color: true, verbose: true }),
      renderText(report, rules, { color: true, verbose: true }),
    );
    assert.equal(renderReport('text', report, rules), renderText(report, rules, { color: false }));
    assert.equal(renderReport('json', report, rules, { color: true }), renderJson(report));
    assert.equal(
      renderReport('sarif', report, rules, { baseDir: PROJECT }),
      renderSarif(report, rules, { baseDir: PROJECT }),
    );
    assert.equal(renderReport('html', report, rules), renderHtml(report, rules));
  });

  it('ends every format with a newline', () => {
    for (const format of REPORT_FORMATS) {
      assert.ok(renderReport(format, sampleReport(), sampleRules()).endsWith('\n'), format);
    }
  });
});
