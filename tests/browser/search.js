// Site search in a real browser, as a reader uses it: a commitment's words typed into the header's
// search box, with the keyboard, reach the commitment's priority page. With JavaScript the
// results come from Pagefind, their count is announced (role="status") and the results page is
// axe-clean; without JavaScript the box leads to the page listing every page, which links to it.
//   node search.js SITE_DIR PLACE
'use strict';
const fs = require('fs');
const path = require('path');
const http = require('http');
const { chromium } = require('playwright-core');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// Pagefind's script is an ES module: the browser runs it only with a JavaScript type.
const types = { '.html': 'text/html', '.css': 'text/css', '.svg': 'image/svg+xml', '.js': 'text/javascript',
                '.json': 'application/json' };

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

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok' : 'FAIL'}: ${what}`);
  if (!ok) failures += 1;
}

// Presses Tab until `predicate` holds for the focused element (at most `limit` presses).
async function tabTo(page, predicate, arg, limit = 200) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return true;
  }
  return false;
}

const focusedLinkTo = path => {
  const e = document.activeElement;
  return e && e.tagName === 'A' && new URL(e.href).pathname === path;
};

// A commitment (or, in a strategy of logic models, a project) with distinctive words, from the
// site's own open data, and its priority page.
function pickCommitment(site) {
  const items = JSON.parse(fs.readFileSync(path.join(site, 'about-data/commitments.json'), 'utf8')).items;
  const commitments = items.filter(i => i.type === 'Commitment');
  const pool = commitments.length ? commitments : items;
  if (pool.length < 10) throw new Error(`expected many commitments or projects, found ${pool.length}`);
  // The longest words of one in the middle of the strategy: few other pages share them.
  const c = pool[Math.floor(pool.length / 2)];
  const words = [...new Set(c.text.replace(/[^A-Za-z ]/g, ' ').split(/\s+/).filter(w => w.length > 3))];
  words.sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { id: c.id, anchor: (c.type === 'Project' ? 'p-' : 'c-') + c.id, words: words.slice(0, 3).join(' '),
           page: c.page.replace(/#.*/, '') };
}

async function withJavaScript(browser, base, place, target) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/${place}/`);
  check(await tabTo(page, () => document.activeElement.id === 'site-search-q'), 'Tab reaches the header search box');
  await page.keyboard.type(target.words);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\/\?q=/);
  const status = page.locator('#search-status');
  check(await status.getAttribute('role') === 'status', 'the result count is in a live region (role="status")');
  await page.waitForFunction(() => /result/.test(document.getElementById('search-status').textContent), null,
                             { timeout: 20000 });
  const said = await status.textContent();
  console.log(`  announced: ${said}`);
  const count = await page.locator('#search-list > li').count();
  check(new RegExp(`^${count} results? for`).test(said), `the announcement gives the count shown (${count})`);
  const wanted = `/${place}/${target.page}`;
  const found = await page.locator(`#search-list a[href$="${target.page}"]`).count();
  check(found === 1, `the priority page ${wanted} is among the results`);
  const result = page.locator(`#search-list a[href$="${target.page}"]`).locator('xpath=ancestor::li');
  check(await result.locator('.meta').count() === 1, 'the result shows its section');
  check((await result.locator('mark').count()) >= 1, 'the result shows a snippet with the words marked');
  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  for (const v of axe.violations) console.log(`  axe ${v.id}: ${v.help}`);
  check(axe.violations.length === 0, 'the results page is axe-clean');
  await page.evaluate(() => document.getElementById('search-page-q').focus());
  check(await tabTo(page, focusedLinkTo, wanted), 'Tab reaches the result');
  await page.keyboard.press('Enter');
  await page.waitForURL(u => new URL(u).pathname === wanted);
  check(new URL(page.url()).pathname === wanted, `Enter on the result opens ${wanted}`);
  check(await page.locator(`[id="${target.anchor}"]`).count() === 1, 'the page holds the commitment');
  await page.close();
}

async function withoutJavaScript(browser, base, place, target) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/${place}/`);
  check(await tabTo(page, () => document.activeElement.id === 'site-search-q'),
        'without JavaScript, Tab reaches the header search box');
  await page.keyboard.type(target.words);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\/\?q=/);
  check(await page.locator('#every-page').count() === 1, 'the box leads to the page listing every page');
  const wanted = `/${place}/${target.page}`;
  await page.evaluate(() => document.getElementById('every-page').scrollIntoView());
  await page.locator('#every-page').focus().catch(() => {});
  check(await tabTo(page, focusedLinkTo, wanted, 400), `Tab reaches the link to ${wanted} in the list`);
  await page.keyboard.press('Enter');
  await page.waitForURL(u => new URL(u).pathname === wanted);
  check(new URL(page.url()).pathname === wanted, `Enter on it opens ${wanted}`);
  await context.close();
}

(async () => {
  const site = path.resolve(process.argv[2]);
  const place = process.argv[3];
  const target = pickCommitment(path.join(site, place));
  console.log(`searching ${place} for "${target.words}" (${target.anchor}, page ${target.page})`);
  const server = await serve(site);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    await withJavaScript(browser, base, place, target);
    await withoutJavaScript(browser, base, place, target);
  } catch (e) {
    console.log(`FAIL: ${e.message}`);
    failures += 1;
  }
  await browser.close();
  server.close();
  console.log(failures ? `${failures} search checks failed` : 'search works with and without JavaScript');
  process.exit(failures ? 1 : 0);
})();
