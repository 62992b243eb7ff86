// The HTML learning report as a person sees it, in headless Chromium (Debian's
// /usr/bin/chromium through playwright-core): the illustrative example and a real IATI
// file, at 390 and 1280 px. Each section is there, every chart is drawn (an SVG with marks)
// and has a text alternative, nothing is loaded, and the page body does not scroll
// sideways at 390 px (wide tables scroll inside their own box). Screenshots go to
// target/e2e/ (not committed). Skipped, with a message, when Chromium is absent.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { Portfolio } from "kartan";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../../..");
const shots = join(repo, "target/e2e");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ngoFile = resolve(repo, "../shared/data/real/iati/results_nl_ngos_2021.xml");
const skip = existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath} (scripts/test-wasm.sh installs it)`;
const SECTIONS = ["program", "map", "activities", "results", "map_vs_reality", "evaluations", "learning", "portfolio",
  "data_quality"];

let browser;
before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
  });
});
after(async () => { await browser?.close(); });

/** Opens `html` at `width` px; returns what a person would check, and saves a screenshot. */
async function look(html, width, name) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests = [];
  page.on("request", (r) => { if (!r.url().startsWith("data:") && r.url() !== "about:blank") requests.push(r.url()); });
  await page.setContent(html, { waitUntil: "load" });
  const seen = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    sections: [...document.querySelectorAll("main > section")].map((s) => s.id),
    toc: [...document.querySelectorAll("nav a")].map((a) => a.getAttribute("href")),
    resultsTop: document.getElementById("s-results")?.getBoundingClientRect().top,
    charts: [...document.querySelectorAll("figure.chart")].map((f) => ({
      marks: f.querySelectorAll("svg rect, svg circle, svg polyline").length,
      label: document.getElementById(f.getAttribute("aria-labelledby"))?.textContent ?? "",
      described: document.getElementById(f.getAttribute("aria-describedby"))?.querySelectorAll("td").length ?? 0,
    })),
  }));
  await page.screenshot({ path: join(shots, `report-${name}-${width}.png`), fullPage: width === 390 && name === "example" });
  await page.close();
  return { ...seen, requests };
}

function checkReport(seen, width) {
  assert.deepEqual(seen.sections, SECTIONS.map((s) => `s-${s}`));
  assert.deepEqual(seen.toc, SECTIONS.map((s) => `#s-${s}`));
  assert.ok(seen.scrollWidth <= width, `the body scrolls sideways at ${width} px: ${seen.scrollWidth}`);
  assert.deepEqual(seen.requests, []);
  for (const c of seen.charts) {
    assert.ok(c.marks > 0, `chart "${c.label}" is drawn`);
    assert.ok(c.label.length > 0 && c.described > 0, `chart "${c.label}" has a caption and its data as a table`);
  }
}

test("the example's report: every section, every chart drawn with a text alternative, no overflow at 390 px",
  { skip }, async () => {
    const html = (await Portfolio.example()).report("html", "en", "2012-06-30");
    for (const width of [390, 1280]) {
      const seen = await look(html, width, "example");
      checkReport(seen, width);
      assert.ok(seen.charts.length >= 4, `charts: ${seen.charts.length}`);
    }
  });

test("a real IATI file's report leads with what the file has and names the rest once",
  { skip: skip || (!existsSync(ngoFile) && `no ${ngoFile}`) }, async () => {
    const html = Portfolio.fromIati(readFileSync(ngoFile, "utf8")).report("html", "en", "2022-06-30");
    assert.equal(html.match(/Not in this file: /g)?.length, 1);
    for (const width of [390, 1280]) {
      const seen = await look(html, width, "iati");
      checkReport(seen, width);
      // What the file has (results) starts within the first screens, not after a screen
      // of "nothing recorded" boxes (1,977 px down at 1280 px before issue 17).
      if (width === 1280) assert.ok(seen.resultsTop < 1400, `results start at ${seen.resultsTop} px`);
    }
  });
