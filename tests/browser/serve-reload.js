// hwbgen serve in Debian's Chromium: an open page reloads by itself after an edit, where the
// reader had scrolled to; a mistake replaces it with the problems page (axe-clean, usable by
// keyboard); fixing the file brings the page back, all without a manual refresh.
//   node serve-reload.js HWBGEN PROJECT_ROOT [SCREENSHOT.png]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { chromium } = require('playwright-core');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [hwbgen, source, screenshot] = process.argv.slice(2);
const section = 'content/leicester/sections/02-healthy-minds.yaml';
const pageUrl = '/leicester/sections/healthy-minds/mental-health-social-inclusion/';  // a long page
const failures = [];
const check = (ok, what) => { console.log(`${ok ? 'ok' : 'FAILED'}: ${what}`); if (!ok) failures.push(what); };

function copyProject(to) {
  for (const part of ['content', 'templates', 'indicators']) fs.cpSync(path.join(source, part), path.join(to, part), { recursive: true });
}

function startServe(root) {
  const child = spawn(hwbgen, ['serve', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', d => {
      out += d;
      const m = out.match(/serving the preview at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve({ child, base: m[1] });
    });
    child.on('exit', code => reject(new Error(`hwbgen serve ended (${code}): ${out}`)));
  });
}

async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return result.violations.map(v => `${v.id} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hwbgen-serve-browser-'));
  copyProject(root);
  const file = path.join(root, section);
  const original = fs.readFileSync(file, 'utf8');
  const { child, base } = await startServe(root);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(base + pageUrl);
    await page.evaluate(() => { window.scrollTo(0, 700); window.notReloaded = true; });
    const before = await page.evaluate(() => window.scrollY);
    check(before > 300, `the page scrolls (to ${before})`);

    fs.writeFileSync(file, original.replace('social inclusion, and supportive networks\n', 'social inclusion, and supportive networks, edited\n'));
    await page.waitForFunction(() => document.body.innerText.includes('supportive networks, edited'), null, { timeout: 10000 });
    check(await page.evaluate(() => window.notReloaded === undefined), 'the page reloaded by itself after the edit');
    await page.waitForLoadState('load');
    const y = await page.evaluate(() => window.scrollY);
    check(Math.abs(y - before) < 5, `it kept the scroll position (${before}, now ${y})`);

    fs.writeFileSync(file, original.replace('      - imd-2015-score\n', '      - imd-2015-scor\n'));
    await page.waitForFunction(() => /to fix/.test(document.querySelector('h1')?.innerText || ''), null, { timeout: 10000 });
    const text = await page.evaluate(() => document.body.innerText);
    check(/02-healthy-minds\.yaml:\d+:9/.test(text), 'the problems page gives file:line:column');
    check(text.includes("did you mean 'imd-2015-score'?"), 'the problems page gives the hint');
    const violations = await axeViolations(page);
    check(violations.length === 0, `axe finds nothing on the problems page${violations.length ? ': ' + violations.join('; ') : ''}`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const e = document.activeElement, style = getComputedStyle(e);
      return { tag: e.tagName, visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    check(focused.tag === 'A' && focused.visible, 'Tab reaches the link on the problems page, with a visible focus');
    await page.setViewportSize({ width: 320, height: 800 });
    check(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), 'no sideways scrolling at 320 px');
    await page.setViewportSize({ width: 1280, height: 800 });
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

    fs.writeFileSync(file, original);
    await page.waitForFunction(() => document.querySelector('h1')?.innerText.includes('supportive networks'), null, { timeout: 10000 });
    check(true, 'fixing the file brought the page back by itself');
  } finally {
    await browser.close();
    child.kill('SIGINT');
    await new Promise(resolve => child.on('exit', resolve));
    fs.rmSync(root, { recursive: true, force: true });
  }
  if (failures.length) { console.log(`${failures.length} failed`); process.exit(1); }
}

main().catch(e => { console.error(e); process.exit(1); });
