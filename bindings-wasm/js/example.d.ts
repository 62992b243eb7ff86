// `Portfolio.example()` and `Portfolio.seed()`, shared by the package's two entries
// (web/index.d.ts, node/index.d.ts).

/** The statics the package's entries add to the generated `Portfolio` class. */
export interface WithExamples<P> {
  /**
   * The illustrative example program (kartan::embedded::example): the seed program taken up
   * with 30 invented projects, indicators, the 14 project-leader meetings evaluated, reports,
   * lessons and learning-factor assessments. Its figures are invented and it says so: its
   * subtitle, shown under the title of every report made from it, reads "Illustrativt
   * exempel: projekt, mätvärden och svar är påhittade" / "Illustrative example: projects,
   * figures and answers are invented".
   *
   * Asynchronous, in the browser and in Node: it loads the package's example.json (a file
   * of its own, not part of the .wasm), or `source` when given (a URL to fetch in the
   * browser, e.g. where a bundler put that file; a path or file URL in Node). In the
   * browser, call the module's `init()` first.
   * @throws {Error} when the file cannot be loaded.
   */
  example(source?: string | URL): Promise<P>;
  /**
   * The seed program (kartan::embedded::seed) — *Program för lokalt och regionalt
   * tillväxtarbete*, "Lärande i programmet" — as the source document states it: purpose,
   * target groups, focus areas, the results matrix (three rows: national, regional, local),
   * the learning model; no projects (the source lists none, but states 30).
   *
   * Asynchronous like `example()`: it loads the package's seed.json (not part of the .wasm),
   * or `source` when given.
   * @throws {Error} when the file cannot be loaded.
   */
  seed(source?: string | URL): Promise<P>;
}
