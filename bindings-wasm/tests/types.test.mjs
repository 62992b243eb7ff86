// The generated .d.ts (web and Node) and examples/web/example.ts pass `tsc --noEmit --strict`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bindings, pkg } from "./helpers.mjs";

test("tsc --noEmit --strict over the declarations and the TypeScript example", () => {
  const tsc = join(bindings, "node_modules", "typescript", "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", join(bindings, "tsconfig.json"), "--noEmit", "--strict"], { stdio: "inherit" });
});

test("the declarations are generated with the typed objects (no `any` on the API)", () => {
  const dts = readFileSync(join(pkg, "web", "kartan.d.ts"), "utf8");
  for (const name of ["Diagnostic", "ProgramSummary", "ProjectSummary", "Indicator", "MatrixRow", "Text", "Survey",
    "SurveyImport", "QuestionStats", "EventStats", "TrendPoint", "TableImportReport", "TableSkip", "TablePlace"]) {
    assert.match(dts, new RegExp(`export (interface|type) ${name}\\b`), name);
  }
  const api = dts.slice(dts.indexOf("export class Portfolio"), dts.indexOf("export type InitInput"));
  assert.doesNotMatch(api, /: any\b/);
  assert.match(api, /validate\(asOf: string\): Diagnostic\[\];/);
  assert.match(api, /static fromTable\(table: string \| Uint8Array \| ArrayBuffer, mapping: string, name\?: string\): Portfolio;/);
  assert.match(api, /tableReport\(\): TableImportReport \| undefined;/);
  assert.match(api, /survey\(id\?: string, trend\?: string\): Survey;/);
  assert.match(dts, /export function surveyFromTable\(table: string \| Uint8Array \| ArrayBuffer, mapping: string, name\?: string, trend\?: string\): SurveyImport;/);
});
