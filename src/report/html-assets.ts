import { createHash } from 'node:crypto';

/*
 * The stylesheet and the filter script of the HTML report. They are inlined, and the
 * report's Content-Security-Policy allows exactly these two by their SHA-256 hashes:
 * nothing else can run or style the page, and nothing can be fetched (default-src 'none').
 * The script only sets `hidden` and `textContent`; it never turns report text into markup.
 */

export const HTML_STYLE = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #59636e; --bg: #fff; --line: #d1d9e0; --panel: #f6f8fa;
  --critical: #a40e26; --high: #d1242f; --medium: #9a6700; --low: #0969da; --info: #59636e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #3d444d;
  --panel: #151b23; --critical: #ff7b72; --high: #f85149; --medium: #d29922; --low: #4493f8; --info: #9198a1; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem; font: 14px/1.45 system-ui, sans-serif; color: var(--fg);
  background: var(--bg); }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
.meta { color: var(--muted); margin: .1rem 0; }
.banner { border: 2px solid var(--high); color: var(--high); padding: .6rem .8rem; margin: 1rem 0; font-weight: 600; }
.clean { border-color: var(--info); color: var(--fg); font-weight: 400; }
.counts { display: flex; gap: .5rem; flex-wrap: wrap; margin: 1rem 0; }
.count { border: 1px solid var(--line); background: var(--panel); padding: .4rem .8rem; min-width: 7rem; }
.count b { display: block; font-size: 1.3rem; }
.filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; margin: .5rem 0; }
.filters input[type=search] { min-width: 16rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--panel); position: sticky; top: 0; }
td { overflow-wrap: anywhere; }
code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { white-space: pre-wrap; margin: 0; max-height: 12rem; overflow: auto; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 12px; }
.sev-critical { color: var(--critical); } .sev-high { color: var(--high); } .sev-medium { color: var(--medium); }
.sev-low { color: var(--low); } .sev-info { color: var(--info); }
.muted { color: var(--muted); }
[hidden] { display: none !important; }
`;

export const HTML_SCRIPT = `
(() => {
  'use strict';
  const table = document.getElementById('findings');
  if (table === null) return;
  const rows = Array.from(table.tBodies[0].rows);
  const boxes = Array.from(document.querySelectorAll('input[data-filter="severity"]'));
  const rule = document.getElementById('filter-rule');
  const search = document.getElementById('filter-text');
  const shown = document.getElementById('shown-count');
  const none = document.getElementById('no-match');
  const apply = () => {
    const severities = new Set(boxes.filter((box) => box.checked).map((box) => box.value));
    const wanted = rule.value;
    const text = search.value.trim().toLowerCase();
    let count = 0;
    for (const row of rows) {
      const visible =
        severities.has(row.dataset.severity) &&
        (wanted === '' || row.dataset.rule === wanted) &&
        (text === '' || row.textContent.toLowerCase().includes(text));
      row.hidden = !visible;
      if (visible) count += 1;
    }
    shown.textContent = String(count);
    none.hidden = count !== 0;
  };
  for (const box of boxes) box.addEventListener('change', apply);
  rule.addEventListener('change', apply);
  search.addEventListener('input', apply);
  apply();
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * `default-src 'none'` forbids every fetch (images, fonts, frames, connections); the one
 * stylesheet and the one script are allowed by hash, which also rules out inline event
 * handlers and `style` attributes. The JSON data block is never executed, so it needs no
 * allowance. `base-uri` and `form-action` are closed as well.
 */
export const HTML_CSP = [
  "default-src 'none'",
  `style-src ${sha256(HTML_STYLE)}`,
  `script-src ${sha256(HTML_SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
