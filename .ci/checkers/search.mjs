#!/usr/bin/env node
// The search of a built gka site, in a real browser, as a visitor uses it: types a query in
// the search field in the header, lands on /zoeken/?q=… and reads the results, with the
// page's own Content-Security-Policy in force.
//
// usage: node search.mjs <built-site-dir> <query> <type>:<title>... [-- <query> <type>:<title>...]...
//   e.g. node search.mjs public taal "Agenda:GKA-Agenda van Almere" -- armoede "Interventie:Kansrijk in Almere"
//
// Serves the site on 127.0.0.1 (random port) and drives Debian's Chromium through
// playwright-core. Fails when:
//   - the site has no /zoeken/ page or no /pagefind/ index (built with --no-search);
//   - a page other than /zoeken/ has no search field in its header (a form to /zoeken/ with
//     a labelled field `q`);
//   - the policy blocks anything, a script throws, or a request fails or leaves the host;
//   - for each query: a result of a given type and title is missing; a result lacks a title
//     link, a type or an excerpt, or its link does not answer; an overview ranks above a
//     document; a term page (/themas/…, /leeftijden/…, /onderwijs/…, /erkenning/…) is a
//     result; two results have the same excerpt; an excerpt or a result's indexed text has
//     the page's "Laatst gewijzigd" line, or a fact's term runs into its value ("StatusLopend");
//   - /zoeken/?q=… shifts its layout while it loads and shows the results (cumulative layout
//     shift above 0.01), on a desktop and on a 320 px wide phone screen.
// Without JavaScript, the header field still leads to /zoeken/?q=…, which shows its plain
// message and no form.
// Exit code 0 when all is well, 1 otherwise, 2 on a usage/setup error.

import { createRequire } from 'node:module';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

import { CHROMIUM, CHROMIUM_ARGS, HOST, isFile, sitePath, startServer } from './site-server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const USAGE = 'usage: node search.mjs <built-site-dir> <query> <type>:<title>... [-- <query> <type>:<title>...]...';
const [siteArg, ...rest] = process.argv.slice(2);
const GROUPS = [];
for (const arg of rest) {
  if (arg === '--' || GROUPS.length === 0) GROUPS.push({ query: null, expected: [] });
  if (arg === '--') continue;
  const group = GROUPS[GROUPS.length - 1];
  if (group.query === null) {
    group.query = arg;
  } else {
    const colon = arg.indexOf(':');
    group.expected.push({ type: arg.slice(0, colon), title: arg.slice(colon + 1) });
  }
}
if (!siteArg || GROUPS.length === 0
  || GROUPS.some((g) => !g.query || g.expected.length === 0 || g.expected.some((e) => !e.type || !e.title))) {
  console.error(USAGE);
  process.exit(2);
}
const root = path.resolve(siteArg);

// The type the theme gives overviews (lists and the home page); every other type is a document.
const OVERVIEW = 'Overzicht';
// Term pages list what is found on the documents' own pages: never a result.
const TERM_PAGE = /^(themas|leeftijden|onderwijs|erkenning)\/[^/]+\/$/;
// The labels of the facts of interventies and addenda, which must not run into their values.
const FACT = /(Thema's|Leeftijden|Onderwijs|Doelgroep|Status|Sinds|Partners|Erkenning|Website|Periode|Ondertekend op)(?=[\p{Lu}\d])/u;
const MAX_CLS = 0.01;
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 320, height: 640 },
];

async function htmlFiles(dir, prefix = '') {
  const found = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'pagefind' && entry.name !== 'static') found.push(...(await htmlFiles(path.join(dir, entry.name), `${rel}/`)));
    } else if (entry.name.endsWith('.html')) {
      found.push(rel);
    }
  }
  return found;
}

// Every page but /zoeken/ itself and redirects has the search field in its header.
async function headerProblems(mount) {
  const problems = [];
  const action = `action="${mount}zoeken/"`;
  for (const file of await htmlFiles(root)) {
    const html = await fs.readFile(path.join(root, file), 'utf8');
    if (file === 'zoeken/index.html' || html.includes('http-equiv="refresh"')) continue;
    const header = html.match(/<header[\s\S]*?<\/header>/)?.[0] || '';
    const form = header.match(/<form[^>]*role="search"[^>]*>[\s\S]*?<\/form>/)?.[0] || '';
    const input = form.match(/<input[^>]*>/g)?.find((tag) => tag.includes('name="q"')) || '';
    const id = input.match(/id="([^"]+)"/)?.[1];
    if (!form.includes(action) || !id || !new RegExp(`<label[^>]*for="${id}"`).test(form)) {
      problems.push(`${file}: no search field in the header (a form ${action} with a labelled field q)`);
    }
  }
  return problems;
}

// Records the page's layout shifts that no input caused, from its first paint on.
function watchLayoutShifts() {
  window.__gkaShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) window.__gkaShift += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

function watchProblems(page, origin, problems) {
  // "Failed to load resource" is Chromium's own /favicon.ico; real failures come from the
  // response handler below.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  // A load the browser cancels because the page navigates on (the header's search form
  // submitted while the logo still loads) is not a failure of the site; a missing file is
  // still one, as an HTTP error below.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') {
      problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    }
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`third-party request: ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
}

const waitForStatus = (page) => page.waitForFunction(
  () => /resulta|Geen|lukt/.test(document.querySelector('[data-zoeken-status]')?.textContent || ''),
  null,
  { timeout: 15000 },
);

// The results as shown, and each result's whole indexed text as Pagefind holds it.
async function readResults(page) {
  const shown = await page.$$eval('[data-zoeken-resultaten] > li', (items) => items.map((li) => ({
    title: li.querySelector('h2 a')?.textContent || '',
    href: li.querySelector('h2 a')?.getAttribute('href') || '',
    type: li.querySelector('.badge')?.textContent || '',
    excerpt: li.querySelector('.search-result__excerpt')?.textContent || '',
  })));
  const indexed = await page.evaluate(async (query) => {
    const dir = document.querySelector('form[data-zoeken]').dataset.pagefind;
    const pagefind = await import(`${dir}pagefind.js`);
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.map((r) => r.data()));
    return data.map((d) => ({ url: d.url, content: d.content }));
  }, new URL(page.url()).searchParams.get('q'));
  return { shown, indexed };
}

async function checkQuery(browser, origin, mount, { query, expected }, problems) {
  const searchUrl = `${origin}${mount}zoeken/`;
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    const page = await context.newPage();
    watchProblems(page, origin, problems);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.addInitScript(watchLayoutShifts);
    // As a visitor: the field in the header of the home page.
    await page.goto(`${origin}${mount}`, { waitUntil: 'load' });
    const field = page.locator('header form[role="search"] input[name="q"]');
    if (await field.count() === 1) {
      await field.fill(query);
      await Promise.all([page.waitForURL(`${searchUrl}?q=*`), field.press('Enter')]);
    } else {
      // Already reported as a missing header field; the results can still be judged.
      await page.goto(`${searchUrl}?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    }
    await waitForStatus(page);
    // Give late shifts (a font, an image, the footer) time to happen.
    await page.waitForTimeout(500);
    const shift = await page.evaluate(() => window.__gkaShift);
    console.log(`  "${query}" (${viewport.name}, ${viewport.width} px): layout shift ${shift.toFixed(4)}`);
    if (shift > MAX_CLS) problems.push(`"${query}": /zoeken/?q= shifts its layout by ${shift.toFixed(4)} on a ${viewport.width} px screen (at most ${MAX_CLS})`);
    if (viewport.name === 'desktop') {
      const { shown, indexed } = await readResults(page);
      console.log(`  "${query}": ${await page.textContent('[data-zoeken-status]')}`);
      shown.forEach((r) => console.log(`    ${r.type.padEnd(13)} ${r.title}  (${r.href})\n                  ${r.excerpt.slice(0, 150)}`));
      problems.push(...(await judge(page, query, expected, shown, indexed, mount)));
    }
    await context.close();
  }
}

async function judge(page, query, expected, shown, indexed, mount) {
  const problems = [];
  for (const { type, title } of expected) {
    if (!shown.some((r) => r.title === title && r.type === type)) problems.push(`"${query}": no result "${title}" of type ${type}`);
  }
  const firstOverview = shown.findIndex((r) => r.type === OVERVIEW);
  if (firstOverview >= 0 && shown.slice(firstOverview).some((r) => r.type !== OVERVIEW)) {
    problems.push(`"${query}": an overview ranks above a document: ${shown.map((r) => r.type).join(', ')}`);
  }
  const excerpts = new Set();
  for (const r of shown) {
    if (!r.title || !r.href || !r.type || !r.excerpt) problems.push(`"${query}": incomplete result: ${JSON.stringify(r)}`);
    const target = new URL(r.href, page.url());
    const inSite = target.pathname.startsWith(mount) ? target.pathname.slice(mount.length) : target.pathname;
    if (TERM_PAGE.test(inSite)) problems.push(`"${query}": term page ${r.href} is a result`);
    if (excerpts.has(r.excerpt)) problems.push(`"${query}": two results have the excerpt "${r.excerpt}"`);
    excerpts.add(r.excerpt);
    if (/Laatst gewijzigd/.test(r.excerpt)) problems.push(`"${query}": the excerpt of ${r.href} has "Laatst gewijzigd"`);
    // The link must lead to the page, also when the site lives in a sub-folder.
    const response = await page.request.get(target.href);
    if (response.status() !== 200) problems.push(`"${query}": result link ${r.href} answers HTTP ${response.status()}`);
  }
  for (const { url, content } of indexed) {
    if (/Laatst gewijzigd/.test(content)) problems.push(`"${query}": the indexed text of ${url} has "Laatst gewijzigd"`);
    const hug = content.match(FACT);
    if (hug) problems.push(`"${query}": in the indexed text of ${url} a fact runs into its value: "${content.slice(hug.index, hug.index + 40)}"`);
  }
  return problems;
}

async function checkWithoutJavaScript(browser, origin, mount, query, problems) {
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const page = await plain.newPage();
  await page.goto(`${origin}${mount}`);
  const field = page.locator('header form[role="search"] input[name="q"]');
  if (await field.count() === 1) {
    await field.fill(query);
    await Promise.all([page.waitForURL(`${origin}${mount}zoeken/?q=*`), field.press('Enter')]);
  } else {
    await page.goto(`${origin}${mount}zoeken/?q=${encodeURIComponent(query)}`);
  }
  if (await page.isVisible('form[data-zoeken]')) problems.push('without JavaScript the search form on /zoeken/ shows');
  if (!(await page.isVisible('[data-zoeken-zonder-js]'))) problems.push('without JavaScript the plain message on /zoeken/ is hidden');
  await plain.close();
}

async function main() {
  const problems = [];
  for (const f of ['zoeken/index.html', 'pagefind/pagefind-entry.json', 'pagefind/pagefind.js']) {
    if (!(await isFile(path.join(root, f)))) problems.push(`missing ${f} (built with --no-search?)`);
  }
  if (problems.length > 0) {
    problems.forEach((p) => console.log(`  FAIL ${p}`));
    return 1;
  }
  const mount = await sitePath(root);
  problems.push(...(await headerProblems(mount)));
  const server = await startServer(root, mount);
  const origin = `http://${HOST}:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    for (const group of GROUPS) await checkQuery(browser, origin, mount, group, problems);
    await checkWithoutJavaScript(browser, origin, mount, GROUPS[0].query, problems);
  } finally {
    await browser.close();
    server.close();
  }
  problems.forEach((p) => console.log(`  FAIL ${p}`));
  return problems.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(2);
});
