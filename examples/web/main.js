// The kartan web page: open a portfolio (kartan JSON or IATI XML), validate it, show the
// map and the indicators, download the report. Every rule runs in the kartan module; this
// file only reads its answers and puts them on the page.
//
// Bundled by scripts/build-wasm.sh with esbuild into dist/main.js, with the .wasm and
// vega-embed inlined, so that the page works offline (also from file://).
import init, { Portfolio, bestText, version } from "kartan";
import wasmBytes from "kartan-wasm-bytes";

const $ = (id) => document.getElementById(id);
/** Most indicators listed at once; a large IATI file can hold thousands. */
const MAX_INDICATORS = 40;

const state = { portfolio: null, name: "" };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

const lang = () => $("lang").value;
const asOf = () => $("as-of").value;
const text = (t) => bestText(t ?? {}, lang(), state.portfolio?.program().default_language ?? "sv");

function showError(error) {
  $("error").hidden = false;
  $("error").textContent = error instanceof Error ? error.message : String(error);
}

function setPortfolio(portfolio, name) {
  state.portfolio?.free();
  state.portfolio = portfolio;
  state.name = name;
  $("error").hidden = true;
  render();
}

function load(bytes, name) {
  try {
    setPortfolio(Portfolio.fromBytes(bytes, name), name);
  } catch (error) {
    showError(error);
    $("status").textContent = `Could not open ${name}.`;
  }
}

async function loadFile(file) {
  $("status").textContent = `Reading ${file.name}…`;
  load(new Uint8Array(await file.arrayBuffer()), file.name);
}

function render() {
  const p = state.portfolio;
  if (!p) return;
  const program = p.program();
  $("portfolio").hidden = false;
  $("status").textContent = `Showing ${state.name}.`;
  renderProgram(program);
  renderDiagnostics(p.validate(asOf()));
  renderMatrix(p.matrix());
  renderIndicators(p);
}

function renderProgram(program) {
  $("program-title").textContent = text(program.title) || program.id;
  $("program-purpose").textContent = text(program.purpose);
  const facts = [
    ["Program id", program.id],
    ["Period", [program.start, program.end].filter(Boolean).join(" – ") || "not stated"],
    ["Projects recorded", String(program.project_count)
      + (program.stated_project_count !== undefined ? ` (the program states ${program.stated_project_count})` : "")],
    ["Indicators", String(program.indicator_count)],
    ["Activities", String(program.activity_count)],
  ];
  $("program-facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", { textContent: k }), el("dd", { textContent: v })]));
}

function renderDiagnostics(diagnostics) {
  const count = (s) => diagnostics.filter((d) => d.severity === s).length;
  $("diagnostics-summary").textContent = diagnostics.length === 0
    ? `Valid as of ${asOf()}: no findings.`
    : `${count("error")} errors, ${count("warning")} warnings, ${count("info")} notes as of ${asOf()}.`;
  $("diagnostics").hidden = diagnostics.length === 0;
  $("diagnostics").tBodies[0].replaceChildren(...diagnostics.map((d) => el("tr", { "data-severity": d.severity },
    el("td", { class: `sev sev-${d.severity}`, textContent: d.severity }),
    el("td", {}, el("code", { textContent: d.code })),
    el("td", {}, el("code", { textContent: d.path })),
    el("td", { textContent: d.message }))));
}

function itemList(items) {
  return el("ul", {}, items.map((item) => el("li", { "data-item": item.id, title: item.id }, text(item.text))));
}

function renderMatrix(rows) {
  $("matrix").tBodies[0].replaceChildren(...rows.map((row) => el("tr", { "data-level": row.level },
    el("th", { textContent: row.level }),
    el("td", {}, el("ul", {}, row.actors.map((a) => el("li", { textContent: text(a) })))),
    el("td", {}, itemList(row.experiences)),
    el("td", {}, itemList(row.effects)))));
}

function periodTable(indicator) {
  const value = (values) => values.filter((v) => v.dimensions.length === 0)
    .map((v) => v.value ?? text(v.text)).join(", ");
  return el("table", { class: "periods" },
    el("thead", {}, el("tr", {}, ["Period", "Target", "Actual"].map((h) => el("th", { textContent: h })))),
    el("tbody", {}, indicator.periods.map((period) => el("tr", {},
      el("td", { textContent: `${period.start} – ${period.end}` }),
      el("td", { textContent: value(period.targets) }),
      el("td", { textContent: value(period.actuals) })))));
}

function renderIndicators(p) {
  const all = p.indicators();
  $("indicators-summary").textContent = all.length === 0
    ? "This portfolio records no indicators."
    : `${all.length} indicators${all.length > MAX_INDICATORS ? `; the first ${MAX_INDICATORS} are shown` : ""}.`;
  $("indicators").replaceChildren(...all.slice(0, MAX_INDICATORS).map((summary) => {
    const indicator = p.indicator(summary.id);
    return el("article", { class: "indicator", "data-indicator": summary.id },
      el("h3", {}, text(indicator.title) || indicator.id, " ", el("code", { class: "muted", textContent: indicator.id })),
      el("p", { class: "muted", textContent: [indicator.measure ?? "measure not stated", indicator.direction,
        indicator.project_id ? `project ${indicator.project_id}` : "program"].join(" · ") }),
      indicator.periods.length ? periodTable(indicator) : el("p", { class: "muted", textContent: "No periods reported." }));
  }));
}

function wire() {
  const drop = $("drop");
  $("file").addEventListener("change", (e) => e.target.files[0] && loadFile(e.target.files[0]));
  $("seed").addEventListener("click", () => setPortfolio(Portfolio.seed(), "the seed program"));
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const file = e.dataTransfer?.files?.[0];
    if (file) loadFile(file);
  });
  $("lang").addEventListener("change", render);
  $("as-of").addEventListener("change", () => asOf() && render());
}

async function main() {
  await init({ module_or_path: wasmBytes });
  $("version").textContent = version();
  const today = new Date();
  $("as-of").value = new Date(today.getTime() - today.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  wire();
  $("status").textContent = `kartan ${version()} is ready. Open a file or load the seed program.`;
  document.body.dataset.ready = "true";
}

main().catch(showError);
