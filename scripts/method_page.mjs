#!/usr/bin/env node
// Writes the site's "Sources and method" page (method.html) into a staged build: docs/MODEL.md rendered to HTML,
// a table of every parameter default and every base-year figure with its source, and "How to cite".
//
// Usage: node scripts/method_page.mjs STAGING_DIR   (run by scripts/post_build.py, Trunk's post_build hook)
//
// Inputs, all read from the repository (TRUNK_SOURCE_DIR, else the current directory):
// - docs/MODEL.md: rendered with markdown-it (raw HTML escaped); its parameter table (generated from src/params.rs by
//   `ree-outlook --list-params`, kept in step by tests/docs.rs) gives each parameter's default, ranges and source text.
// - index.html: its sources list (#sources) gives each document cited by publisher and date ("Reuters, 12 Aug 2020")
//   its address, so a parameter's source text gets links without the native command line being built here.
// - data/base-2025.json: the base-year figures, reserves, constants, statuses and projects with their sources and tags.
// - scripts/param_tags.json: the P/S/D/U tag of each parameter default (src/params.rs has no tag field).
// - STAGING_DIR/index.html: the built page, for its hashed stylesheet link, so the method page uses the same file.
// Anything missing or inconsistent stops the build with a message; the page itself has no script at all.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import MarkdownIt from 'markdown-it';

const OUT_NAME = 'method.html';

function fail(message) {
  console.error(`method_page: ${message}`);
  process.exit(1);
}

/** Text escaped for HTML content and double-quoted attribute values. */
export function esc(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A heading's id: lower case words joined by hyphens, with a prefix so the model's ids never clash with the page's. */
export function slug(text, prefix = 'm-') {
  const base = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return prefix + (base || 'section');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-02-26" → "26 Feb 2026", "2026-02" → "Feb 2026", "2020" → "2020"; anything else as it is. */
export function readableDate(iso) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(iso));
  if (!m) return String(iso);
  const [, year, month, day] = m;
  if (!month) return year;
  const name = MONTHS[Number(month) - 1];
  if (!name) return String(iso);
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** The cells of one markdown table row ("| a | b |" → ["a", "b"]); pipes inside code spans are not expected. */
function cells(line) {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

/** The parameter table of docs/MODEL.md's "## Parameters" section: one object per row, keyed by the header. */
export function parameterRows(markdown) {
  const start = markdown.search(/^## Parameters\s*$/m);
  if (start < 0) fail('docs/MODEL.md has no "## Parameters" section');
  const section = markdown.slice(start).split(/\n## /)[0];
  const lines = section.split('\n').filter((line) => line.trim().startsWith('|'));
  if (lines.length < 3) fail('docs/MODEL.md\'s "## Parameters" section has no table');
  const header = cells(lines[0]);
  for (const needed of ['key', 'label', 'default', 'allowed', 'source']) {
    if (!header.includes(needed)) fail(`docs/MODEL.md's parameter table has no "${needed}" column`);
  }
  return lines.slice(2).map((line) => {
    const row = Object.fromEntries(cells(line).map((cell, i) => [header[i], cell]));
    row.key = row.key.replace(/`/g, '');
    if (!/^[a-z][a-z0-9_]*$/.test(row.key)) fail(`docs/MODEL.md's parameter table has an odd key: ${row.key}`);
    return row;
  });
}

/** Tag names in a fragment of HTML removed, entities decoded (enough for the sources list's plain text). */
function plain(html) {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();
}

/**
 * The documents of index.html's sources list: for each bold label ("Reuters, 12 Aug 2020"), the address of the link
 * that follows it in its list item, the link's text (the title) and the item's text.
 */
export function listedDocuments(indexHtml) {
  const start = indexHtml.indexOf('<section id="sources"');
  if (start < 0) fail('index.html has no <section id="sources">');
  const section = indexHtml.slice(start, indexHtml.indexOf('</section>', start));
  const docs = [];
  for (const [, id, body] of section.matchAll(/<li id="([^"]+)">([\s\S]*?)<\/li>/g)) {
    const links = [...body.matchAll(/<a href="([^"]+)">([\s\S]*?)<\/a>/g)];
    for (const m of body.matchAll(/<b>([\s\S]*?)<\/b>/g)) {
      // A label's link is the first one after it; an item without a link (no recorded address) gets none.
      const link = links.find((l) => l.index > m.index) || null;
      const title = link ? plain(link[2]).replace(/^“|”$/g, '') : '';
      docs.push({ id, label: plain(m[1]), url: link ? link[1] : null, title, text: plain(body) });
    }
  }
  if (docs.length < 20) fail(`index.html's sources list looks empty (${docs.length} documents)`);
  return docs;
}

/**
 * The source text of a parameter as HTML, with each listed document it names turned into a link to its address.
 * Longer labels are matched first so "Rare Earth Exchanges, 2 Feb 2026" is not taken for a shorter one.
 * Returns { html, documents } (documents: the listed documents named, in the order of the text).
 */
export function linkSources(text, documents) {
  const named = [];
  const byLength = [...documents].sort((a, b) => b.label.length - a.label.length);
  let spans = [{ text, doc: null }];
  for (const doc of byLength) {
    const next = [];
    for (const span of spans) {
      if (span.doc) {
        next.push(span);
        continue;
      }
      const at = span.text.indexOf(doc.label);
      // A label followed by more digits is another date ("2025" inside "2025s" or "TASS, Feb 2026" in "Feb 20260").
      if (at < 0 || /^[0-9A-Za-z]/.test(span.text.slice(at + doc.label.length))) {
        next.push(span);
        continue;
      }
      next.push({ text: span.text.slice(0, at), doc: null });
      next.push({ text: doc.label, doc });
      next.push({ text: span.text.slice(at + doc.label.length), doc: null });
      if (!named.includes(doc)) named.push(doc);
    }
    spans = next.filter((s) => s.text !== '');
  }
  const html = spans
    .map((s) => (s.doc && s.doc.url ? `<a href="${esc(s.doc.url)}">${esc(s.text)}</a>` : esc(s.text)))
    .join('');
  named.sort((a, b) => text.indexOf(a.label) - text.indexOf(b.label));
  return { html, documents: named };
}

/** The markdown renderer for docs/MODEL.md: headings one level down with ids, tables in labelled scroll regions,
 * links to files of the repository (not part of the site) kept as text, code blocks wrapped. */
export function modelRenderer() {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const used = new Set();
  md.core.ruler.push('ree_outline', (state) => {
    let heading = 'The model';
    let tables = 0;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.type === 'heading_open') {
        const level = Number(token.tag.slice(1));
        if (level > 5) fail(`docs/MODEL.md has a heading deeper than h5: ${tokens[i + 1].content}`);
        token.tag = `h${level + 1}`;
        tokens.find((t, j) => j > i && t.type === 'heading_close').tag = token.tag;
        heading = tokens[i + 1].content.replace(/[`*]/g, '');
        let id = slug(heading);
        for (let n = 2; used.has(id); n++) id = `${slug(heading)}-${n}`;
        used.add(id);
        token.attrSet('id', id);
      } else if (token.type === 'th_open' || token.type === 'td_open') {
        // Column alignment as a class, not a style attribute, which the Content-Security-Policy forbids.
        const style = token.attrGet('style');
        if (style) {
          const align = /text-align:\s*(left|right|center)/.exec(style);
          token.attrs = token.attrs.filter(([name]) => name !== 'style');
          if (align) token.attrJoin('class', `align-${align[1]}`);
        }
      } else if (token.type === 'table_open') {
        tables += 1;
        token.meta = { label: `Table ${tables}: ${heading}` };
      }
    }
  });
  const defaultRender = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options);
  md.renderer.rules.table_open = (tokens, idx, options, env, self) =>
    `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(tokens[idx].meta.label)}">\n` +
    defaultRender(tokens, idx, options, env, self);
  md.renderer.rules.table_close = (tokens, idx, options, env, self) => defaultRender(tokens, idx, options, env, self) + '</div>\n';
  // Links to files of the repository (docs/DATA-CHANGES.md, …) lead nowhere on the site: keep their text only.
  const repoLink = (href) => !/^(https?:|mailto:|#)/.test(href);
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = tokens[idx].attrGet('href') || '';
    if (repoLink(href)) {
      env.skipped = (env.skipped || 0) + 1;
      tokens[idx].meta = { ...(tokens[idx].meta || {}), skipped: true };
      const close = tokens.slice(idx).find((t) => t.type === 'link_close');
      close.meta = { ...(close.meta || {}), skipped: true };
      return `<span class="repo-file" title="${esc(href)} in the project's repository">`;
    }
    return defaultRender(tokens, idx, options, env, self);
  };
  md.renderer.rules.link_close = (tokens, idx, options, env, self) =>
    tokens[idx].meta && tokens[idx].meta.skipped ? '</span>' : defaultRender(tokens, idx, options, env, self);
  return md;
}

/** The stylesheet <link> of the built index.html (Trunk's hashed name, with its integrity attribute). */
export function stylesheetLink(builtIndex) {
  const link = builtIndex.match(/<link\b[^>]*\brel=["']?stylesheet\b[^>]*>/i);
  if (!link) fail('the built index.html has no stylesheet <link>');
  return link[0];
}

/** The build's date (YYYY-MM-DD): SOURCE_DATE_EPOCH, else the last commit's date, else today (UTC). */
export function buildDate(root) {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  try {
    const out = execFileSync('git', ['-C', root, 'log', '-1', '--format=%cs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(out)) return out;
  } catch {
    // not a git checkout (an unpacked archive): today
  }
  return new Date().toISOString().slice(0, 10);
}

const TAG_WORDS = {
  P: 'read in the primary document',
  S: 'quoted from the named source by a secondary report',
  D: 'derived from other figures',
  U: 'an assumption',
};

function tagCell(tag) {
  if (!TAG_WORDS[tag]) fail(`unknown tag ${JSON.stringify(tag)}`);
  return `<td class="tag"><abbr title="${esc(TAG_WORDS[tag])}">${tag}</abbr></td>`;
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/** One data source (a key of the data file's "sources") as a cell: publisher, title, date, linked address. */
function dataSourceCell(data, key) {
  const source = data.sources[key];
  if (!source) fail(`data file: unknown source ${JSON.stringify(key)}`);
  if (key === 'assumption') return '<td>Assumption of ours, explained in <a href="#model">the model</a> below</td>';
  const title = `“${esc(source.title)}”`;
  return `<td>${esc(source.publisher)}, <a href="${esc(source.url)}">${title}</a>, ${esc(readableDate(source.date))}</td>`;
}

function editionCell(data, key) {
  const edition = data.sources[key] && data.sources[key].edition;
  return `<td>${edition ? esc(edition) : '<span class="none">–</span>'}</td>`;
}

function tableWrap(label, headers, rows, id) {
  return (
    `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(label)}">\n` +
    `<table${id ? ` id="${id}"` : ''} class="method-table">\n<thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>\n<tbody>\n` +
    rows.join('\n') +
    '\n</tbody>\n</table>\n</div>'
  );
}

/** The parameter table: key, label, default, ranges, source with links, edition of the linked documents, tag. */
function parameterTable(params, documents, tags, data, whyIds) {
  const editionsByUrl = new Map(Object.values(data.sources).filter((s) => s.edition).map((s) => [s.url, s.edition]));
  const keys = new Set(params.map((p) => p.key));
  for (const key of Object.keys(tags)) if (!keys.has(key)) fail(`scripts/param_tags.json tags ${key}, which docs/MODEL.md's table lacks`);
  const rows = params.map((p) => {
    const tag = tags[p.key];
    if (!tag) fail(`scripts/param_tags.json has no tag for the parameter ${p.key}`);
    if (/^Assumption/.test(p.source) && tag !== 'U') fail(`${p.key}: its source says "Assumption" but its tag is ${tag}`);
    if (/^Derived/.test(p.source) && tag !== 'D') fail(`${p.key}: its source says "Derived" but its tag is ${tag}`);
    const { html, documents: named } = linkSources(p.source, documents);
    const links = named.filter((d) => d.url);
    // Where the text names no listed document, the source link points at what it rests on, on this page.
    let extra = '';
    if (links.length === 0) {
      if (/data\/base-2025\.json|data file|pipeline/.test(p.source)) extra = ' (<a href="#pipeline">the project pipeline</a>)';
      else if (/^Assumption/.test(p.source) && whyIds.has(p.key)) extra = ` (<a href="#m-why-${p.key}">what it rests on</a>)`;
      else if (/^Assumption/.test(p.source)) extra = ' (<a href="#m-parameters">the model\'s parameters</a>)';
      else fail(`${p.key}: its source names no document of index.html's sources list and is not an assumption: ${p.source}`);
    }
    const editions = [...new Set(links.map((d) => editionsByUrl.get(d.url)).filter(Boolean))];
    const docsList = links.length
      ? `<ul class="method-docs">${links
          .map((d) => `<li>${esc(d.label)}: <a href="${esc(d.url)}">${esc(d.title || d.url)}</a></li>`)
          .join('')}</ul>`
      : '';
    return (
      `<tr id="param-${esc(p.key)}"><th scope="row"><code>${esc(p.key)}</code><br><span class="method-label">${esc(p.label)}</span></th>` +
      `<td class="num">${esc(p.default)}</td><td>${esc(p.allowed)}</td><td>${esc(p['plausible (Monte Carlo, tornado)'] || '')}</td>` +
      `<td>${html}${extra}${docsList}</td>` +
      `<td>${editions.length ? editions.map(esc).join('; ') : '<span class="none">–</span>'}</td>${tagCell(tag)}</tr>`
    );
  });
  return tableWrap(
    'Table of the parameters: default, ranges, source, edition and tag',
    ['Parameter', 'Default', 'Allowed', 'Plausible (Monte Carlo, tornado)', 'Source', 'Edition', 'Tag'],
    rows,
    'param-table',
  );
}

/** The base-year figures: one row per stage and region, then reserves and constants. */
function baseTables(data) {
  const region = Object.fromEntries(data.regions.map((r) => [r.id, r.label]));
  const stage = Object.fromEntries(data.stages.map((s) => [s.id, s]));
  const base = data.base.map((row) => {
    const s = stage[row.stage];
    if (!s || !region[row.region]) fail(`data file: a base row with unknown stage or region: ${JSON.stringify(row)}`);
    return (
      `<tr><th scope="row">${esc(s.label)}, ${esc(region[row.region])}</th><td class="num">${esc(number.format(row.output))} ${esc(s.unit)}</td>` +
      `<td class="num">${esc(number.format(row.capacity))} ${esc(s.unit)}</td>${dataSourceCell(data, row.source)}${editionCell(data, row.source)}` +
      `${tagCell(row.tag)}<td class="note">${esc(row.note || '')}</td></tr>`
    );
  });
  const reserves = data.reserves_mt.map(
    (row) =>
      `<tr><th scope="row">${esc(region[row.region] || row.region)}</th><td class="num">${esc(number.format(row.value))} Mt REO</td>` +
      `${dataSourceCell(data, row.source)}${editionCell(data, row.source)}${tagCell(row.tag)}<td class="note">${esc(row.note || '')}</td></tr>`,
  );
  const constants = Object.entries(data.constants).map(
    ([key, c]) =>
      `<tr><th scope="row"><code>${esc(key)}</code></th><td class="num">${esc(number.format(c.value))}</td>` +
      `${dataSourceCell(data, c.source)}${editionCell(data, c.source)}${tagCell(c.tag)}<td class="note">${esc(c.note || '')}</td></tr>`,
  );
  const statuses = Object.entries(data.statuses).map(
    ([key, s]) =>
      `<tr><th scope="row">${esc(key)}</th><td class="num">${esc(Math.round(s.probability * 100))}%</td><td class="num">${esc(number.format(s.slip))} years</td>` +
      `${dataSourceCell(data, s.source)}${tagCell(s.tag)}<td class="note">${esc(s.note || '')}</td></tr>`,
  );
  const projects = data.projects.map((p) => {
    const s = stage[p.stage];
    return (
      `<tr><th scope="row">${esc(p.name)}</th><td>${esc(region[p.region] || p.region)}</td><td>${esc(s ? s.label : p.stage)}</td>` +
      `<td class="num">${esc(number.format(p.nameplate))} ${esc(s ? s.unit : '')}</td><td class="num">${esc(p.start)}</td><td>${esc(p.status)}</td>` +
      `<td class="num">${p.capex_musd == null ? '<span class="none">–</span>' : `$${esc(number.format(p.capex_musd))}m`}</td>` +
      `${dataSourceCell(data, p.source)}${tagCell(p.tag)}<td class="note">${esc(p.note || '')}</td></tr>`
    );
  });
  const units = data.stages.map((s) => `<li><b>${esc(s.label)}</b>: ${esc(s.unit_long)}. ${esc(s.world_note || '')}</li>`).join('\n');
  return `<p>Units by stage:</p>
<ul>
${units}
</ul>
${tableWrap(`Base-year (${data.base_year}) output and capacity by stage and region`, ['Stage, region', 'Output', 'Capacity', 'Source', 'Edition', 'Tag', 'Note'], base, 'base-table')}
<h3 id="reserves">Reserves</h3>
<p>${esc(data.reserves_note || '')}</p>
${tableWrap('Reserves by region', ['Region', 'Reserves', 'Source', 'Edition', 'Tag', 'Note'], reserves, 'reserves-table')}
<h3 id="constants">Constants</h3>
${tableWrap('Constants of the model', ['Constant', 'Value', 'Source', 'Edition', 'Tag', 'Note'], constants, 'constants-table')}
<h3 id="statuses">Project statuses</h3>
<p>The chance that a project of each status is built, and its expected slip past the announced start.</p>
${tableWrap('Completion probability and slip by project status', ['Status', 'Built', 'Slip', 'Source', 'Tag', 'Note'], statuses, 'statuses-table')}
<h2 id="pipeline">The project pipeline</h2>
<p>Every named project the model adds after the base year, with its own source (data version ${esc(data.version)}).</p>
${tableWrap('The project pipeline', ['Project', 'Region', 'Stage', 'Nameplate', 'Start', 'Status', 'Capital cost', 'Source', 'Tag', 'Note'], projects, 'pipeline-table')}`;
}

/** The whole page. */
export function methodPage({ model, changes, indexHtml, builtIndex, data, tags, date }) {
  const params = parameterRows(model);
  // docs/DATA-CHANGES.md, which links and files made with older data point readers to: its own ids, apart from the model's.
  const changesHtml = changes ? modelRenderer().render(changes).replaceAll(' id="m-', ' id="dc-') : '';
  const documents = listedDocuments(indexHtml);
  const renderer = modelRenderer();
  let modelHtml = renderer.render(model);
  const whyIds = new Set();
  // The list under "What the bare assumptions rest on" starts each item with the parameter's key: give each an id.
  for (const p of params) {
    const item = `<li><code>${p.key}</code>`;
    if (modelHtml.includes(item)) {
      modelHtml = modelHtml.replace(item, `<li id="m-why-${p.key}"><code>${p.key}</code>`);
      whyIds.add(p.key);
    }
  }
  const title = (builtIndex.match(/<title>([^<]*)<\/title>/i) || [])[1] || 'Rare-Earth Outlook';
  const siteName = 'Rare-Earth Outlook';
  const citation =
    `${siteName}, “${title.replace(/^Rare-Earth Outlook:\s*/, '').replace(/^./, (c) => c.toUpperCase())}”, ` +
    `scenario calculator, data version ${data.version}, built ${readableDate(date)}. ` +
    `Scenario: [the link from “Copy link”]. Accessed [date].`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sources and method: ${esc(siteName)}</title>
  <meta name="description" content="How Rare-Earth Outlook computes its projections, where every default and base-year figure comes from (source, edition, tag), and how to cite a scenario.">
  <meta name="theme-color" content="#1f3a5f">
  <meta name="referrer" content="no-referrer">
  <link rel="icon" type="image/png" sizes="192x192" href="icons/icon-192.png">
  ${stylesheetLink(builtIndex)}
</head>
<body class="method-page">
  <header class="site-header">
    <p class="method-back"><a href="./">← Back to the calculator</a></p>
    <h1>Sources and method</h1>
    <p class="tagline">How ${esc(siteName)} computes its projections, where every number comes from, and how to cite a scenario. Data version ${esc(data.version)} (base year ${esc(data.base_year)}); this page was generated from the model's documentation and data file when the site was built (${esc(readableDate(date))}).</p>
  </header>
  <main id="main" class="method">
    <nav class="method-toc" aria-label="On this page">
      <ul>
        <li><a href="#cite">How to cite</a></li>
        <li><a href="#parameters">Parameter defaults and their sources</a></li>
        <li><a href="#base-year">Base-year figures</a></li>
        <li><a href="#pipeline">The project pipeline</a></li>
        <li><a href="#model">The model</a></li>
        ${changesHtml ? '<li><a href="#data-changes">Data changes</a></li>' : ''}
      </ul>
    </nav>
    <section id="cite" aria-labelledby="cite-title">
      <h2 id="cite-title">How to cite</h2>
      <p>Cite the scenario you used, not only the site: its link holds every setting and the data version, so a reader opens exactly the numbers you saw.</p>
      <ol>
        <li>In <a href="./">the calculator</a>, set up your scenario (a preset, the sliders, the analyses).</li>
        <li>Press <b>Copy link</b> under the charts; the link is copied (or selected, if the browser refuses the clipboard).</li>
        <li>Paste it into the citation below in place of “[the link from “Copy link”]”, and put the date you used it in place of “[date]”.</li>
      </ol>
      <p>Citation:</p>
      <blockquote class="citation" id="citation"><p>${esc(citation)}</p></blockquote>
      <p>Cite the documents behind a number (below) when you quote that number itself. Tags: <b>P</b> read in the primary document; <b>S</b> quoted from the named source by a secondary report; <b>D</b> derived from other figures (the arithmetic is in the note); <b>U</b> an assumption of ours.</p>
    </section>
    <section id="parameters" aria-labelledby="parameters-title">
      <h2 id="parameters-title">Parameter defaults and their sources</h2>
      <p>Every input of the model with its default (the baseline), the range a slider, link or file may set, the plausible range the Monte Carlo runs and the tornado use, and its source. Documents are linked to their addresses; the edition is given where the data file records one.</p>
      ${parameterTable(params, documents, tags, data, whyIds)}
    </section>
    <section id="base-year" aria-labelledby="base-year-title">
      <h2 id="base-year-title">Base-year figures (${esc(data.base_year)})</h2>
      <p>The figures the projection starts from, data version ${esc(data.version)}: each with its source, the edition read, its tag and a note with any arithmetic.</p>
      ${baseTables(data)}
    </section>
    <section id="model" class="method-model" aria-labelledby="m-the-model">
${modelHtml}
    </section>
    ${changesHtml ? `<section id="data-changes" class="method-model" aria-label="Data changes">\n${changesHtml}\n    </section>` : ''}
  </main>
  <footer class="site-footer">
    <p><a href="./">Back to the calculator</a> · <a href="#cite">How to cite</a> · <a href="index.html#sources">The calculator's sources list</a></p>
  </footer>
</body>
</html>
`;
}

function main() {
  const staging = process.argv[2];
  if (!staging || !existsSync(path.join(staging, 'index.html'))) fail('give the staged build directory (with index.html) as the argument');
  const root = process.env.TRUNK_SOURCE_DIR || process.cwd();
  const read = (rel) => {
    try {
      return readFileSync(path.join(root, rel), 'utf8');
    } catch (error) {
      return fail(`cannot read ${rel}: ${error.message}`);
    }
  };
  let data;
  let tags;
  try {
    data = JSON.parse(read('data/base-2025.json'));
    tags = JSON.parse(read('scripts/param_tags.json'));
  } catch (error) {
    fail(error.message);
  }
  const html = methodPage({
    model: read('docs/MODEL.md'),
    changes: read('docs/DATA-CHANGES.md'),
    indexHtml: read('index.html'),
    builtIndex: readFileSync(path.join(staging, 'index.html'), 'utf8'),
    data,
    tags: Object.fromEntries(Object.entries(tags).filter(([key]) => !key.startsWith('//'))),
    date: buildDate(root),
  });
  writeFileSync(path.join(staging, OUT_NAME), html);
  console.log(`method_page: ${OUT_NAME} written (${html.length} bytes)`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('method_page.mjs')) main();
