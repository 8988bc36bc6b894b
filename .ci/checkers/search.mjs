#!/usr/bin/env node
// The search page of a built gka site, in a real browser: searches QUERY on /zoeken/ with
// the page's own Content-Security-Policy in force and checks the results.
//
// usage: node search.mjs <built-site-dir> <query> <type>:<title>...
//   e.g. node search.mjs public armoede "Interventie:Kansrijk in Almere"
//
// Serves the site on 127.0.0.1 (random port), opens /zoeken/ in Debian's Chromium through
// playwright-core, types the query, submits the form and waits for the results. Fails when:
//   - the site has no /zoeken/ page or no /pagefind/ index (built with --no-search);
//   - the policy blocks anything, a script throws, or a request fails or leaves the host;
//   - a result of the given type and title is missing;
//   - a result lacks a title link, a type or an excerpt.
// Also checks that without JavaScript the page shows its plain message and no form.
// Exit code 0 when all is well, 1 otherwise, 2 on a usage/setup error.

import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

import { CHROMIUM, CHROMIUM_ARGS, HOST, isFile, sitePath, startServer } from './site-server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [siteArg, QUERY, ...expectArgs] = process.argv.slice(2);
const EXPECTED = expectArgs.map((arg) => {
  const colon = arg.indexOf(':');
  return { type: arg.slice(0, colon), title: arg.slice(colon + 1) };
});
if (!siteArg || !QUERY || EXPECTED.length === 0 || EXPECTED.some((e) => !e.type || !e.title)) {
  console.error('usage: node search.mjs <built-site-dir> <query> <type>:<title>...');
  process.exit(2);
}
const root = path.resolve(siteArg);

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
  const server = await startServer(root, mount);
  const origin = `http://${HOST}:${server.address().port}`;
  const page_url = `${origin}${mount}zoeken/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = await browser.newPage();
    // "Failed to load resource" is Chromium's own /favicon.ico; real failures come from the
    // response handler below.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
        problems.push(`console error: ${m.text()}`);
      }
    });
    page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`third-party request: ${r.url()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(page_url, { waitUntil: 'load' });
    await page.fill('#zoekterm', QUERY);
    await page.press('#zoekterm', 'Enter');
    await page.waitForFunction(
      () => /resulta|Geen|lukt/.test(document.querySelector('[data-zoeken-status]')?.textContent || ''),
      null,
      { timeout: 15000 },
    );
    const results = await page.$$eval('[data-zoeken-resultaten] > li', (items) => items.map((li) => ({
      title: li.querySelector('h2 a')?.textContent || '',
      href: li.querySelector('h2 a')?.getAttribute('href') || '',
      type: li.querySelector('.badge')?.textContent || '',
      excerpt: li.querySelector('.search-result__excerpt')?.textContent || '',
    })));
    const status = await page.textContent('[data-zoeken-status]');
    console.log(`  "${QUERY}": ${status}`);
    results.forEach((r) => console.log(`    ${r.type.padEnd(12)} ${r.title}  (${r.href})\n                 ${r.excerpt.slice(0, 150)}`));
    for (const { type, title } of EXPECTED) {
      if (!results.some((r) => r.title === title && r.type === type)) problems.push(`no result "${title}" of type ${type}`);
    }
    for (const r of results) {
      if (!r.title || !r.href || !r.type || !r.excerpt) problems.push(`incomplete result: ${JSON.stringify(r)}`);
      // The link must lead to the page, also when the site lives in a sub-folder.
      const target = new URL(r.href, page_url);
      const response = await page.request.get(target.href);
      if (response.status() !== 200) problems.push(`result link ${r.href} answers HTTP ${response.status()}`);
    }

    const plain = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await plain.newPage();
    await noJs.goto(page_url);
    if (await noJs.isVisible('form[data-zoeken]')) problems.push('without JavaScript the search form shows');
    if (!(await noJs.isVisible('[data-zoeken-zonder-js]'))) problems.push('without JavaScript the plain message is hidden');
    await plain.close();
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
