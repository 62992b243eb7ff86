// End-to-end test of examples/web in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core): the page opens offline on the illustrative example, loads the seed
// program, a real IATI file and a table of projects with its mapping, and shows what the
// module computes. Screenshots go to target/e2e/ for a person to look at.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { Portfolio } from "kartan";
import { serve } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../../..");
const dist = join(repo, "examples/web/dist");
const shots = join(repo, "target/e2e");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const shared = resolve(repo, "../shared");
const vector = (path) => JSON.parse(readFileSync(join(repo, "tests/vectors", path), "utf8"));

/** Skips a test when this build of the module lacks a Portfolio method it needs. */
const needs = (...methods) => {
  const missing = methods.filter((m) => typeof Portfolio.prototype[m] !== "function" && typeof Portfolio[m] !== "function");
  return missing.length ? { skip: `this build has no ${missing.join(", ")}` } : {};
};

async function setAsOf(date) {
  await page.fill("#as-of", date);
  await page.dispatchEvent("#as-of", "change");
}

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

test("the page opens on the illustrative example, marked as invented, with its figures", async () => {
  const c = vector("examples/example.json");
  const e = c.expected;
  assert.match(await page.textContent("#status"), /Showing the illustrative example \(invented figures\)/);
  await setAsOf(c.as_of);
  // The program's subtitle says that it is invented.
  assert.match(await page.textContent("#program-subtitle"), /Illustrativt exempel: projekt, mätvärden och svar är påhittade/);
  assert.match(await page.textContent("#program-facts"), new RegExp(`Projects recorded${e.projects} \\(the program states 30\\)`));
  const errors = await page.$$eval("#diagnostics tbody tr[data-severity=error]", (rows) => rows.length);
  assert.equal(errors, 0, "the example validates without errors");
  // Its meetings were held: the plan of project-leader meetings shows 14 held of 14 planned.
  assert.match(await page.textContent("#plans"), /14 held of 14 planned/);
  await page.waitForSelector("[data-chart] svg", { timeout: 30000 });
  await page.screenshot({ path: join(shots, "example.png"), fullPage: false });
  // The seed button loads the bare seed; the example button brings the example back.
  await page.click("#seed");
  await page.waitForFunction(() => document.getElementById("status").textContent.includes("the seed program"));
  await page.click("#example");
  await page.waitForFunction(() => document.getElementById("status").textContent.includes("illustrative example"));
  assert.match(await page.textContent("#program-facts"), new RegExp(`Projects recorded${e.projects}`));
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
  // Map vs reality: every item has a verdict; the seed records no reports yet.
  const items = await page.$$eval("#matrix [data-item]", (li) => li.length);
  const verdicts = await page.$$eval("#matrix [data-verdict]", (v) => v.map((x) => x.dataset.verdict));
  if (typeof Portfolio.prototype.mapVsReality === "function") {
    assert.equal(verdicts.length, items);
    assert.ok(verdicts.every((v) => v === "none_yet"));
  }
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

test("a results vector's portfolio shows the vector's progress figure (rule 3, descending)",
  needs("progress", "indicatorChart"), async () => {
  const c = vector("results/rule3_descending_progress.json");
  await setAsOf(c.query.as_of);
  await page.setInputFiles("#file", { name: "rule3.json", mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(c.portfolio)) });
  const figure = await page.waitForSelector(`[data-indicator='${c.query.indicator}'] [data-progress]`);
  assert.equal(await figure.getAttribute("data-progress"), c.expected.progress.value);
  assert.equal(await figure.textContent(), "50 %");
  assert.equal(await page.getAttribute(`[data-indicator='${c.query.indicator}'] [data-status]`, "data-status"), c.expected.status);
  await page.waitForSelector(`[data-chart='${c.query.indicator}'] svg`);
  await page.screenshot({ path: join(shots, "progress.png"), fullPage: true });
});

test("a real IATI file: imported, validated, indicators with charts, report download",
  needs("fromIati", "indicatorChart", "report"), async () => {
  const c = vector("iati/results_small_rich_ngo_2021.json");
  await setAsOf("2021-12-31");
  await page.setInputFiles("#file", join(shared, "data/real", c.input));
  // "Reading NAME…" names the file too: wait for the page to show it.
  await page.waitForFunction((name) => document.getElementById("status").textContent === `Showing ${name}.`, c.input.split("/").pop());
  assert.match(await page.textContent("#import"), new RegExp(`${c.expected.projects} activities imported`));
  assert.match(await page.textContent("#indicators-summary"), new RegExp(`^${c.expected.indicators} indicators`));
  assert.match(await page.textContent("#program-facts"), new RegExp(`Projects recorded${c.expected.projects}`));
  await page.waitForSelector("[data-chart] svg", { timeout: 30000 });
  await page.screenshot({ path: join(shots, "iati.png"), fullPage: false });
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  const file = join(shots, "report.html");
  await download.saveAs(file);
  const html = readFileSync(file, "utf8");
  assert.match(html, /^<!DOCTYPE html>/i);
  assert.doesNotMatch(html, /<script[^>]+src=["']?https?:/i, "the report loads nothing from the network");
});

test("a table with its mapping: imported, with every skipped cell listed by row and column", async () => {
  const c = vector("table_import/nothing_lost.json").cases[0];
  await page.click("#table-import summary");
  await page.setInputFiles("#table-file", { name: c.table_name, mimeType: "text/csv", buffer: Buffer.from(c.table) });
  await page.setInputFiles("#mapping-file", { name: "mapping.toml", mimeType: "text/plain", buffer: Buffer.from(c.mapping) });
  await page.click("#table-import-go");
  await page.waitForFunction((name) => document.getElementById("status").textContent === `Showing ${name}.`, c.table_name);
  const lost = Object.values(c.expected.lost).reduce((a, b) => a + b, 0);
  assert.equal(await page.textContent("#import"), `${c.table_name}: ${c.expected.rows_read} rows read, `
    + `${c.expected.rows_imported} imported; ${lost} rows or cells skipped, 0 warnings.`);
  const skipped = await page.$$eval("#skipped li", (li) => li.map((x) => x.textContent));
  assert.equal(skipped.length, lost);
  for (const reason of c.expected.reasons_contain) assert.ok(skipped.some((s) => s.includes(reason)), reason);
  assert.match(skipped[0], /^row \d+, column amount/);
  assert.match(await page.textContent("#program-facts"), new RegExp(`Projects recorded${c.expected.projects}`));

  // The real project bank (374 projects) through the committed mapping.
  await page.setInputFiles("#table-file", join(shared, "data/real/cohesion/se_tillvaxtverket_erdf_projektbanken_2014-2020_snapshot2016.json"));
  await page.setInputFiles("#mapping-file", join(repo, "examples/mappings/projektbanken.toml"));
  await page.click("#table-import-go");
  await page.waitForFunction(() => document.getElementById("status").textContent
    === "Showing se_tillvaxtverket_erdf_projektbanken_2014-2020_snapshot2016.json.");
  assert.match(await page.textContent("#import"), /374 rows read, 374 imported; 0 rows or cells skipped/);
  assert.match(await page.textContent("#program-facts"), /Projects recorded374/);

  // A mapping that names a column the table lacks: the core's message, the page keeps working.
  await page.setInputFiles("#mapping-file", { name: "bad.toml", mimeType: "text/plain",
    buffer: Buffer.from(c.mapping.replace('budget = "amount"', 'budget = "Budget"')) });
  await page.setInputFiles("#table-file", { name: c.table_name, mimeType: "text/csv", buffer: Buffer.from(c.table) });
  await page.click("#table-import-go");
  await page.waitForSelector("#error:not([hidden])");
  assert.match(await page.textContent("#error"), /names column "Budget", which the table does not have/);
  await page.click("#example");
  await page.waitForFunction(() => document.getElementById("error").hidden);
});

test("the bundle works offline from file:// too", async () => {
  const local = await browser.newPage();
  try {
    await local.goto(pathToFileURL(join(dist, "index.html")).href);
    await local.waitForSelector("body[data-ready=true]", { timeout: 30000 });
    assert.match(await local.textContent("#status"), /illustrative example/);
    await local.click("#seed");
    assert.equal(await local.$$eval("#matrix tbody tr", (rows) => rows.length), 3);
  } finally {
    await local.close();
  }
});
