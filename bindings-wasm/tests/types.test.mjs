// The TypeScript types: generated from the core's JSON Schemas and up to date; the package's
// .d.ts (web and Node) and examples/web/example.ts pass `tsc --noEmit --strict`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bindings, pkg, repo } from "./helpers.mjs";

test("bindings-wasm/src/types.d.ts is the one generated from schema/*.schema.json", () => {
  execFileSync(process.execPath, [join(repo, "scripts", "gen-ts-types.mjs"), "--check"], { stdio: "inherit" });
});

const tsc = join(bindings, "node_modules", "typescript", "bin", "tsc");
test("tsc --noEmit --strict over the declarations and the TypeScript example",
  { skip: !existsSync(tsc) && "typescript is not installed" }, () => {
    execFileSync(process.execPath, [tsc, "-p", join(bindings, "tsconfig.json"), "--noEmit", "--strict"], { stdio: "inherit" });
  });

test("the declarations hold the generated document and answer types, and the API names them", () => {
  const dts = readFileSync(join(pkg, "web", "kartan.d.ts"), "utf8");
  // The document, its entities, the answers (schema/kartan-answers-1.schema.json) and the
  // few types of the API's own (SurveyImport, Periods, ChartSpec).
  for (const name of ["PortfolioDoc", "Program", "Project", "Activity", "ActivityPlan", "Evaluation", "Instrument",
    "Response", "Report", "Observation", "Lesson", "FactorAssessment", "Organisation", "TargetGroup", "Indicator",
    "Period", "PeriodValue", "MatrixRow", "Text", "Decimal", "Diagnostic", "Severity", "IndicatorValues",
    "IndicatorProgress", "Rollup", "MapReality", "IatiImportReport", "TableImportReport", "QuestionStats", "EventStats",
    "TrendPoint", "Survey", "SurveyImport", "Periods", "ChartSpec"]) {
    assert.match(dts, new RegExp(`export (interface|type) ${name}\\b`), name);
  }
  assert.match(dts, /export type Decimal = string;/, "exact decimals are strings in JS");
  const api = dts.slice(dts.indexOf("export class Portfolio"), dts.indexOf("export type InitInput"));
  assert.doesNotMatch(api, /: any\b/);
  assert.match(api, /static fromObject\(doc: PortfolioDoc\): Portfolio;/);
  assert.match(api, /toObject\(\): PortfolioDoc;/);
  assert.match(api, /putProject\(project: Project\): Project \| undefined;/);
  assert.match(api, /recordActual\(indicator: string, start: string, end: string, actual: PeriodValue\): void;/);
  assert.match(api, /validate\(asOf: string\): Diagnostic\[\];/);
  assert.match(api, /progress\(id: string, asOf: string, band\?: string\): IndicatorProgress;/);
  assert.match(api, /static fromTable\(table: string \| Uint8Array \| ArrayBuffer, mapping: string, name\?: string\): Portfolio;/);
  assert.match(api, /tableReport\(\): TableImportReport \| undefined;/);
  assert.match(api, /importReport\(\): IatiImportReport \| undefined;/);
  assert.match(api, /survey\(id\?: string, trend\?: string\): Survey;/);
  assert.match(dts, /export function surveyFromTable\(table: string \| Uint8Array \| ArrayBuffer, mapping: string, name\?: string, trend\?: string\): SurveyImport;/);
});
