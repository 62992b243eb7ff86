// Tables in from JS: a portfolio from a table of projects (Portfolio.fromTable), survey
// statistics from a table of responses (surveyFromTable) and from a portfolio's
// evaluations (Portfolio.survey) — on real files, with the figures the Rust and Python
// suites check.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Portfolio, surveyFromTable } from "kartan";
import { repo, shared, thrown, seedJson } from "./helpers.mjs";

const mappings = join(repo, "examples", "mappings");
const real = join(shared, "data", "real");

/** The exact sum of decimal strings (no floating point), as a decimal string. */
function decimalSum(values) {
  const scale = Math.max(0, ...values.map((v) => (v.split(".")[1] ?? "").length));
  const total = values.reduce((sum, v) => {
    const [int, frac = ""] = v.split(".");
    return sum + BigInt(int + frac.padEnd(scale, "0"));
  }, 0n);
  const digits = total.toString().padStart(scale + 1, "0");
  return scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, "") : digits;
}

test("fromTable: Projektbanken (JSON records) through its TOML mapping — 374 projects, 4 354 438 151 SEK", () => {
  const table = readFileSync(join(real, "cohesion", "se_tillvaxtverket_erdf_projektbanken_2014-2020_snapshot2016.json"));
  const mapping = readFileSync(join(mappings, "projektbanken.toml"), "utf8");
  const p = Portfolio.fromTable(table, mapping, "projektbanken.json");
  const report = p.tableReport();
  assert.deepEqual([report.file, report.rows_read, report.rows_imported, report.skipped], ["projektbanken.json", 374, 374, []]);
  assert.equal(p.projects().length, 374);
  const model = JSON.parse(p.toJson());
  const amounts = model.projects.flatMap((x) => x.budgets ?? []).map((b) => b.value.amount);
  assert.ok(model.projects.flatMap((x) => x.budgets ?? []).every((b) => b.value.currency === "SEK"));
  assert.equal(decimalSum(amounts), "4354438151", "SOURCES.md: total granted 4,354,438,151 SEK");
  assert.equal(p.importReport(), undefined, "no IATI import report for a table");
  assert.equal(Portfolio.fromJson(seedJson).tableReport(), undefined);
});

test("fromTable: CSV text in a Swedish locale (decimal comma, d.m.yyyy dates, ';')", () => {
  const mapping = `language = "sv"
[source]
delimiter = ";"
[locale]
decimal_separator = ","
thousands_separator = " "
date_formats = ["%d.%m.%Y"]
[program]
id = "RF"
title = "Regionalfonden"
[columns]
id = "Ärende"
title = "Namn"
start = "Start"
budget = "Budget"
currency = { value = "SEK" }
`;
  const csv = "Ärende;Namn;Start;Budget\nP1;Lärande nätverk;1.3.2019;1 234 567,50\nP2;Utan budget;2.4.2020;inte angivet\n";
  const p = Portfolio.fromTable(csv, mapping, "projekt.csv");
  assert.equal(p.program().id, "RF");
  const [one, two] = JSON.parse(p.toJson()).projects;
  assert.equal(one.title.sv, "Lärande nätverk");
  assert.equal(one.budgets[0].value.amount, "1234567.50");
  assert.equal(one.planned.start, "2019-03-01");
  assert.equal(two.budgets, undefined, "an unreadable amount is skipped, never 0");
  const report = p.tableReport();
  assert.equal(report.rows_imported, 2);
  assert.deepEqual(report.skipped.map((s) => [s.place.row, s.place.line, s.place.column, s.place.kind]),
    [[3, 3, "Budget", "csv"]]);
  assert.match(report.skipped[0].reason, /inte angivet/);
});

test("surveyFromTable: the Carpentries survey (967 responses) through its TOML mapping", () => {
  const table = readFileSync(join(real, "surveys", "carpentries_instructor_training_post_survey_2018.csv"));
  const mapping = readFileSync(join(mappings, "carpentries_post_survey.toml"), "utf8");
  const { survey, report } = surveyFromTable(table, mapping, "carpentries.csv", "LikelyToRecommend");
  assert.deepEqual([report.rows_read, report.rows_imported, report.skipped.length], [967, 967, 0]);
  assert.equal(survey.evaluation, "carpentries-instructor-training-post-2018");
  const worth = survey.questions.find((q) => q.question === "Worth");
  assert.deepEqual([worth.n, worth.missing, Number(worth.mean).toFixed(2)], [904, 63, "4.38"]);
  const ltr = survey.questions.find((q) => q.question === "LikelyToRecommend");
  assert.deepEqual([ltr.n, ltr.missing, Number(ltr.mean).toFixed(2), Number(ltr.sd).toFixed(2)], [889, 78, "8.60", "1.55"]);
  assert.equal(ltr.distribution.length, 11, "0-10: every integer point");
  assert.equal(survey.events.length, 80);
  assert.equal(survey.trend.length, 80);
  assert.equal(survey.trend[0].event, "Online - June 8-9th 2016");
  assert.equal(survey.trend[0].date, "2016-06-09");
});

test("survey: an evaluation of a portfolio, its events dated by the portfolio's activities", () => {
  const vector = JSON.parse(readFileSync(join(repo, "tests", "vectors", "report", "small-portfolio.json"), "utf8"));
  const p = Portfolio.fromJson(JSON.stringify(vector.input));
  const s = p.survey();
  assert.equal(s.evaluation, "EVAL-1");
  assert.equal(s.trend, null);
  const [q] = s.questions;
  assert.deepEqual([q.question, q.responses, q.n, q.not_applicable, q.missing, q.mean], ["Q1", 3, 2, 1, 1, "4.50"]);
  assert.deepEqual([q.median, q.top_two_box], ["4.50", "1"]);
  assert.deepEqual(q.distribution.map((d) => [d.label, d.count]), [["Not at all", 0], ["A little", 0], ["Somewhat", 0], ["Much", 1], ["Very much", 1]]);
  assert.deepEqual(s.events.map((e) => [e.event, e.responses]), [["ACT-1", 3]]);
  assert.equal(s.events[0].date, "2010-03-10", "dated by the activity ACT-1");
  assert.deepEqual(p.survey("EVAL-1", "Q1").trend.map((t) => [t.event, t.n, t.mean]), [["ACT-1", 2, "4.50"]]);
  assert.deepEqual(p.survey("EVAL-1", "no-such-question").trend, []);
});

const MINIMAL = '{"format":"kartan/1","default_language":"sv","program":{"id":"P","title":{"sv":"Program"}}}';
const MAPPING = 'evaluation_id = "E"\ntitle = "t"\n[scales.yn]\nlabels = ["No", "Yes"]\n[[questions]]\ncolumn = "A"\nscale = "yn"\n';

const errors = [
  ["no evaluation", () => Portfolio.fromJson(MINIMAL).survey(), "the portfolio has no evaluation"],
  ["unknown evaluation", () => Portfolio.fromJson(seedJson).survey("E9"), 'no evaluation with id "E9"'],
  ["mapping not TOML", () => surveyFromTable("A\nYes\n", "this is = = not toml"), /^mapping\.toml: TOML parse error at line 1, column/],
  ["mapping JSON with an unknown key", () => surveyFromTable("A\nYes\n", '{"evaluation_id": "E", "title": "t", "scales": {}, "questions": [], "colour": 1}'),
    /^mapping\.json: at colour: unknown field `colour`/],
  ["a project mapping read as a survey", () => surveyFromTable("A\nYes\n", 'kind = "projects"\n' + MAPPING),
    'mapping.toml: kind is "projects" but this is read as a "survey" mapping'],
  ["an empty mapping: the same message as from a file", () => surveyFromTable("A\nYes\n", ""),
    "mapping.toml: the mapping is empty: missing field `evaluation_id` at line 1 column 1"],
  ["a label also listed as not applicable", () => surveyFromTable("A\nYes\n", MAPPING.replace('["No", "Yes"]', '["No", "Yes"]\nnot_applicable = ["yes"]')),
    /^mapping\.toml: at scales\.yn\.not_applicable\[0\]: scale "yn" lists "yes" both as a label \(label 2\) .* at line 5 column 19$/],
  ["a quote never closed", () => Portfolio.fromTable('id,name\nP1,"a\nP2,b\n', '[columns]\nid = "id"\ntitle = "name"\n'),
    "table.csv: row 2: a quote opened at line 2 column 4 is never closed (the rest of the file would be read into one cell)"],
  ["a row short of cells", () => Portfolio.fromTable("id,name,x\nP1,a\n", '[columns]\nid = "id"\ntitle = "name"\n'),
    'table.csv: row 2: 2 cells but the header has 3 columns (no cell for column "x")'],
  ["a column the table lacks", () => surveyFromTable("B\nYes\n", MAPPING, "s.csv"),
    's.csv: the mapping\'s questions.column names column "A", which the table does not have; its columns are: B'],
  ["an empty table", () => surveyFromTable("", MAPPING, "s.csv"), "s.csv: the table is empty: expected a header row and at least one record"],
  ["a table kind unknown by its name", () => surveyFromTable("A\nYes\n", MAPPING, "s.pdf"),
    "s.pdf: unknown table kind: expected a name ending in .csv, .tsv, .txt, .xlsx, .xlsm, .xls, .ods or .json"],
  ["a spreadsheet in the browser build", () => surveyFromTable(new Uint8Array([80, 75, 3, 4]), MAPPING, "s.xlsx"),
    /^s\.xlsx: spreadsheets \(XLSX, XLS, ODS\) are not read by this build of kartan .*save the sheet as CSV$/],
  ["JSON records that are not an array", () => surveyFromTable('{"A": 1}', MAPPING, "s.json"), /^s\.json: /],
  ["a duplicate project id", () => Portfolio.fromTable("id,name\nP1,a\nP1,b\n", '[columns]\nid = "id"\ntitle = "name"\n'),
    'table.csv: duplicate project id "P1" in row 2 and row 3 (column "id")'],
  ["table of the wrong type", () => Portfolio.fromTable(42, MAPPING), "table must be a string, Uint8Array or ArrayBuffer, not number"],
  ["mapping missing", () => Portfolio.fromTable("a\n1\n"), "mapping must be a string, not undefined"],
  ["trend of the wrong type", () => surveyFromTable("A\nYes\n", MAPPING, "s.csv", 3), "trend must be a string or undefined, not number"],
];

for (const [name, call, expected] of errors) {
  test(`table errors — ${name}: a JS Error with the core's message`, () => {
    const error = thrown(call);
    if (expected instanceof RegExp) assert.match(error.message, expected);
    else assert.equal(error.message, expected);
    assert.equal(Portfolio.fromJson(seedJson).program().id, "PLRT", "the module stays usable");
  });
}

test("IATI planned disbursements and recipient areas: typed in the document, beside spending by year", () => {
  const file = join(real, "iati", "iati_standard_example_annotated_2.03.xml");
  const p = Portfolio.fromIati(readFileSync(file), "annotated.xml");
  const a = p.toObject().projects[0];
  assert.deepEqual(a.recipient_countries.map((c) => [c.code, c.percentage]), [["AF", "25"], ["AG", "25"]]);
  assert.deepEqual(a.recipient_regions.map((r) => [r.code, r.vocabulary, r.vocabulary_uri]),
    [["489", "1", undefined], ["A1", "99", "http://example.com/vocab.html"]]);
  const [first, second] = a.planned_disbursements;
  assert.deepEqual([first.kind, first.value, first.value_date], ["original", { amount: "3000", currency: "EUR" }, "2014-01-01"]);
  assert.deepEqual([first.provider.organisation, first.provider.activity, first.receiver.iati_type],
    ["BB-BBB-123456789", "BB-BBB-123456789-1234AA", "23"]);
  assert.equal(second.provider, undefined);
  const byYear = p.moneyTable("year").table;
  const at = byYear.columns.findIndex((c) => c.name === "planned_disbursements");
  assert.deepEqual(byYear.rows.filter((r) => r[at] !== null).map((r) => [r[0], r[1], r[at]]), [[2014, "EUR", "6000"]]);
  // the document round-trips: what fromObject reads, toObject gives back
  assert.deepEqual(Portfolio.fromObject(p.toObject()).toObject().projects[0].planned_disbursements, a.planned_disbursements);
});
