#!/usr/bin/env node
// Checks Decap/Sveltia CMS configurations (`gka schema --cms decap`) with the editors' own
// rules: Decap's `validateConfig` (its AJV config schema, with the schemas of the widgets
// decap-cms-app registers) and Sveltia's JSON Schema (`@sveltia/cms/schema/sveltia-cms.json`).
// Decap's schema also leaves two things to run time, checked here the same way: the backend
// and every widget must be one decap-cms-app registers.
//
// To show that the check can fail, each configuration is also checked with the `name` of its
// first collection removed, which both editors must reject; if either accepts it, this checker
// fails.
//
// usage: node cms.mjs <config.yml>...   (exit 0: every file is valid; 1: a file is not; 2: usage)

import { readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node cms.mjs <config.yml>...');
  process.exit(2);
}

// Decap's ESM build is written for a bundler: it leaves out file extensions, imports CommonJS
// modules by name and touches `window` and `navigator` when its modules load. The hooks
// (cms-hooks.mjs) resolve and load it the way a bundler would; these two globals stand in for
// the browser's, which nothing here calls.
globalThis.window ??= globalThis;
// Decap's modules log as they load (a test of the browser's storage) and log the errors
// they then throw: no findings of their own. This checker says what it finds with `say`.
const say = (line) => process.stdout.write(`${line}\n`);
console.log = console.info = console.warn = console.error = () => {};
globalThis.navigator ??= { platform: '', userAgent: '' };
register('./cms-hooks.mjs', import.meta.url);

// Decap's packages as decap-cms-app finds them (npm may nest them under it).
const app = dirname(require.resolve('decap-cms-app/package.json'));
const fromApp = createRequire(join(app, 'package.json'));
const packageDir = (name) => dirname(fromApp.resolve(`${name}/package.json`));
const core = packageDir('decap-cms-core');
const esm = (dir, rel) => import(pathToFileURL(join(dir, 'dist/esm', rel)).href);
// The YAML parser Decap reads config.yml with, from Decap's own dependencies.
const yaml = createRequire(join(core, 'package.json'))('yaml');

// What decap-cms-app registers: its backends and widgets, read from its own source.
const extensions = readFileSync(join(app, 'dist/esm/extensions.js'), 'utf8');
const backends = [...extensions.matchAll(/registerBackend\('([^']+)'/g)].map((m) => m[1]);
const widgetPackages = [...extensions.matchAll(/from '(decap-cms-widget-[a-z]+)'/g)].map((m) => m[1]);
if (backends.length === 0 || widgetPackages.length === 0) {
  throw new Error(`no backends or widgets found in ${join(app, 'dist/esm/extensions.js')}`);
}
const registry = await esm(core, 'lib/registry.js');
// Widgets whose controls cannot load outside a browser (a code editor, a rich-text editor):
// a configuration that uses one cannot be checked here, and fails.
const unloadable = new Map();
for (const name of widgetPackages) {
  try {
    const module = await esm(packageDir(name), 'index.js');
    registry.registerWidget((module.default ?? module).Widget());
  } catch (err) {
    unloadable.set(name.replace('decap-cms-widget-', ''), String(err).split('\n')[0]);
  }
}
const widgets = new Set(registry.getWidgets().map((w) => w.name));
const { validateConfig } = await esm(core, 'constants/configSchema.js');

const Ajv = require(createRequire(join(core, 'package.json')).resolve('ajv'));
// The package exports only its script; its schema is read from where npm put it.
const sveltiaDir = join(dirname(fileURLToPath(import.meta.url)), 'node_modules/@sveltia/cms');
const sveltiaSchema = JSON.parse(readFileSync(join(sveltiaDir, 'schema/sveltia-cms.json'), 'utf8'));
const ajv = new (Ajv.default ?? Ajv)({ allErrors: true, strict: false });
// The two formats the schema names, which AJV leaves to the caller.
ajv.addFormat('regex', (text) => {
  try {
    return new RegExp(text) instanceof RegExp;
  } catch {
    return false;
  }
});
ajv.addFormat('uri', (text) => URL.canParse(text));
const sveltia = ajv.compile(sveltiaSchema);
// Options of Decap that Sveltia reads and ignores with a warning (`local_backend`, `locale`):
// its schema leaves them out, its code names them. Read from that code, so that a version of
// Sveltia that starts to refuse one makes this check fail.
const sveltiaCode = readFileSync(join(sveltiaDir, 'npm/index.js'), 'utf8');
const sveltiaIgnores = new Set(
  [...sveltiaCode.matchAll(/prop:`([a-z_]+)`,strKey:`unsupported_ignored_option`/g)].map((m) => m[1]),
);

/** Every widget name a list of fields uses, nested fields included. */
function usedWidgets(fields, found = new Set()) {
  for (const field of fields ?? []) {
    found.add(field.widget ?? 'string');
    usedWidgets(field.fields, found);
    usedWidgets(field.types, found);
    if (field.field) usedWidgets([field.field], found);
  }
  return found;
}

/** The problems Decap and Sveltia find in `config`, each as one line. */
function problems(config) {
  const found = [];
  try {
    validateConfig(config);
  } catch (err) {
    found.push(...String(err.message).split('\n').map((line) => `Decap: ${line}`));
  }
  const backend = config?.backend?.name;
  if (backend !== undefined && !backends.includes(backend)) {
    found.push(`Decap: backend '${backend}' is none of ${backends.join(', ')}`);
  }
  for (const collection of config?.collections ?? []) {
    const fields = [...(collection.fields ?? []), ...(collection.files ?? []).flatMap((f) => f.fields ?? [])];
    for (const widget of usedWidgets(fields)) {
      if (unloadable.has(widget)) {
        found.push(`Decap: widget '${widget}' cannot be checked outside a browser: ${unloadable.get(widget)}`);
      } else if (!widgets.has(widget)) {
        found.push(`Decap: collection '${collection.name}' uses widget '${widget}', which Decap does not have`);
      }
    }
  }
  const forSveltia = Object.fromEntries(Object.entries(config ?? {}).filter(([key]) => !sveltiaIgnores.has(key)));
  if (!sveltia(forSveltia)) {
    for (const e of sveltia.errors) {
      const detail = e.params?.additionalProperty ? ` ('${e.params.additionalProperty}')` : '';
      found.push(`Sveltia: ${e.instancePath || '(config)'} ${e.message}${detail}`);
    }
  }
  return found;
}

let failed = false;
for (const file of files) {
  let config;
  try {
    config = yaml.parse(readFileSync(file, 'utf8'), { prettyErrors: true, merge: true });
  } catch (err) {
    failed = true;
    say(`FAIL ${file}: ${String(err.message ?? err).split('\n')[0]}`);
    continue;
  }
  const found = problems(config);
  if (found.length > 0) {
    failed = true;
    say(`FAIL ${file}:\n  ${found.join('\n  ')}`);
    continue;
  }
  // The negative control: without a collection's `name`, both editors must object.
  const broken = structuredClone(config);
  delete broken.collections[0].name;
  const objections = problems(broken);
  const by = (editor) => objections.some((line) => line.startsWith(`${editor}: `));
  if (!by('Decap') || !by('Sveltia')) {
    failed = true;
    say(`FAIL ${file}: a collection without a name was not rejected by ${by('Decap') ? 'Sveltia' : 'Decap'}`);
    continue;
  }
  say(
    `PASS ${file}: valid for Decap ${require(join(core, 'package.json')).version} and Sveltia ` +
      `${JSON.parse(readFileSync(join(sveltiaDir, 'package.json'), 'utf8')).version}` +
      ` (Sveltia ignores: ${Object.keys(config).filter((key) => sveltiaIgnores.has(key)).join(', ') || 'nothing'};` +
      ` a collection without a name is rejected: ${objections[0]})`,
  );
}
process.exit(failed ? 1 : 0);
