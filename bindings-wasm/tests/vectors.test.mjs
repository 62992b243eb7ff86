// The shared vectors (tests/vectors/<area>/*.json), run through the JS API with the same
// expected values as the Rust and Python suites. Every area is either BOUND (each of its
// files is run here, and at least one case must run) or listed in NOT_BOUND with the
// reason; a new area fails this suite until it is one or the other.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Portfolio } from "kartan";
import { jsonFiles, repo, shared } from "./helpers.mjs";

const vectors = join(repo, "tests", "vectors");

/** `1.50` and `1.5` are the same decimal (exact, no floating point). */
function normalDecimal(s) {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const int = m[2].replace(/^0+/, "") || "0";
  const frac = (m[3] ?? "").replace(/0+$/, "");
  const sign = m[1] === "-" && (int !== "0" || frac !== "") ? "-" : "";
  return `${sign}${int}${frac ? `.${frac}` : ""}`;
}

/** The results vectors' pattern match (as core/tests/vectors_results.rs): every key of an
 *  expected object must match (a missing key matches null), arrays match element by
 *  element, decimal strings match when equal as numbers. */
function matches(expected, actual, path = "") {
  if (expected === null) {
    assert.ok(actual === null || actual === undefined, `at ${path}: expected null, got ${JSON.stringify(actual)}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `at ${path}: expected an array, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `at ${path}: expected ${expected.length} items: ${JSON.stringify(actual)}`);
    expected.forEach((e, i) => matches(e, actual[i], `${path}/${i}`));
  } else if (typeof expected === "object") {
    assert.ok(actual && typeof actual === "object", `at ${path}: expected an object, got ${JSON.stringify(actual)}`);
    for (const [k, v] of Object.entries(expected)) matches(v, actual[k] ?? null, `${path}/${k}`);
  } else if (typeof expected === "string" && typeof actual === "string" && expected !== actual) {
    const [e, a] = [normalDecimal(expected), normalDecimal(actual)];
    assert.ok(e !== null && e === a, `at ${path}: expected ${expected}, got ${actual}`);
  } else {
    assert.equal(actual, expected, `at ${path}`);
  }
}

const portfolioOf = (value) => Portfolio.fromJson(JSON.stringify(value));

function runResults(c) {
  const p = portfolioOf(c.portfolio);
  const q = c.query;
  const call = {
    period_values: () => p.periodValues(q.indicator),
    progress: () => p.progress(q.indicator, q.as_of, q.band),
    rollup: () => p.rollup(q.indicator, q.periods),
  }[q.kind];
  assert.ok(call, `unknown query kind ${q.kind}`);
  if (c.expected.error !== undefined) {
    assert.throws(call, (e) => e instanceof Error && e.code === c.expected.error);
  } else {
    matches(c.expected, call());
  }
}

function runMapReality(c) {
  const m = portfolioOf(c.portfolio).mapVsReality(c.as_of);
  const items = m.items.map((i) => ({ item: i.item, level: i.level, column: i.column, evidence: i.evidence,
    sources: i.sources, strongest: i.strongest, indicators: i.indicators.map((l) => l.id), verdict: i.verdict }));
  assert.deepEqual(items, c.expected.items);
  const plans = m.plans.map((p) => ({ plan: p.plan, planned: p.planned, held: p.held, open: p.open,
    cancelled: p.cancelled, shortfall: p.shortfall, last_held: p.last_held }));
  assert.deepEqual(plans, c.expected.plans);
  const unexpected = m.unexpected.map((g) => ({ level: g.level, observations: g.observations.map((o) => o.observation),
    unknown_items: g.observations.map((o) => o.unknown_item) }));
  assert.deepEqual(unexpected, c.expected.unexpected);
}

function runReport(c) {
  const report = JSON.parse(portfolioOf(c.input).report("json", c.options.lang, c.options.as_of));
  const e = c.expected;
  assert.equal(report.title, e.title);
  assert.deepEqual(report.sections.map((s) => s.id), e.section_ids);
  assert.deepEqual(report.sections.map((s) => s.title), e.section_titles);
  const section = (id) => report.sections.find((s) => s.id === id) ?? assert.fail(`no section ${id}`);
  for (const n of e.notices ?? []) {
    assert.ok(section(n.section).blocks.some((b) => b.type === "notice" && b.text === n.text), `notice ${n.text}`);
  }
  for (const t of e.tables ?? []) {
    assert.ok(section(t.section).blocks.some((b) => b.type === "table"
      && JSON.stringify(b.columns) === JSON.stringify(t.columns) && JSON.stringify(b.rows) === JSON.stringify(t.rows)),
    `table ${JSON.stringify(t)}`);
  }
  for (const l of e.lists ?? []) {
    assert.ok(section(l.section).blocks.some((b) => b.type === "list" && JSON.stringify(b.items) === JSON.stringify(l.items)),
      `list ${JSON.stringify(l.items)}`);
  }
}

/** The counts an IATI vector names, from the imported portfolio's kartan JSON and the
 *  import report (as core/tests/iati_import.rs). */
function iatiCount(p, r, what) {
  const projects = p.projects ?? [];
  const indicators = projects.flatMap((x) => x.results ?? []).flatMap((x) => x.indicators ?? []);
  const periods = indicators.flatMap((i) => i.periods ?? []);
  const values = (xs) => xs ?? [];
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const counts = {
    projects: () => projects.length,
    results: () => sum(projects.map((x) => values(x.results).length)),
    indicators: () => indicators.length,
    baselines: () => sum(indicators.map((i) => values(i.baselines).length)),
    periods: () => periods.length,
    targets: () => sum(periods.map((x) => values(x.targets).length)),
    actuals: () => sum(periods.map((x) => values(x.actuals).length)),
    period_dimensions: () => sum(periods.flatMap((x) => [...values(x.targets), ...values(x.actuals)]).map((v) => values(v.dimensions).length)),
    baseline_dimensions: () => sum(indicators.flatMap((i) => values(i.baselines)).map((b) => values(b.dimensions).length)),
    indicators_without_period: () => {
      assert.equal(r.indicators_without_period, indicators.filter((i) => values(i.periods).length === 0).length);
      return r.indicators_without_period;
    },
    indicators_without_measure: () => {
      assert.equal(r.indicators_without_measure, indicators.filter((i) => i.measure === undefined).length);
      return r.indicators_without_measure;
    },
    periods_with_numeric_target_and_actual: () => periods.filter((x) => values(x.targets).length && values(x.actuals).length
      && [...x.targets, ...x.actuals].every((v) => v.value !== undefined)).length,
    periods_with_a_target_without_number: () => periods.filter((x) => values(x.targets).some((t) => t.value === undefined)).length,
    targets_without_value: () => r.targets_without_value,
    periods_with_several_actuals: () => periods.filter((x) => values(x.actuals).length > 1).length,
    budgets: () => sum(projects.map((x) => values(x.budgets).length)),
    revised_budgets: () => projects.flatMap((x) => values(x.budgets)).filter((b) => b.kind === "revised").length,
    transactions: () => r.not_modelled.find((n) => n.path === "iati-activity/transaction")?.count ?? 0,
    reporting_orgs: () => new Set(projects.map((x) => x.owner).filter(Boolean)).size,
    participating_orgs: () => sum(projects.map((x) => values(x.participating).length)),
    sectors: () => sum(projects.map((x) => values(x.sectors).length)),
    with_parent: () => projects.filter((x) => x.parent !== undefined).length,
  };
  assert.ok(counts[what], `unknown count ${what}`);
  return counts[what]();
}

function runIati(c) {
  const file = join(shared, "data", "real", c.input);
  assert.ok(existsSync(file), `${file} (shared/ lies beside the repository)`);
  const p = Portfolio.fromIati(readFileSync(file), c.input);
  const model = JSON.parse(p.toJson());
  const report = p.importReport();
  for (const [what, want] of Object.entries(c.expected)) {
    assert.equal(iatiCount(model, report, what), want, what);
  }
}

/** Each bound area: the Portfolio method that binds it, and its runner. A build without
 *  that method (a kartan-wasm feature off) skips the area and says so. */
const BOUND = {
  results: ["periodValues", runResults],
  map_reality: ["mapVsReality", runMapReality],
  report: ["report", runReport],
  iati: ["fromIati", runIati],
};
const NOT_BOUND = {
  survey: "survey statistics (kartan::analysis::survey) are not bound in JS yet",
};
const built = (method) => typeof Portfolio.prototype[method] === "function" || typeof Portfolio[method] === "function";

const areas = readdirSync(vectors, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

test("every vector area is either bound or listed as not bound", () => {
  const unknown = areas.filter((a) => !(a in BOUND) && !(a in NOT_BOUND));
  assert.deepEqual(unknown, [], "new vector areas: bind them in the JS API or list them in NOT_BOUND");
  for (const area of Object.keys(BOUND)) {
    if (built(BOUND[area][0])) assert.ok(areas.includes(area), `bound area ${area} has no folder`);
  }
});

for (const area of areas.filter((a) => a in BOUND)) {
  const [method, run] = BOUND[area];
  const files = jsonFiles(join(vectors, area));
  if (!built(method)) {
    test(`vectors/${area}: not run — this build has no Portfolio.${method}`, { skip: `no ${method}` }, () => {});
    continue;
  }
  test(`vectors/${area}: at least one case`, () => assert.ok(files.length > 0));
  for (const file of files) {
    test(`vectors/${area}/${file}`, () => {
      run(JSON.parse(readFileSync(join(vectors, area, file), "utf8")));
    });
  }
}

for (const [area, reason] of Object.entries(NOT_BOUND)) {
  test(`vectors/${area}: not run in JS — ${reason}`, { skip: reason }, () => {});
}
