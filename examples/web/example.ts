// A small TypeScript example for the kartan package: it is type-checked with
// `tsc --noEmit --strict` against the generated kartan.d.ts by the JS test suite
// (bindings-wasm/tests/types.test.mjs), so the types it relies on cannot drift.
import init, {
  Portfolio, bestText, surveyFromTable, type Decimal, type Diagnostic, type Indicator, type MatrixRow, type PortfolioDoc,
  type QuestionStats, type Severity, type TableImportReport,
} from "kartan";

/** Counts the diagnostics of each severity. */
export function countBySeverity(diagnostics: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/** The latest total actual of an indicator as the exact decimal string, if any. Fields that
 *  kartan JSON leaves out when empty are optional in the types. */
export function latestActual(indicator: Indicator): Decimal | undefined {
  const totals = (indicator.periods ?? []).flatMap((p) => (p.actuals ?? []).filter((a) => !a.dimensions?.length));
  return totals.at(-1)?.value ?? undefined;
}

/** One line per level of the map: the level and how many items it expects. */
export function mapLines(rows: MatrixRow[], lang: string, fallback: string): string[] {
  return rows.map((row) => {
    const experiences = row.experiences ?? [];
    const first = experiences[0];
    const example = first ? `, e.g. ${bestText(first.text, lang, fallback)}` : "";
    return `${row.level}: ${experiences.length} experiences, ${(row.effects ?? []).length} effects${example}`;
  });
}

/** Loads a file the user picked and summarises it. */
export async function summarise(file: File, asOf: string): Promise<string> {
  await init();
  let portfolio: Portfolio;
  try {
    portfolio = Portfolio.fromBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const program = portfolio.program();
  const counts = countBySeverity(portfolio.validate(asOf));
  const lines = mapLines(portfolio.matrix(), "en", portfolio.toObject().default_language);
  const first = portfolio.indicators()[0];
  const actual = first ? latestActual(portfolio.indicator(first.id)!) : undefined;
  portfolio.free();
  return [`${program.id}: ${counts.error} errors, ${counts.warning} warnings`, ...lines,
    actual !== undefined ? `latest actual: ${actual}` : "no actuals"].join("\n");
}

/** One line per survey question: n, mean and top-two box (a fraction shown as a percent);
 *  a question with no valid answer says so instead of showing 0 (DESIGN.md rule 9). */
export function questionLines(questions: QuestionStats[], lang: string): string[] {
  return questions.map((q) => {
    const label = bestText(q.text, lang, "en") || q.question;
    if (q.mean === null) return `${label}: no valid answer (${q.missing} missing)`;
    const top = q.top_two_box === null ? "" : `, top two ${(Number(q.top_two_box) * 100).toFixed(0)} %`;
    return `${label}: n = ${q.n}, mean ${Number(q.mean).toFixed(2)}${top}`;
  });
}

/** What a table import left out, one line per skipped row or cell. */
export function skipLines(report: TableImportReport): string[] {
  return report.skipped.map((s) => `${s.place.file} row ${s.place.row}${s.place.column ? `, ${s.place.column}` : ""}: ${s.reason}`);
}

/** Survey statistics of a CSV of responses and its TOML mapping, as text lines. */
export async function summariseSurvey(csv: string, mappingToml: string, trend?: string): Promise<string[]> {
  await init();
  const { survey, report } = surveyFromTable(csv, mappingToml, "responses.csv", trend);
  const points = (survey.trend ?? []).map((p) => `${p.date ?? "undated"} ${p.event}: ${p.mean ?? "–"} (n = ${p.n})`);
  return [`${report.rows_imported} of ${report.rows_read} rows`, ...questionLines(survey.questions, "en"), ...points,
    ...skipLines(report)];
}

/** A portfolio from a CSV of projects and its TOML mapping, or the core's error message. */
export function projectsFromCsv(csv: string, mappingToml: string): Portfolio | string {
  try {
    return Portfolio.fromTable(csv, mappingToml, "projects.csv");
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A portfolio built from a typed object, edited by id, and read back: every field of the
 *  document is typed (`PortfolioDoc`), exact decimals are strings. */
export function buildAndEdit(): PortfolioDoc {
  const doc: PortfolioDoc = {
    format: "kartan/1",
    default_language: "en",
    program: { id: "PRG", title: { en: "Program" } },
  };
  const p = Portfolio.fromObject(doc);
  p.putProject({ id: "P1", title: { en: "Network" }, results: [{ id: "R1", type: "output",
    indicators: [{ id: "P1-1", measure: "unit", periods: [] }] }] });
  p.recordActual("P1-1", "2024-01-01", "2024-12-31", { value: "12.5" });
  const removed = p.removeProject("P2");
  if (removed !== undefined) throw new Error("no P2 to remove");
  return p.toObject();
}

/** The illustrative example's report (its first lines say that its figures are invented):
 *  `Portfolio.example()` is asynchronous, it loads the package's example.json. */
export async function exampleReport(lang: string, asOf: string): Promise<string> {
  const example = await Portfolio.example();
  return example.report("md", lang, asOf);
}
