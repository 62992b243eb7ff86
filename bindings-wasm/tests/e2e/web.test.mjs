// End-to-end test of examples/web in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core): the page opens offline, loads the seed program and a real IATI file,
// and shows what the module computes. Screenshots go to target/e2e/ for a person to look at.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../../..");
const dist = join(repo, "examples/web/dist");
const shots = join(repo, "target/e2e");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

let server, browser, page;
const requests = [];

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await serve(dist);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
    // playwright gives each launch a fresh, temporary --user-data-dir of its own.
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => { throw e; });
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the page is ready and uses no network beyond its own origin", async () => {
  assert.match(await page.textContent("#status"), /kartan \d+\.\d+\.\d+ is ready/);
  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("data:"));
  assert.deepEqual(foreign, []);
});

test("the seed program: three matrix rows, its items, validation", async () => {
  await page.click("#seed");
  await page.waitForSelector("#matrix tbody tr");
  const levels = await page.$$eval("#matrix tbody tr", (rows) => rows.map((r) => r.dataset.level));
  assert.deepEqual(levels, ["national", "regional", "local"]);
  assert.ok(await page.$("#matrix [data-item='M-NAT-EXP-1']"), "matrix item M-NAT-EXP-1 shown");
  assert.match(await page.textContent("#program-title"), /Program för lokalt och regionalt tillväxtarbete/);
  assert.match(await page.textContent("#program-facts"), /the program states 30/);
  const errors = await page.$$eval("#diagnostics tbody tr[data-severity=error]", (rows) => rows.length);
  assert.equal(errors, 0, "the seed program validates without errors");
  await page.screenshot({ path: join(shots, "seed.png"), fullPage: true });
});

test("switching the language shows the English texts", async () => {
  await page.selectOption("#lang", "en");
  assert.match(await page.textContent("#program-title"), /Program for local and regional growth/i);
  await page.selectOption("#lang", "sv");
});

test("a file that is not a portfolio shows the core's message and the page keeps working", async () => {
  await page.setInputFiles("#file", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"format":') });
  await page.waitForSelector("#error:not([hidden])");
  assert.equal(await page.textContent("#error"), "broken.json:1:10: EOF while parsing a value");
  await page.click("#seed");
  await page.waitForFunction(() => document.getElementById("error").hidden);
  assert.equal(await page.$$eval("#matrix tbody tr", (rows) => rows.length), 3);
});
