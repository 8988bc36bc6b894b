// Module hooks for cms.mjs: load Decap's ESM build in plain Node the way a bundler would.
//
// - `import x from './formats/formats'`: the file extension (or `/index.js`) is added.
// - `import { a } from 'decap-cms-lib-util'`: Decap's own packages are read from their ESM
//   entry (`module` in their package.json), not from their browser bundle (`main`).
// - `import { map } from 'lodash/fp'`: CommonJS modules get every export by name, as
//   bundlers give them; Node finds only the names it can see without running the module.
// - `lib/i18n.js` pulls in Decap's whole app (its router needs a DOM). The config schema
//   imports only two constants from it, so it gets a module with just those, cut from the
//   real file.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export async function resolve(specifier, context, next) {
  if (specifier === '../lib/i18n' && context.parentURL?.endsWith('/dist/esm/constants/configSchema.js')) {
    const file = fileURLToPath(new URL('../lib/i18n.js', context.parentURL));
    return { url: `data:text/javascript,${encodeURIComponent(i18nConstants(file))}`, shortCircuit: true };
  }
  const target = /^decap-cms-[a-z-]+$/.test(specifier) ? `${specifier}/dist/esm/index.js` : specifier;
  try {
    return await next(target, context);
  } catch (err) {
    if (target.startsWith('node:') || target.endsWith('.js')) throw err;
    for (const ending of ['.js', '/index.js']) {
      try {
        return await next(target + ending, context);
      } catch {
        // Try the next ending; the first error is the one to report.
      }
    }
    throw err;
  }
}

export async function load(url, context, next) {
  const loaded = await next(url, context);
  if (loaded.format !== 'commonjs') return loaded;
  const path = fileURLToPath(url);
  const exported = createRequire(import.meta.url)(path);
  const names =
    exported !== null && ['object', 'function'].includes(typeof exported)
      ? Object.keys(exported).filter((name) => name !== 'default')
      : [];
  const source = [
    `import { createRequire } from 'node:module';`,
    `const m = createRequire(import.meta.url)(${JSON.stringify(path)});`,
    'export default m;',
    ...names.map((name, i) => `const x${i} = m[${JSON.stringify(name)}]; export { x${i} as ${JSON.stringify(name)} };`),
  ].join('\n');
  return { format: 'module', source, shortCircuit: true };
}

/** The `I18N_STRUCTURE` and `I18N_FIELD` exports of Decap's `lib/i18n.js`, as written there. */
function i18nConstants(file) {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/^export let (I18N_STRUCTURE|I18N_FIELD) = [\s\S]*?^\}\(\{\}\);$/gm)];
  if (found.length !== 2) {
    throw new Error(`${file}: I18N_STRUCTURE and I18N_FIELD not found; Decap's build has changed`);
  }
  return found.map((m) => m[0]).join('\n');
}
