// WCAG 2.2 checks that axe-core cannot make on its own, for axe.mjs: a keyboard user's focus
// (2.4.7 Focus visible, 2.4.11 Focus not obscured, 1.4.11 Non-text contrast of the focus ring),
// the borders of controls and cards (1.4.11), forced-colours mode (Windows high contrast) and
// the print stylesheet. Each check takes a playwright page that shows the page to check and
// returns a list of problems as text (empty when all is well).

// The colour helpers run inside the page: playwright sends a function's source, not what it
// closes over, so install() puts them on the page's window first (again after each load).
function installColours() {
  if (window.__gkaColours) return;
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  // Any CSS colour (rgb(), color(srgb …), a system colour) as [r, g, b, a] with a in 0..1:
  // the canvas does the parsing, so no colour syntax is missed.
  const rgba = (css) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, below) => top.slice(0, 3).map((v, i) => v * top[3] + below[i] * (1 - top[3])).concat(1);
  const luminance = ([r, g, b]) =>
    [r, g, b]
      .map((v) => v / 255)
      .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const white = [255, 255, 255, 1];
  // The colour painted at (x, y) under everything that belongs to `skip` (the element being
  // checked): the backgrounds of the elements there down to the first opaque one, or to the
  // white canvas.
  const backgroundAt = (x, y, skip) => {
    const layers = [];
    for (const e of document.elementsFromPoint(x, y)) {
      if (skip && (e === skip || skip.contains(e))) continue;
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), white);
  };
  const describe = (el) => {
    const id = el.id ? `#${el.id}` : '';
    const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('href') || '').replace(/\s+/g, ' ').trim().slice(0, 50);
    return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
  };
  window.__gkaColours = { rgba, over, contrast, white, backgroundAt, describe };
}

const install = (page) => page.evaluate(`(${installColours.toString()})(), true`);

// How many elements a Tab press should reach: the focusable ones that are rendered and not
// taken out of the order.
function countTabbable() {
  const selector = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, summary, [tabindex], [contenteditable="true"]';
  return [...document.querySelectorAll(selector)].filter(
    (el) => el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]') && el.checkVisibility({ visibilityProperty: true }),
  ).length;
}

// The focused element, with what is wrong with how it shows its focus; null when the focus
// is not on an element of the page (Tab went past the last one).
function inspectFocus() {
  const { rgba, over, contrast, backgroundAt, describe } = window.__gkaColours;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  // Even with reduced motion a stylesheet may keep a transition of a few milliseconds (the
  // skip link slides in): look at the focus as it ends up, not at its first frame.
  for (const animation of document.getAnimations()) animation.finish();
  const problems = [];
  const s = getComputedStyle(el);
  // A link that wraps has a box per line: the first line is where the ring starts.
  const rect = el.getClientRects()[0] ?? el.getBoundingClientRect();
  const outlineWidth = s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth) || 0;
  const shadow = s.boxShadow !== 'none' && /\d/.test(s.boxShadow);
  if (outlineWidth <= 0 && !shadow) {
    problems.push('no visible focus indicator (no outline, no box-shadow)');
  } else if (outlineWidth > 0) {
    // The ring against what is beside it: the colour just outside it on each side, or the
    // element's own fill when the ring touches it (no offset).
    const offset = parseFloat(s.outlineOffset) || 0;
    const past = offset + outlineWidth + 2;
    const midX = rect.left + rect.width / 2;
    const midY = rect.top + rect.height / 2;
    const spots = [
      [rect.left - past, midY],
      [rect.right + past, midY],
      [midX, rect.top - past],
      [midX, rect.bottom + past],
    ].filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    const own = rgba(s.backgroundColor);
    const ring = (below) => over(rgba(s.outlineColor), below);
    const ratioOn = (below) => contrast(ring(below), below);
    // A ring that touches the element stands out against the element's own fill; otherwise
    // it must stand out against what is around it on most sides (a field beside a button
    // may be light where the header around both is dark).
    const ownRatio = offset <= 0 && own[3] >= 1 ? ratioOn(own) : 0;
    const ratios = spots.map(([x, y]) => ratioOn(backgroundAt(x, y, el)));
    const enough = ratios.filter((r) => r >= 3).length;
    if (ownRatio < 3 && ratios.length && enough * 2 < ratios.length) {
      problems.push(`focus ring ${s.outlineColor} has ${Math.min(...ratios).toFixed(2)}:1 against what is beside it (needs 3:1)`);
    }
  }
  // 2.4.11: the focused element must not be hidden, by a sticky header or anything else.
  const inset = 2;
  const points = [
    [rect.left + rect.width / 2, rect.top + rect.height / 2],
    [rect.left + inset, rect.top + inset],
    [rect.right - inset, rect.top + inset],
    [rect.left + inset, rect.bottom - inset],
    [rect.right - inset, rect.bottom - inset],
  ];
  const seen = points.some(([x, y]) => {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return hit && (hit === el || el.contains(hit));
  });
  if (rect.width === 0 || rect.height === 0 || !seen) problems.push('focused but not visible on screen (hidden or covered: WCAG 2.4.11)');
  const all = document.querySelectorAll('*');
  return { key: Array.prototype.indexOf.call(all, el), label: describe(el), problems };
}

/**
 * Tabs through the page from its start and checks every element the focus reaches: a focus
 * ring with 3:1 against what is beside it, and the element on screen. Fails as well when Tab
 * reaches fewer elements than the page has focusable ones.
 */
export async function checkFocus(page, { context = '' } = {}) {
  const problems = [];
  const expected = await page.evaluate(countTabbable);
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  await install(page);
  const reached = new Set();
  for (let step = 0; step <= expected; step += 1) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(inspectFocus);
    if (!focus || reached.has(focus.key)) break;
    reached.add(focus.key);
    for (const p of focus.problems) problems.push(`focus${context}: ${focus.label}: ${p}`);
  }
  if (reached.size < expected) problems.push(`focus${context}: Tab reached ${reached.size} of the ${expected} focusable elements`);
  return problems;
}

/**
 * Non-text contrast (1.4.11) of what shows where a control or card begins: the border of
 * fields (the search field, the filters' lists) and the accent border of cards, against what
 * is around them, at least 3:1. In forced-colours mode also buttons, tags and badges, whose
 * fills are gone there, must keep a border.
 */
export async function checkBorders(page, { forced = false } = {}) {
  await install(page);
  return page.evaluate(
    (forced) => {
      const { rgba, over, contrast, backgroundAt, describe } = window.__gkaColours;
      const problems = [];
      const controls = 'input:not([type="hidden"]), select, textarea, .card';
      const selector = forced ? `${controls}, button, .button, .tag, .badge` : controls;
      for (const el of document.querySelectorAll(selector)) {
        if (!el.checkVisibility({ visibilityProperty: true })) continue;
        const s = getComputedStyle(el);
        // The card's accent is its top border; the others have one border all round.
        const width = parseFloat(s.borderTopWidth) || 0;
        if (s.borderTopStyle === 'none' || width <= 0) {
          problems.push(`border${forced ? ' (forced colours)' : ''}: ${describe(el)} has no border`);
          continue;
        }
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        const y = r.top - width - 2;
        if (y < 0 || r.width === 0) continue;
        const around = backgroundAt(r.left + Math.min(8, r.width / 2), y, el);
        const ratio = contrast(over(rgba(s.borderTopColor), around), around);
        if (ratio < 3) {
          problems.push(`border${forced ? ' (forced colours)' : ''}: ${describe(el)}: ${s.borderTopColor} has ${ratio.toFixed(2)}:1 against what is around it (needs 3:1)`);
        }
      }
      window.scrollTo(0, 0);
      return problems;
    },
    forced,
  );
}

/**
 * The page as printed (the page must have `media: 'print'` emulated): no skip link, menu,
 * search field or breadcrumbs; no dark fills; dark text; the address after every link in the
 * main text that leads to another site; headings kept with what follows them.
 */
export async function checkPrint(page) {
  await install(page);
  return page.evaluate(() => {
    const { rgba, contrast, white, describe } = window.__gkaColours;
    const problems = [];
    for (const selector of ['.skip-link', '.site-nav', '.site-search', '.breadcrumbs']) {
      for (const el of document.querySelectorAll(selector)) {
        if (el.checkVisibility()) problems.push(`print: ${describe(el)} is printed (leave it out on paper)`);
      }
    }
    const dark = [];
    const faint = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const s = getComputedStyle(el);
      const bg = rgba(s.backgroundColor);
      if (bg[3] > 0 && contrast(bg, white) > 1.1) dark.push(`${describe(el)} (${s.backgroundColor})`);
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      if (ownText && contrast(rgba(s.color), white) < 7) faint.push(`${describe(el)} (${s.color})`);
    }
    if (dark.length) problems.push(`print: ${dark.length} element(s) with a coloured fill, e.g. ${dark.slice(0, 3).join(', ')}`);
    if (faint.length) problems.push(`print: ${faint.length} element(s) with light text, e.g. ${faint.slice(0, 3).join(', ')}`);
    for (const a of document.querySelectorAll('main a[href^="http://"], main a[href^="https://"]')) {
      if (!a.checkVisibility()) continue;
      const after = getComputedStyle(a, '::after').content;
      if (!after.includes(a.getAttribute('href'))) problems.push(`print: ${describe(a)} does not show its address (${a.getAttribute('href')})`);
    }
    for (const h of document.querySelectorAll('main h1, main h2, main h3, main h4')) {
      if (getComputedStyle(h).breakAfter !== 'avoid') problems.push(`print: ${describe(h)} may end a page (break-after is not avoid)`);
    }
    return problems;
  });
}
