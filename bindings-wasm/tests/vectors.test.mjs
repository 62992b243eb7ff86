// The shared vectors (tests/vectors/<area>/*.json), run through the JS API with the same
// expected values as the Rust and Python suites. Every folder of tests/vectors/ is an area
// that is either BOUND (each of its .json files is run here, and at least one case must
// run) or listed in NOT_BOUND with the reason; a folder that is neither, or a .json file
// outside any folder, fails this suite with its name. Other files (README.md) are not
// vectors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Portfolio, surveyFromTable } from "kartan";
import { jsonFiles, repo, shared, thrown, seedJson } from "./helpers.mjs";
import { runTableImport } from "./vectors-table-import.mjs";

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
    sources: i.sources, strongest: i.strongest,
    // Each linked indicator's progress: a fraction as an exact decimal string, or null.
    indicators: i.indicators.map((l) => ({ id: l.id, project: l.project, progress: l.progress })), verdict: i.verdict }));
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
    transactions: () => sum(projects.map((x) => values(x.transactions).length)),
    reporting_orgs: () => new Set(projects.map((x) => x.owner).filter(Boolean)).size,
    participating_orgs: () => sum(projects.map((x) => values(x.participating).length)),
    sectors: () => sum(projects.map((x) => values(x.sectors).length)),
    planned_disbursements: () => sum(projects.map((x) => values(x.planned_disbursements).length)),
    recipient_countries: () => sum(projects.map((x) => values(x.recipient_countries).length)),
    recipient_regions: () => sum(projects.map((x) => values(x.recipient_regions).length)),
    with_parent: () => projects.filter((x) => x.parent !== undefined).length,
    carried_elements: () => sum(projects.map((x) => values(x.carried?.elements).length
      + sum(values(x.transactions).map((t) => values(t.carried?.elements).length)))),
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

/** tests/vectors/json: what the kartan JSON reader says about an input (as
 *  core/tests/vectors_json.rs): the portfolio's project count, or the error's kind, place
 *  (line, column, JSON pointer, byte offset) and a fragment of its message. */
function runJson(c) {
  const input = c.input_bytes !== undefined ? new Uint8Array(c.input_bytes) : c.input;
  assert.ok(input !== undefined, "a json vector needs input or input_bytes");
  const e = c.expected;
  if (e.ok) {
    assert.equal(JSON.parse(Portfolio.fromJson(input).toJson()).projects?.length ?? 0, e.projects);
    return;
  }
  const error = thrown(() => Portfolio.fromJson(input));
  const kinds = {
    not_utf8: () => assert.equal(typeof error.offset, "number", "a not-UTF-8 error has a byte offset"),
    syntax: () => assert.equal(error.pointer, undefined, "a syntax error has no pointer"),
    data: () => assert.equal(typeof error.pointer, "string", "a data error has a pointer"),
    format: () => assert.equal(error.pointer, "/format"),
  };
  assert.ok(kinds[e.error], `unknown error kind ${e.error}`);
  kinds[e.error]();
  for (const key of ["line", "column", "pointer", "offset"]) {
    if (key in e) assert.equal(error[key], e[key], `${key} of ${error.message}`);
  }
  assert.ok(error.message.includes(e.message_contains), `${error.message} lacks ${e.message_contains}`);
  // The same bytes as a file: the message is the same, after the file name.
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  if (bytes.length > 0 && e.error !== "format") {
    const fromFile = thrown(() => Portfolio.fromBytes(bytes, "v.json"));
    assert.ok(fromFile.message.startsWith("v.json:"), fromFile.message);
  }
}

/** `got` (an exact decimal string or null) is within 0.00005 of `want` (a number or null). */
function close(got, want, what) {
  if (want === null || want === undefined) {
    assert.equal(got, null, what);
  } else {
    assert.ok(got !== null && Math.abs(Number(got) - want) < 0.00005, `${what}: got ${got}, want ${want}`);
  }
}

/** Rounded to 2 decimals, half away from zero (core/tests/survey_carpentries.rs). */
const twoDp = (x) => (x === null || x === undefined ? null
  : Math.sign(Number(x)) * Math.round(Math.abs(Number(x)) * 100 + 1e-9) / 100);
const sameTwoDp = (got, want, what) => assert.equal(twoDp(got), twoDp(want === null ? null : Number(want.toFixed(10))), what);

/** tests/vectors/survey: a CSV and a survey mapping in, the figures of
 *  core/tests/survey_vectors.rs out; carpentries_expected.json is the pandas reference
 *  for the real survey (core/tests/survey_carpentries.rs). */
function runSurvey(c, file) {
  if (c.csv === undefined) {
    assert.ok(String(c.computed_by).includes("pandas"), `${file}: neither a case (csv, mapping) nor the pandas reference`);
    runSurveyReference(c);
    return;
  }
  const { survey, report } = surveyFromTable(c.csv, JSON.stringify(c.mapping), file.replace(/\.json$/, ".csv"), c.trend_question);
  assert.deepEqual(report.skipped, []);
  const e = c.expected;
  for (const want of e.questions ?? []) {
    const got = survey.questions.find((q) => q.question === want.question) ?? assert.fail(`no question ${want.question}`);
    for (const key of ["responses", "n", "not_applicable", "missing"]) assert.equal(got[key], want[key], `${want.question} ${key}`);
    for (const key of ["mean", "median", "sd", "top_two_box"]) close(got[key], want[key], `${want.question} ${key}`);
    assert.deepEqual(got.distribution.map((d) => [d.label, d.score, d.count]),
      want.distribution.map((d) => [d.label, d.score, d.count]), `${want.question} distribution`);
  }
  if (e.trend !== undefined) {
    assert.deepEqual(survey.trend.map((p) => [p.event, p.date, p.n]), e.trend.map((w) => [w.event, w.date, w.n]));
    survey.trend.forEach((p, i) => close(p.mean, e.trend[i].mean, `trend ${p.event} mean`));
  }
  assert.ok(e.questions !== undefined || e.trend !== undefined, `${file}: expects nothing`);
}

function runSurveyReference(c) {
  const table = readFileSync(join(shared, c.source.replace(/^shared\//, "")));
  const mapping = readFileSync(join(repo, "examples", "mappings", "carpentries_post_survey.toml"), "utf8");
  const trends = Object.keys(c.trends);
  const { survey, report } = surveyFromTable(table, mapping, "carpentries.csv", trends[0]);
  assert.deepEqual([report.rows_read, report.rows_imported, report.skipped], [c.rows, c.rows, []]);
  assert.deepEqual(survey.questions.map((q) => q.question), c.questions.map((q) => q.question));
  survey.questions.forEach((got, i) => {
    const want = c.questions[i];
    assert.deepEqual([got.responses, got.n, got.missing], [want.responses, want.n, want.missing], want.question);
    for (const key of ["mean", "median", "sd", "top_two_box"]) sameTwoDp(got[key], want[key], `${want.question} ${key}`);
    assert.deepEqual(got.distribution.map((d) => d.count), want.distribution.map((d) => d.count), `${want.question} distribution`);
  });
  assert.equal(survey.events.length, c.event_count);
  assert.deepEqual(survey.events.map((x) => [x.event, x.date, x.responses]), c.events.map((w) => [w.event, w.date, w.responses]));
  survey.events.forEach((got, i) => {
    for (const q of got.questions) {
      const want = c.events[i].questions[q.question];
      assert.equal(q.n, want.n, `${got.event} / ${q.question} n`);
      sameTwoDp(q.mean, want.mean, `${got.event} / ${q.question} mean`);
      sameTwoDp(q.top_two_box, want.top_two_box, `${got.event} / ${q.question} top_two_box`);
    }
  });
  const want = c.trends[trends[0]];
  assert.deepEqual(survey.trend.map((p) => [p.event, p.date, p.n]), want.map((w) => [w.event, w.date, w.n]));
  survey.trend.forEach((p, i) => sameTwoDp(p.mean, want[i].mean, `trend ${p.event}`));
}

/** The projects, periods and progress tables of the core (kartan::analysis::tables): the
 *  same columns (name, dtype) and rows (cells in their JSON form: exact decimals as strings,
 *  dates YYYY-MM-DD, null for none) as the Rust and Python suites check. */
function runTables(c) {
  const p = portfolioOf(c.portfolio);
  const tables = [p.projectsTable(c.lang), p.periodsTable(c.lang), p.progressTable(c.as_of, c.lang), p.spendingTable()];
  assert.deepEqual(tables.map((t) => t.name), ["projects", "periods", "progress", "spending"]);
  // A case states the tables it checks.
  const checked = tables.filter((t) => t.name in c.expected);
  assert.ok(checked.length > 0, "the case checks no table");
  for (const table of checked) {
    const want = c.expected[table.name];
    assert.deepEqual(table.columns.map((col) => [col.name, col.dtype]), want.columns, `${table.name} columns`);
    assert.deepEqual(table.rows, want.rows, `${table.name} rows`);
  }
}

/** The money codes of validate a money case lists in full. */
const MONEY_CODES = ["spending-over-budget", "spending-outside-dates", "commitment-without-budget"];

/** tests/vectors/money: `moneyTable(by, rates, ratesFile)` against the rows and
 *  diagnostics core/tests/vectors_money.rs checks, validate's money codes, and the rate
 *  tables that must be refused (an `Error` naming file, line and column). */
function runMoney(c, file) {
  if (c.refused) {
    assert.ok(c.refused.length >= 8, file);
    const p = Portfolio.fromJson(seedJson);
    for (const r of c.refused) {
      const error = thrown(() => p.moneyTable("program", r.csv, c.file));
      assert.equal(error.message, r.error, JSON.stringify(r.csv));
      assert.equal(error.line, Number(r.error.split(":")[1]));
    }
    return;
  }
  const p = portfolioOf(c.portfolio);
  assert.ok(c.expected.money.length > 0, "the case checks no table");
  for (const want of c.expected.money) {
    const got = want.rates ? p.moneyTable(want.by, c.rates.csv, c.rates.file) : p.moneyTable(want.by);
    assert.equal(got.table.name, "money");
    assert.deepEqual(got.table.columns.map((col) => [col.name, col.dtype]), want.columns, `${want.by} columns`);
    assert.deepEqual(got.table.rows, want.rows, `${want.by} rows (rates: ${want.rates})`);
    assert.deepEqual(got.diagnostics.map((d) => [d.severity, d.code, d.path, d.message]), want.diagnostics, `${want.by} diagnostics`);
  }
  const flags = p.validate(c.as_of).filter((d) => MONEY_CODES.includes(d.code)).map((d) => [d.code, d.path]);
  assert.deepEqual(flags, c.expected.validate, "validate's money codes");
}

/** Each bound area: the function that binds it, and its runner (given the case and its
 *  file name). A build without that function (a kartan-wasm feature off) skips the area
 *  and says so. */
/** tests/vectors/examples: the embedded portfolios (`await Portfolio.example()`, which loads
 *  the package's example.json, and `await Portfolio.seed()`, its seed.json), with the values core/tests/example.rs
 *  checks. */
async function runExamples(c) {
  const e = c.expected;
  const p = c.example === "example" ? await Portfolio.example() : await Portfolio.seed();
  const doc = p.toObject();
  assert.equal(doc.program.id, e.program_id);
  assert.equal(p.projects().length, e.projects);
  assert.equal(doc.program.stated_project_count, e.stated_project_count);
  if (e.focus_areas) {
    const counts = {};
    for (const x of doc.projects) counts[x.focus_area] = (counts[x.focus_area] ?? 0) + 1;
    assert.deepEqual(counts, e.focus_areas);
    const indicators = doc.projects.flatMap((x) => x.results.flatMap((r) => r.indicators));
    assert.deepEqual([...new Set(indicators.map((i) => i.measure))].sort(), e.measures);
    assert.deepEqual(indicators.filter((i) => i.direction === "descending").map((i) => i.id), e.descending);
  }
  const held = (doc.activities ?? []).filter((a) => a.kind === "project_leader_meeting" && a.plan === "PLAN-PLM"
    && a.state === "held");
  assert.equal(held.length, e.meetings_held);
  const ev = doc.evaluations.find((x) => x.id === e.evaluation.id);
  assert.equal((ev.events ?? []).length, e.evaluation.events);
  assert.equal((ev.responses ?? []).length, e.evaluation.responses);
  const diagnostics = p.validate(c.as_of);
  assert.equal(diagnostics.filter((d) => d.severity === "error").length, e.errors, JSON.stringify(diagnostics));
  if (e.warnings !== undefined) assert.equal(diagnostics.filter((d) => d.severity === "warning").length, e.warnings);
  for (const lang of ["sv", "en"]) {
    const md = p.report("md", lang, c.as_of);
    const head = md.split("\n").slice(0, e.report_head_lines).join("\n");
    for (const m of e.report_head_contains ?? []) assert.ok(head.includes(m), `${lang}: ${m} not in ${head}`);
    for (const m of e.report_head_lacks ?? []) assert.ok(!md.includes(m), `${lang}: ${m}`);
    const report = JSON.parse(p.report("json", lang, c.as_of));
    const want = e.report_budget_by_year?.[lang];
    if (want) {
      // Section 8's budget-by-year chart and its data table (the text alternative).
      const blocks = report.sections.find((s) => s.id === "portfolio").blocks;
      const chart = blocks.find((b) => b.type === "chart" && b.title === want.title);
      assert.ok(chart, `${lang}: no chart ${want.title}`);
      assert.deepEqual(chart.fallback.columns, want.columns, lang);
      assert.deepEqual(chart.fallback.rows, want.rows, lang);
    }
    for (const id of e.sections_without_no_data ?? []) {
      const blocks = report.sections.find((s) => s.id === id).blocks;
      assert.deepEqual(blocks.filter((b) => b.type === "notice" && b.kind === "no_data"), [], `${lang} ${id}`);
      assert.ok(blocks.some((b) => b.type === "table" && b.rows.length > 0), `${lang} ${id}`);
    }
  }
}

const BOUND = {
  json: ["fromJson", runJson],
  results: ["periodValues", runResults],
  map_reality: ["mapVsReality", runMapReality],
  report: ["report", runReport],
  iati: ["fromIati", runIati],
  survey: ["survey", runSurvey],
  tables: ["periodsTable", runTables],
  table_import: ["fromTable", runTableImport],
  money: ["moneyTable", runMoney],
  examples: ["example", runExamples],
};
/** Areas with no JS runner, each with the reason (none today). */
const NOT_BOUND = {};
const built = (method) => typeof Portfolio.prototype[method] === "function" || typeof Portfolio[method] === "function";

const entries = readdirSync(vectors, { withFileTypes: true });
const areas = entries.filter((d) => d.isDirectory()).map((d) => d.name).sort();

test("every folder of tests/vectors is bound in JS or listed as not bound", () => {
  const unknown = areas.filter((a) => !(a in BOUND) && !(a in NOT_BOUND));
  for (const area of unknown) {
    assert.fail(`tests/vectors/${area}/ has no JS runner: bind it in BOUND of bindings-wasm/tests/vectors.test.mjs `
      + "(with the expected values the Rust suite checks), or list it in NOT_BOUND with the reason");
  }
  for (const area of Object.keys(BOUND)) {
    if (built(BOUND[area][0])) assert.ok(areas.includes(area), `bound area ${area} has no folder tests/vectors/${area}/`);
  }
  for (const area of Object.keys(NOT_BOUND)) assert.ok(areas.includes(area), `NOT_BOUND lists ${area}, which has no folder`);
});

test("every .json vector lies in an area folder", () => {
  const loose = entries.filter((d) => d.isFile() && d.name.endsWith(".json")).map((d) => d.name);
  assert.deepEqual(loose, [], "vectors must lie in tests/vectors/<area>/, where a runner reads them");
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
    test(`vectors/${area}/${file}`, () => run(JSON.parse(readFileSync(join(vectors, area, file), "utf8")), file));
  }
}

for (const [area, reason] of Object.entries(NOT_BOUND)) {
  test(`vectors/${area}: not run in JS — ${reason}`, { skip: reason }, () => {});
}
