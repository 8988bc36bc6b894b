#!/usr/bin/env node
// Every <loc> of a built site's sitemap.xml must be a page that exists in the
// built site. (Well-formedness is checked before this, by xmllint or python.)
//
// usage: node sitemap.mjs <built-site-dir>
//
// The site's base URL is read from robots.txt ("Sitemap: <base>sitemap.xml"),
// or else from the canonical link of index.html. A <loc> must start with it;
// <base>x/ maps to x/index.html, <base>x.html to x.html.
// Pages that are missing from the sitemap are listed as a note (not an error)
// unless they are noindex pages or 404.html.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const decode = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&amp;/g, '&');

async function read(p) {
  try {
    return await fs.readFile(p, 'utf8');
  } catch {
    return null;
  }
}

async function isFile(p) {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

async function htmlFiles(root, dir = root, out = []) {
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await htmlFiles(root, full, out);
    else if (e.isFile() && e.name.endsWith('.html')) out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out;
}

async function main() {
  const root = path.resolve(process.argv[2] ?? '');
  if (!process.argv[2]) {
    console.error('usage: node sitemap.mjs <built-site-dir>');
    process.exit(2);
  }
  const sitemap = await read(path.join(root, 'sitemap.xml'));
  if (sitemap === null) {
    console.error('sitemap: no sitemap.xml in the site');
    process.exit(1);
  }
  const errors = [];

  let base = null;
  const robots = await read(path.join(root, 'robots.txt'));
  const m = robots && robots.match(/^Sitemap:\s*(\S+)\s*$/im);
  if (m) {
    if (!m[1].endsWith('/sitemap.xml')) errors.push(`robots.txt names a sitemap that is not <base>/sitemap.xml: ${m[1]}`);
    base = m[1].slice(0, m[1].length - 'sitemap.xml'.length);
  } else {
    const index = await read(path.join(root, 'index.html'));
    const c = index && index.match(/<link\s+rel="canonical"\s+href="([^"]+)"/i);
    if (c) base = decode(c[1]);
  }
  if (!base) {
    console.error('sitemap: cannot tell the base URL (no Sitemap: line in robots.txt, no canonical link in index.html)');
    process.exit(1);
  }

  const locs = [...sitemap.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map((x) => decode(x[1]));
  if (locs.length === 0) errors.push('sitemap.xml has no <loc>');
  const seen = new Set();
  const listed = new Set();
  for (const loc of locs) {
    if (seen.has(loc)) errors.push(`listed twice: ${loc}`);
    seen.add(loc);
    if (!loc.startsWith(base)) {
      errors.push(`not under the site's base URL ${base}: ${loc}`);
      continue;
    }
    let rel = decodeURIComponent(loc.slice(base.length).split(/[?#]/)[0]);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) || !(await isFile(file))) {
      errors.push(`no such page in the built site: ${loc} (looked for ${rel})`);
    } else {
      listed.add(rel);
    }
  }

  const unlisted = [];
  for (const rel of await htmlFiles(root)) {
    if (listed.has(rel) || rel === '404.html') continue;
    const html = (await read(path.join(root, rel))) ?? '';
    if (/<meta\s+name="robots"\s+content="[^"]*noindex/i.test(html)) continue;
    unlisted.push(rel);
  }

  if (errors.length) {
    console.log(`sitemap: ${errors.length} problem(s):`);
    for (const e of errors) console.log(`  - ${e}`);
    process.exit(1);
  }
  console.log(`sitemap: ${locs.length} <loc> entries, all pages exist (base ${base})`);
  if (unlisted.length) console.log(`sitemap: note: ${unlisted.length} indexable page(s) not in the sitemap: ${unlisted.join(', ')}`);
}

main().catch((err) => {
  console.error(`sitemap.mjs: ${err.stack || err}`);
  process.exit(2);
});
