#!/usr/bin/env node
// Accessibility and robustness checks of a built gka site in a real browser.
//
// usage: node axe.mjs <built-site-dir>
//
// Serves the site on 127.0.0.1 (random port) with a tiny static server, opens
// every .html page in Debian's Chromium through playwright-core and:
//   1. runs axe-core with the WCAG 2.0/2.1/2.2 A and AA rules (2.2: target
//      size) and axe's best practices: any violation fails; then tabs through
//      the page: every element the focus reaches must show a focus ring with
//      3:1 against what is beside it and be on screen, not covered (WCAG 2.4.7,
//      2.4.11, 1.4.11), and fields and cards must have borders with 3:1
//      (wcag22.mjs);
//   1b. on one page of each kind (home, an interventie, the overview, a news
//      item, search): axe, the focus ring and the borders of controls, cards,
//      tags and badges again in forced-colours mode (Windows high contrast),
//      and the page as printed: no menu, search field or breadcrumbs, no
//      coloured fills, dark text, the address after links to other sites,
//      headings not at the foot of a page;
//   2. loads the page again at a 320 CSS px wide viewport, with the page's own
//      Content-Security-Policy in force: fails if the page scrolls sideways
//      (WCAG 1.4.10 Reflow) or the policy blocks anything the page uses; the
//      home page and the first interventie page are saved as screenshots;
//   3. fails if the page requests anything from a host other than the local
//      server (no third-party resources), or a local file that does not exist,
//      or throws a script error;
//   4. redirect pages (<meta http-equiv="refresh">) are checked in place, and
//      must redirect at once to a local page that exists;
//   5. a click-to-load video must load nothing before its button is pressed,
//      and after the press show an <iframe> with a title and the player's
//      address, allowed by the page's policy.
// Screenshots go to $SITE_CHECKS_ARTIFACTS (default: a new folder in the
// system's temporary folder); the path is printed.
// Exit code 0 when all pages are clean, 1 otherwise, 2 on a usage/setup error.

import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

import { CHROMIUM, CHROMIUM_ARGS, HOST, isDir, isFile, sitePath, startServer } from './site-server.mjs';
import { checkBorders, checkFocus, checkPrint } from './wcag22.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core/axe.min.js');
const axeVersion = require('axe-core/package.json').version;
const playwrightVersion = require('playwright-core/package.json').version;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const REFLOW_WIDTH = 320;
// The pages whose 320 px rendering is kept as a screenshot: the home page and
// the first interventie page.
const SCREENSHOT_PAGES = [/^\/$/, /^\/interventies\/[^/]+\/$/];
// The pages also checked in forced-colours mode and as printed: the first page matching each
// pattern (home, an interventie, the overview with its filters, a news item, search).
const MODE_PAGES = [/^\/$/, /^\/interventies\/[^/]+\/$/, /^\/interventies\/$/, /^\/nieuws\/[^/]+\/$/, /^\/zoeken\/$/];

function usage(message) {
  console.error(`axe.mjs: ${message}\nusage: node axe.mjs <built-site-dir>`);
  process.exit(2);
}

// Every .html file of the site, as the URL path it is served under.
async function sitePages(root) {
  const pages = [];
  async function walk(dir) {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.html')) {
        const rel = path.relative(root, full).split(path.sep).join('/');
        pages.push(rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`);
      }
    }
  }
  await walk(root);
  return pages.sort();
}

function formatViolation(v) {
  const lines = [`    [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}`, `      ${v.helpUrl}`];
  for (const node of v.nodes) {
    lines.push(`      at ${node.target.join(' ')}`);
    lines.push(`         ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
    if (node.failureSummary) {
      for (const l of node.failureSummary.split('\n')) lines.push(`         ${l.trim()}`);
    }
  }
  return lines.join('\n');
}

async function main() {
  const [siteArg] = process.argv.slice(2);
  if (!siteArg) usage('missing <built-site-dir>');
  const root = path.resolve(siteArg);
  if (!(await isDir(root))) usage(`not a folder: ${siteArg}`);
  if (!(await isFile(CHROMIUM))) usage(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);

  const pages = await sitePages(root);
  if (pages.length === 0) usage(`no .html files in ${siteArg}`);

  const artifacts = process.env.SITE_CHECKS_ARTIFACTS || (await fs.mkdtemp(path.join(os.tmpdir(), 'gka-site-checks-')));
  await fs.mkdir(artifacts, { recursive: true });

  const mount = await sitePath(root);
  const server = await startServer(root, mount);
  const { port } = server.address();
  const origin = `http://${HOST}:${port}`;
  const base = `${origin}${mount}`;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  console.log(`axe-core ${axeVersion}, playwright-core ${playwrightVersion}, Chromium ${browser.version()}; ${pages.length} pages on ${base}`);

  const problems = new Map(); // page → [text]
  const refreshes = new Map(); // page → content of its <meta http-equiv="refresh">
  const note = (page, text) => {
    if (!problems.has(page)) problems.set(page, []);
    const list = problems.get(page);
    if (!list.includes(text)) list.push(text);
  };

  // The origin of a video player the visitor asked for (after pressing its
  // button): requests to it are expected then, and blocked without a note.
  let optedIn = null;

  // Every request of every page passes here: anything not for our server is
  // recorded and blocked; failing local requests are recorded too.
  const guard = async (context, pageOf) => {
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      let allowed = false;
      try {
        const u = new URL(url);
        allowed = u.protocol === 'data:' || u.protocol === 'blob:' || (u.protocol === 'http:' && u.hostname === HOST && u.port === String(port));
      } catch {
        allowed = false;
      }
      if (!allowed) {
        let origin = null;
        try {
          origin = new URL(url).origin;
        } catch {
          // not a URL: a problem like any other
        }
        if (optedIn === null || origin !== optedIn) note(pageOf(), `third-party request blocked: ${url}`);
        return route.abort('blockedbyclient');
      }
      if (route.request().isNavigationRequest()) {
        // A redirect page (<meta http-equiv="refresh">, e.g. gka's alias pages)
        // would leave before it is checked: keep it in place, and check the
        // redirect itself (no delay, to a page that exists) separately.
        const response = await route.fetch();
        const body = await response.text();
        const refresh = body.match(/<meta\s[^>]*http-equiv\s*=\s*["']?refresh["']?[^>]*>/i);
        if (refresh) {
          const content = refresh[0].match(/content\s*=\s*(?:"([^"]*)"|'([^']*)')/i);
          refreshes.set(pageOf(), content ? (content[1] ?? content[2]) : '');
          const kept = body.replace(refresh[0], refresh[0].replace(/http-equiv/i, 'data-site-checks-http-equiv'));
          return route.fulfill({ response, body: kept });
        }
        return route.fulfill({ response, body });
      }
      return route.continue();
    });
    context.on('response', (response) => {
      const url = response.url();
      if (url.startsWith(origin) && response.status() >= 400 && url !== `${base}${pageOf().slice(1)}`) {
        note(pageOf(), `local request failed (${response.status()}): ${url.slice(origin.length)}`);
      }
    });
  };

  let current = '';
  // axe-core is injected as an inline script, which the pages' own policy
  // forbids; the 320 px context below keeps the policy in force. Reduced
  // motion turns off smooth scrolling, so a focused element is where it ends
  // up when the focus check looks at it.
  const desktop = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
    bypassCSP: true,
    reducedMotion: 'reduce',
  });
  // Windows high contrast: the browser replaces the site's colours with the
  // user's few system colours.
  const forced = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
    bypassCSP: true,
    reducedMotion: 'reduce',
    forcedColors: 'active',
  });
  const mobile = await browser.newContext({
    viewport: { width: REFLOW_WIDTH, height: 640 },
    deviceScaleFactor: 1,
    serviceWorkers: 'block',
  });
  await guard(desktop, () => current);
  await guard(mobile, () => current);
  await guard(forced, () => current);
  const page = await desktop.newPage();
  const narrow = await mobile.newPage();
  const contrasted = await forced.newPage();
  const printed = await desktop.newPage();
  await printed.emulateMedia({ media: 'print' });
  for (const p of [page, narrow, contrasted, printed]) {
    p.on('pageerror', (err) => note(current, `script error: ${err.message}`));
    p.on('websocket', (ws) => note(current, `websocket opened: ${ws.url()}`));
  }
  narrow.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) note(current, `Content-Security-Policy: ${msg.text()}`);
  });
  const screenshots = [];
  const modePages = new Set();
  let videos = 0;

  let violationCount = 0;
  let incompleteCount = 0;
  for (const pagePath of pages) {
    current = pagePath;
    const url = `${base}${pagePath.slice(1)}`;

    // 1. axe-core at desktop width.
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || response.status() !== 200) {
      note(pagePath, `page answered ${response ? response.status() : 'nothing'}`);
    }
    await page.addScriptTag({ path: axePath });
    const results = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] }),
      AXE_TAGS,
    );
    for (const v of results.violations) {
      violationCount += v.nodes.length;
      note(pagePath, `axe violation:\n${formatViolation(v)}`);
    }
    incompleteCount += results.incomplete.reduce((n, r) => n + r.nodes.length, 0);

    // WCAG 2.2 beyond axe: every element Tab reaches shows a focus ring with
    // 3:1 and is on screen; fields and cards have borders with 3:1.
    for (const problem of await checkFocus(page)) note(pagePath, problem);
    for (const problem of await checkBorders(page)) note(pagePath, problem);

    // Forced colours and print, on one page of each kind.
    const mode = MODE_PAGES.findIndex((re) => re.test(pagePath));
    if (mode >= 0 && !modePages.has(mode)) {
      modePages.add(mode);
      await contrasted.goto(url, { waitUntil: 'load' });
      await contrasted.addScriptTag({ path: axePath });
      const forcedResults = await contrasted.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        AXE_TAGS,
      );
      for (const v of forcedResults.violations) {
        violationCount += v.nodes.length;
        note(pagePath, `axe violation in forced-colours mode:\n${formatViolation(v)}`);
      }
      for (const problem of await checkFocus(contrasted, { context: ' (forced colours)' })) note(pagePath, problem);
      for (const problem of await checkBorders(contrasted, { forced: true })) note(pagePath, problem);
      await printed.goto(url, { waitUntil: 'load' });
      for (const problem of await checkPrint(printed)) note(pagePath, problem);
    }

    // A redirect page must redirect at once (axe's meta-refresh rule, WCAG
    // 2.2.1, treats only a delay of 0 as fine) and to a page that exists.
    if (refreshes.has(pagePath)) {
      const content = refreshes.get(pagePath);
      const m = content.match(/^\s*(\d+(?:\.\d+)?)\s*(?:[;,]\s*(?:url\s*=\s*)?(.*))?$/i);
      if (!m) {
        note(pagePath, `meta refresh: cannot read content="${content}"`);
      } else {
        if (Number(m[1]) !== 0) note(pagePath, `meta refresh: waits ${m[1]} s before redirecting (must be 0)`);
        const target = (m[2] ?? '').trim().replace(/^["']|["']$/g, '');
        if (target) {
          const targetUrl = new URL(target, url);
          if (targetUrl.origin === origin) {
            const r = await page.request.get(targetUrl.href, { maxRedirects: 0 });
            if (r.status() !== 200) note(pagePath, `meta refresh: target ${targetUrl.pathname} answered ${r.status()}`);
            await r.dispose();
          }
        }
      }
    }

    // 2. Reflow at 320 CSS px.
    await narrow.goto(url, { waitUntil: 'load' });
    const reflow = await narrow.evaluate((limit) => {
      const width = document.documentElement.scrollWidth;
      const culprits = [];
      if (width > limit) {
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.right > limit + 0.5 && r.width > 0) {
            const id = el.id ? `#${el.id}` : '';
            const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
            culprits.push(`${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(r.right)}px): ${(el.textContent || '').trim().slice(0, 60)}`);
          }
        }
      }
      return { width, culprits: culprits.slice(0, 8) };
    }, REFLOW_WIDTH);
    if (reflow.width > REFLOW_WIDTH) {
      note(pagePath, `reflow: page is ${reflow.width}px wide at a ${REFLOW_WIDTH}px viewport (scrolls sideways)\n${reflow.culprits.map((c) => `      ${c}`).join('\n')}`);
    }
    const pattern = SCREENSHOT_PAGES.findIndex((re) => re.test(pagePath));
    if (pattern >= 0 && !screenshots.some((s) => s.pattern === pattern)) {
      const file = path.join(artifacts, `reflow-${REFLOW_WIDTH}-${pagePath.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home'}.png`);
      await narrow.screenshot({ path: file, fullPage: true });
      screenshots.push({ pattern, file, width: reflow.width });
    }

    // 5. Click-to-load videos, with the page's policy in force.
    for (const box of await narrow.locator('.video[data-video-src]').all()) {
      videos += 1;
      const src = await box.getAttribute('data-video-src');
      if ((await box.locator('iframe').count()) > 0) note(pagePath, 'video: an <iframe> is there before the button is pressed');
      const button = box.locator('button');
      if (!(await button.isVisible())) {
        note(pagePath, 'video: no visible button to load the player');
        continue;
      }
      optedIn = new URL(src).origin;
      await button.click();
      const frame = box.locator('iframe');
      if ((await frame.count()) !== 1) {
        note(pagePath, 'video: pressing the button did not insert one <iframe>');
      } else {
        if ((await frame.getAttribute('src')) !== src) note(pagePath, `video: the <iframe> does not load ${src}`);
        if (!(await frame.getAttribute('title'))) note(pagePath, 'video: the <iframe> has no title');
      }
      // Let a policy violation, if any, reach the console before moving on.
      await narrow.waitForTimeout(200);
      optedIn = null;
    }

    const mine = problems.get(pagePath);
    console.log(`  ${mine ? 'FAIL' : 'ok  '} ${pagePath}${mine ? ` (${mine.length} problem${mine.length === 1 ? '' : 's'})` : ''}`);
  }

  await browser.close();
  server.close();

  for (const shot of screenshots) {
    console.log(`reflow: ${REFLOW_WIDTH}px screenshot (scrollWidth ${shot.width}px) saved to ${shot.file}`);
  }
  if (screenshots.length < SCREENSHOT_PAGES.length) {
    console.log(`reflow: note: ${SCREENSHOT_PAGES.length - screenshots.length} of the screenshot pages (home, an interventie) are not in this site`);
  }

  if (problems.size > 0) {
    console.log('\nProblems:');
    for (const [pagePath, list] of problems) {
      console.log(`\n  ${pagePath}`);
      for (const item of list) console.log(`    - ${item.replace(/\n/g, '\n  ')}`);
    }
    console.log(`\naxe: ${problems.size} of ${pages.length} pages have problems (${violationCount} axe violation nodes).`);
    process.exit(1);
  }
  console.log(`axe: ${pages.length} pages clean (WCAG 2.2 A/AA rules and best practices, keyboard focus and borders; forced colours and print on ${modePages.size} page${modePages.size === 1 ? '' : 's'}; reflow at ${REFLOW_WIDTH}px with each page's Content-Security-Policy, no third-party requests, ${videos} click-to-load video${videos === 1 ? '' : 's'}); ${incompleteCount} items axe could not decide automatically (needs-review, not failures).`);
}

main().catch((err) => {
  console.error(`axe.mjs: ${err.stack || err}`);
  process.exit(2);
});
