// The report page of the fixture archive in a real browser: it loads without console errors, every
// chart draws, clicking a term lists its documents, and the search filters the document table.
// A screenshot is left in test-artifacts/report.png for a person to look at.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, cli } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');

describe('report page in chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-report-'));
  const html = join(dir, 'report.html');
  let browser: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  // What the archive holds, read from the records the run wrote (the fixtures grow over time).
  let documents = 0;
  let errors = 0;

  beforeAll(async () => {
    // The fixture archive, analysed with --report: its bad inputs become error records (exit status 1).
    const run = cli(['analyze', '--jobs', '1', '--format', 'jsonl', '--out', join(dir, 'records.jsonl'), '--report', html, 'fixtures/']);
    expect(run.status, run.stderr).toBe(1);
    for (const line of readFileSync(join(dir, 'records.jsonl'), 'utf8').split('\n').filter(Boolean)) {
      if ('error' in JSON.parse(line)) errors++;
      else documents++;
    }
    expect(errors).toBeGreaterThan(0);
    // A fresh profile in the temporary folder, and nothing that reaches out: the page must work offline.
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // Any request but the file itself is a leak of the self-contained page.
    page.on('request', (r) => {
      if (r.url() !== pathToFileURL(html).href) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(html).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads with no console errors and no requests', () => {
    expect(problems).toEqual([]);
  });

  it('counts the documents and the error records of the archive', async () => {
    const counts = await page.locator('#counts .count').allInnerTexts();
    expect(counts.map((t) => t.replace(/\s+/g, ' '))).toEqual(expect.arrayContaining([`${documents} documents`, `${errors} error records`]));
  });

  it.each(['chart-timeline', 'chart-terms', 'chart-PER', 'chart-LOC', 'chart-ORG', 'chart-figures'])('draws %s', async (id) => {
    // ECharts' SVG renderer: a drawn chart has an <svg> with shapes in it, and takes up room.
    const shapes = await page.locator(`#${id} svg path, #${id} svg rect, #${id} svg circle`).count();
    expect(shapes).toBeGreaterThan(3);
    const box = await page.locator(`#${id} svg`).first().boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(100);
  });

  it('lists the documents of a term when it is clicked', async () => {
    // 微改革 is coined on the Qingdao page (its first headline: “微改革”助推大发展).
    await page.getByRole('button', { name: '微改革', exact: true }).click();
    const panel = page.locator('#term-docs');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('h3').innerText()).toContain('微改革');
    const items = await panel.locator('li').allInnerTexts();
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('qingdao-west-coast-2022-08.txt');
  });

  it('lists the documents of a name when its bar is clicked', async () => {
    // The top bar of the places chart: clicking the middle of the first bar.
    const bar = page.locator('#chart-LOC svg path[fill="#3b8a5a"]').first();
    await bar.click();
    await expect.poll(() => page.locator('#entity-docs').isVisible()).toBe(true);
    expect(await page.locator('#entity-docs li').count()).toBeGreaterThan(0);
  });

  it('shows markup in headlines, names and terms as text, in the page and in chart tooltips', async () => {
    const evil = '</script><img src=x onerror="window.pwned=1"><!--';
    const records = ['2024-01-02', '2024-02-03'].map((date, i) =>
      JSON.stringify({
        id: `evil-${i}`, date, articles: [{ title: `${evil}标题`, date: null }],
        entities: [{ type: 'PER', text: evil }], slogans: [{ kind: 'coined', text: evil, canonical: evil }], figures: [],
      }),
    );
    writeFileSync(join(dir, 'evil.jsonl'), records.join('\n') + '\n');
    const run = cli(['report', join(dir, 'evil.jsonl'), '--out', join(dir, 'evil.html')]);
    expect(run.status, run.stderr).toBe(0);
    const other = await browser.newPage();
    const errors: string[] = [];
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(pathToFileURL(join(dir, 'evil.html')).href);
    await other.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    // Hover the terms chart so that ECharts writes its tooltip (HTML) with the term's name in it.
    const box = (await other.locator('#chart-terms').boundingBox())!;
    for (const x of [0.3, 0.5, 0.7]) await other.mouse.move(box.x + box.width * x, box.y + box.height / 2);
    await expect.poll(() => other.locator('#chart-terms div', { hasText: 'onerror' }).count()).toBeGreaterThan(0);
    expect(await other.locator('img').count()).toBe(0);
    expect(await other.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await other.locator('#doc-table tbody tr').first().innerText()).toContain(evil);
    expect(errors).toEqual([]);
    await other.close();
  });

  it('filters the document table by the search box', async () => {
    const rows = page.locator('#doc-table tbody tr');
    expect(await rows.count()).toBe(documents);
    await page.fill('#doc-search', '智能工厂');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('smart-factory-single.txt');
    await page.fill('#doc-search', '');
    await page.getByRole('button', { name: '微改革', exact: true }).click();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
  });
});
