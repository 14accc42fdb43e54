import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { renderHtml } from '../../src/report/index.js';
import { sampleReport, sampleRules } from './sample-report.js';

/*
 * Runs the page's own filter script against a minimal stand-in for the DOM built from the
 * rendered rows: only what the script uses (ids, rows with data attributes and text,
 * inputs with values and change/input events).
 */

class FakeElement {
  hidden = false;
  textContent = '';
  value = '';
  checked = true;
  readonly dataset: Record<string, string> = {};
  readonly #listeners = new Map<string, (() => void)[]>();

  addEventListener(type: string, listener: () => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  fire(type: string): void {
    for (const listener of this.#listeners.get(type) ?? []) listener();
  }
}

function decode(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function page() {
  const html = renderHtml(sampleReport(), sampleRules());
  const script = /<script>([^]*?)<\/script>/.exec(html)?.[1];
  assert.ok(script !== undefined);
  const rows = [...html.matchAll(/<tr data-severity="([^"]*)" data-rule="([^"]*)">([^]*?)<\/tr>/g)].map(
    (m) => {
      const row = new FakeElement();
      row.dataset.severity = m[1] ?? '';
      row.dataset.rule = m[2] ?? '';
      row.textContent = decode(m[3] ?? '');
      return row;
    },
  );
  const boxes = [
    ...html.matchAll(/<input type="checkbox" data-filter="severity" value="([a-z]+)" checked>/g),
  ].map((m) => {
    const box = new FakeElement();
    box.value = m[1] ?? '';
    return box;
  });
  const byId: Record<string, unknown> = {
    findings: { tBodies: [{ rows }] },
    'filter-rule': new FakeElement(),
    'filter-text': new FakeElement(),
    'shown-count': new FakeElement(),
    'no-match': new FakeElement(),
  };
  const document = {
    getElementById: (id: string) => byId[id] ?? null,
    querySelectorAll: (selector: string) => (selector === 'input[data-filter="severity"]' ? boxes : []),
  };
  runInNewContext(script, { document });
  const element = (id: string) => byId[id] as FakeElement;
  const visible = () => rows.filter((r) => !r.hidden).map((r) => r.dataset.rule);
  return { rows, boxes, element, visible };
}

describe('the HTML filter script', () => {
  it('shows every finding at first', () => {
    const { rows, element, visible } = page();
    assert.equal(rows.length, 6);
    assert.equal(visible().length, 6);
    assert.equal(element('shown-count').textContent, '6');
    assert.equal(element('no-match').hidden, true);
  });

  it('filters by severity, rule and text together', () => {
    const { boxes, element, visible } = page();
    const critical = boxes.find((b) => b.value === 'critical');
    assert.ok(critical);
    critical.checked = false;
    critical.fire('change');
    assert.equal(visible().length, 5);
    assert.ok(!visible().includes('code/hardcoded-recipient'));

    const rule = element('filter-rule');
    rule.value = 'config/hardcoded-secret';
    rule.fire('change');
    assert.deepEqual(visible(), ['config/hardcoded-secret']);
    assert.equal(element('shown-count').textContent, '1');

    rule.value = '';
    rule.fire('change');
    const search = element('filter-text');
    search.value = '  SSH/ID_RSA ';
    search.fire('input');
    assert.deepEqual(visible(), ['tools/hidden-instructions']);

    search.value = 'giftshop';
    search.fire('input');
    assert.deepEqual(visible(), []);
    assert.equal(element('no-match').hidden, false);
    critical.checked = true;
    critical.fire('change');
    assert.deepEqual(visible(), ['code/hardcoded-recipient']);
  });
});
