// The JS API on real data: the embedded seed program and kartan JSON round trips.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Portfolio, bestText, version } from "kartan";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pkg, repo, seedJson } from "./helpers.mjs";

const cargoVersion = readFileSync(join(repo, "Cargo.toml"), "utf8").match(/^version = "(.+)"/m)[1];

test("version is the workspace version", () => {
  assert.equal(version(), cargoVersion);
});

test("the seed program: program, matrix rows and items", async () => {
  const p = await Portfolio.seed();
  const program = p.program();
  assert.equal(program.id, "PLRT");
  assert.equal(p.toObject().default_language, "sv");
  assert.equal(program.title.sv, "Program för lokalt och regionalt tillväxtarbete");
  assert.equal(program.stated_project_count, 30);
  assert.deepEqual(p.projects(), []);
  const rows = p.matrix();
  assert.deepEqual(rows, program.matrix.rows, "matrix() is the program's matrix rows");
  assert.deepEqual(rows.map((r) => r.level), ["national", "regional", "local"]);
  assert.equal(rows[0].experiences[0].id, "M-NAT-EXP-1");
  assert.ok(rows[2].effects.some((i) => i.id === "M-LOC-EFF-5"));
  assert.equal(Object.getPrototypeOf(rows[0].experiences[0].text), Object.prototype, "texts are plain objects");
  p.free();
});

test("toJson round-trips and equals the core's seed JSON", async () => {
  const p = await Portfolio.seed();
  const text = p.toJson();
  assert.ok(text.endsWith("}\n"));
  const again = Portfolio.fromJson(text);
  assert.equal(again.toJson(), text);
  assert.deepEqual(JSON.parse(text), JSON.parse(seedJson));
});

test("fromBytes reads kartan JSON bytes with a BOM and from an ArrayBuffer", () => {
  const text = Portfolio.fromJson(seedJson).toJson();
  const bytes = new TextEncoder().encode("\uFEFF" + text);
  assert.equal(Portfolio.fromBytes(bytes, "seed.json").program().id, "PLRT");
  assert.equal(Portfolio.fromBytes(bytes.buffer.slice(0)).program().id, "PLRT");
});

test("projects and indicators navigate a portfolio with results", () => {
  const p = Portfolio.fromJson(JSON.stringify({
    format: "kartan/1", default_language: "en",
    program: { id: "PRG", title: { en: "Program" },
      results: [{ id: "R0", type: "outcome", indicators: [{ id: "PRG-1", measure: "percentage", contributors: ["P1-1"] }] }] },
    projects: [{ id: "P1", title: { en: "One", sv: "Ett" }, levels: ["local"], status: "implementation",
      planned: { start: "2024-01", end: "2025" },
      results: [{ id: "R1", type: "output", indicators: [{ id: "P1-1", measure: "percentage", direction: "descending",
        baselines: [{ year: 2023, value: "40" }],
        periods: [{ start: "2024-01-01", end: "2024-12-31", targets: [{ value: "20" }],
          actuals: [{ value: "43.750", numerator: "35", denominator: "80" },
            { value: "50", dimensions: [{ name: "sex", value: "female" }] }] }] }] }] }],
  }));
  assert.deepEqual(p.projects().map((x) => [x.id, x.levels, x.status, x.planned]),
    [["P1", ["local"], "implementation", { start: "2024-01", end: "2025" }]]);
  assert.equal(p.project("P1").title.sv, "Ett");
  assert.deepEqual(p.project("P1"), p.toObject().projects[0], "a project is the document's project");
  assert.equal(p.project("nope"), undefined);
  assert.deepEqual(p.indicators().map((i) => [i.id, p.projectOfIndicator(i.id), i.measure]),
    [["PRG-1", undefined, "percentage"], ["P1-1", "P1", "percentage"]]);
  const ind = p.indicator("P1-1");
  assert.equal(ind.direction, "descending");
  assert.equal(ind.cumulation, "non_cumulative");
  assert.deepEqual(ind.baselines, [{ year: 2023, value: "40" }], "as kartan JSON writes it: empty fields left out");
  const actual = ind.periods[0].actuals[0];
  assert.equal(actual.value, "43.750", "decimals keep their digits");
  assert.equal(actual.numerator, "35");
  assert.deepEqual(ind.periods[0].actuals[1].dimensions, [{ name: "sex", value: "female" }]);
  assert.deepEqual(p.indicator("PRG-1").contributors, ["P1-1"]);
  assert.equal(p.indicator("missing"), undefined);
});

test("bestText picks a language the way the core does", () => {
  const t = { en: "Purpose", sv: "Syfte" };
  assert.equal(bestText(t, "sv-FI", "en"), "Syfte");
  assert.equal(bestText(t, "de", "en"), "Purpose");
  assert.equal(bestText({ fi: "Tarkoitus", sv: " " }, "sv", "en"), "Tarkoitus");
  assert.equal(bestText({}, "sv", "en"), "");
});

test("Portfolio.example() loads the package's example.json, which the .wasm does not carry", async () => {
  const p = await Portfolio.example();
  const committed = readFileSync(join(repo, "core/src/embedded/example.json"), "utf8");
  assert.equal(p.toJson(), Portfolio.fromJson(committed).toJson());
  assert.equal(p.projects().length, 30);
  const wasm = readFileSync(join(pkg, "node", "kartan_bg.wasm"));
  assert.equal(wasm.indexOf("Illustrativt exempel"), -1, "the example is a file of the package, not part of the module");
  await assert.rejects(Portfolio.example(join(repo, "no-such-example.json")), /ENOENT/);
});

test("Portfolio.seed() loads the package's seed.json, which the .wasm does not carry", async () => {
  const p = await Portfolio.seed();
  assert.equal(p.toJson(), Portfolio.fromJson(seedJson).toJson());
  const wasm = readFileSync(join(pkg, "node", "kartan_bg.wasm"));
  // A sentence of the seed's purpose, which no code of the module carries.
  const purpose = JSON.parse(seedJson).program.purpose.sv;
  assert.ok(purpose.length > 40);
  assert.equal(wasm.indexOf(purpose.slice(0, 40)), -1, "the seed is a file of the package, not part of the module");
  await assert.rejects(Portfolio.seed(join(repo, "no-such-seed.json")), /ENOENT/);
});
