// Search on /zoeken/ (gka theme), with the static index that `gka build` writes to /pagefind/.
// The form is on the page from the start (without JavaScript a <noscript> stylesheet hides it
// and a plain message with links to the overviews shows); this script runs the search of the
// form and of the address's `q` (where the search field in every page's header leads), and
// shows each result's title, type and excerpt. Everything loads from the site itself; the
// page's Content-Security-Policy allows Pagefind's WebAssembly.
'use strict';

const MAX_RESULTS = 20;

// A page's title is its <h1>, which the index already weighs (and weighs less on overviews, so
// documents rank first); Pagefind's extra boost for a matching title would let a short
// overview named like the query jump above the documents.
const OPTIONS = { ranking: { metaWeights: { title: 0 } } };

const form = document.querySelector('form[data-zoeken]');
const input = form && form.querySelector('input[type="search"]');
const status = document.querySelector('[data-zoeken-status]');
const list = document.querySelector('[data-zoeken-resultaten]');

// Pagefind's excerpts are HTML with <mark> around the matched words: keep only the text and
// the marks, so nothing else from the index can reach the page.
const excerptNodes = (html) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return Array.from(template.content.childNodes).map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
};

const resultItem = (data) => {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  heading.className = 'search-result__title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = (data.meta && data.meta.title) || data.url;
  heading.append(link);
  item.append(heading);
  if (data.meta && data.meta.soort) {
    const type = document.createElement('p');
    type.className = 'meta';
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = data.meta.soort;
    type.append(badge);
    item.append(type);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.append(...excerptNodes(data.excerpt || ''));
  item.append(excerpt);
  return item;
};

if (form && input && status && list) {
  let pagefind = null;
  let latest = 0;
  const load = async () => {
    if (!pagefind) {
      const dir = form.dataset.pagefind;
      const engine = await import(`${dir}pagefind.js`);
      await engine.options(OPTIONS);
      await engine.init();
      // A large site's index comes in parts (delen.json lists the others), made one after
      // the other by gka so that it needs less memory; the search covers them all.
      const response = await fetch(`${dir}delen.json`);
      if (!response.ok) throw new Error(`${dir}delen.json: HTTP ${response.status}`);
      for (const part of await response.json()) {
        await engine.mergeIndex(`${dir}${part}`, OPTIONS);
      }
      pagefind = engine;
    }
    return pagefind;
  };

  const run = async (query) => {
    const turn = ++latest;
    const term = query.trim();
    if (term === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = 'Bezig met zoeken…';
    try {
      const engine = await load();
      const search = await engine.search(term);
      const found = await Promise.all(
        search.results.slice(0, MAX_RESULTS).map((result) => result.data()),
      );
      if (turn !== latest) return;
      list.replaceChildren(...found.map(resultItem));
      const total = search.results.length;
      status.textContent = total === 0
        ? `Geen resultaten voor “${term}”.`
        : `${total} ${total === 1 ? 'resultaat' : 'resultaten'} voor “${term}”${total > MAX_RESULTS ? `, de eerste ${MAX_RESULTS} staan hieronder` : ''}.`;
    } catch (error) {
      if (turn !== latest) return;
      list.replaceChildren();
      status.textContent = 'Zoeken lukt nu niet. Gebruik het menu of de overzichten.';
      console.error(error);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set('q', input.value);
    window.history.replaceState(null, '', url);
    run(input.value);
  });
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) {
    input.value = query;
    run(query);
  }
}
