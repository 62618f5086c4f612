// Opens every HTML page of a built site in Debian's Chromium and fails on any problem:
// an axe-core WCAG 2.0/2.1/2.2 A or AA violation, a broken internal link, anchor or asset,
// horizontal scrolling at 320 px wide or at 200% text size, and (on each home page) a skip
// link that is not first, not visible on focus, or does not move focus to the main content.
//   node check-site.js SITE_DIR [--pages N | --min-pages N]
// It fails too when it checked other than N pages (or fewer than N), so a build that wrote its
// pages somewhere else cannot pass having checked nothing.
'use strict';
const fs = require('fs');
const path = require('path');
const http = require('http');
const { chromium } = require('playwright-core');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const types = { '.html': 'text/html', '.css': 'text/css', '.svg': 'image/svg+xml', '.csv': 'text/csv', '.md': 'text/markdown' };

function htmlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith('.html') ? [p] : [];
  }).sort();
}

function serve(root) {
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map(v => `axe ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}

async function links(page) {
  return page.evaluate(() => [...document.querySelectorAll('a[href], link[href], img[src]')]
    .map(e => e.getAttribute('href') || e.getAttribute('src')));
}

// Internal links must reach a file and, with a #fragment, an element with that id.
async function brokenLinks(page, base, cache, external) {
  const problems = [];
  for (const href of await links(page)) {
    if (/^(mailto:|tel:)/.test(href)) continue;
    const url = new URL(href, page.url());
    if (url.origin !== base) { external.add(url.href); continue; }
    const target = url.origin + url.pathname;
    if (!cache.has(target)) cache.set(target, await (await fetch(target)).text().then(t => t, () => null));
    const response = await fetch(target);
    if (!response.ok) { problems.push(`broken link ${href}`); continue; }
    if (url.hash && url.hash.length > 1) {
      const id = decodeURIComponent(url.hash.slice(1));
      const body = cache.get(target) || '';
      if (!body.includes(`id="${id}"`)) problems.push(`broken anchor ${href}`);
    }
  }
  return problems;
}

async function overflow(page, width, textZoom) {
  await page.setViewportSize({ width, height: 900 });
  if (textZoom) await page.evaluate(z => { document.documentElement.style.fontSize = z; }, textZoom);
  const tooWide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  if (textZoom) await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
  await page.setViewportSize({ width: 1280, height: 900 });
  return tooWide ? [`scrolls sideways at ${width} px${textZoom ? ' with text at ' + textZoom : ''}`] : [];
}

async function keyboardPath(page) {
  const problems = [];
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const e = document.activeElement;
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    return { href: e.getAttribute('href'), visible: r.width > 0 && r.top >= 0 && r.left >= 0,
             marked: style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor !== 'rgba(0, 0, 0, 0)' };
  });
  if (first.href !== '#main-content') problems.push('the first Tab does not reach the skip link');
  if (!first.visible || !first.marked) problems.push('the skip link is not visible when focused');
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement.id);
  if (focused !== 'main-content') problems.push('the skip link does not move focus to the main content');
  return problems;
}

(async () => {
  const root = path.resolve(process.argv[2]);
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cache = new Map(), external = new Set();
  let failures = 0, pages = 0;
  for (const file of htmlFiles(root)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    await page.goto(`${base}/${rel}`);
    const problems = [
      ...await axeViolations(page),
      ...await brokenLinks(page, base, cache, external),
      ...await overflow(page, 320),
      ...await overflow(page, 1280, '200%'),
    ];
    if (/(^|\/)index\.html$/.test(rel) && rel.split('/').length === 2) {
      await page.goto(`${base}/${rel}`);
      problems.push(...await keyboardPath(page));
    }
    for (const p of problems) console.log(`${rel}: ${p}`);
    failures += problems.length;
    pages += 1;
  }
  for (const url of [...external].sort()) console.log(`external link (not fetched): ${url}`);
  console.log(`${pages} pages checked, ${failures} problems`);
  const [option, count] = [process.argv[3], Number(process.argv[4])];
  if (option === '--pages' && pages !== count) {
    console.log(`expected ${count} pages, found ${pages}`);
    failures += 1;
  }
  if (option === '--min-pages' && pages < count) {
    console.log(`expected at least ${count} pages, found ${pages}`);
    failures += 1;
  }
  await browser.close();
  server.close();
  process.exit(failures ? 1 : 0);
})().catch(e => { console.error(e); process.exit(2); });
