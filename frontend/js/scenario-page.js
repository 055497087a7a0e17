// The scenario page: wires the form, the socket, the model and the views together.
import d3 from "./d3.js";
import { connect } from "./connection.js";
import { applyEvents, createModel, gilSegments, lanes, now } from "./model.js";
import { drawPanels } from "./panels.js";
import { timeline } from "./timeline.js";
import { drawLegend } from "./legend.js";
import { drawConsole } from "./console.js";
import { applyVariant, readForm } from "./form.js";
import { pageTranslator } from "./i18n.js";
import { codeView } from "./code-view.js";

const t = pageTranslator();
const page = document.querySelector("main.scenario");
const scenario = page.dataset.scenario;
const form = document.getElementById("run-form");
const runButton = document.getElementById("run");
const cancelButton = document.getElementById("cancel");
const pauseButton = document.getElementById("pause");
const stepButton = document.getElementById("step");
const status = document.getElementById("status");
const outcomeBox = document.getElementById("outcome");
const timelineBox = document.getElementById("timeline");
const consoleBox = document.getElementById("console");
const panelsBox = document.getElementById("panels");

const highlightJava = codeView(document.getElementById("java-listing"));
codeView(document.getElementById("python-listing"));
const chart = timeline()
  .texts(t)
  .on("select", ({ line }) => line > 0 && highlightJava(line));
let model = null;
let startedAt = 0; // performance.now() when the server said the run started
let frame = 0;
let news = false; // events arrived since the panels and the console were last drawn
let connection = null;
let skipped = 0; // frames whose updates the server merged into later batches: this connection is slow

drawLegend(document.getElementById("legend"), t);
drawConsole(consoleBox, null, t);
timelineBox.textContent = t("timeline.empty");

function ensureConnection() {
  if (connection) return connection;
  connection = connect()
    .on("queued", (message) => {
      page.dataset.state = "queued";
      status.classList.remove("error");
      status.textContent = t("run.queued", message.position);
      runButton.disabled = false; // a new Run takes this request's place in the queue
      cancelButton.disabled = false; // leaves the queue
    })
    .on("started", (message) => {
      model = createModel(message);
      news = true;
      skipped = 0;
      startedAt = performance.now();
      chart.resetZoom();
      timelineBox.textContent = "";
      outcomeBox.hidden = true;
      page.dataset.state = "running";
      status.textContent = t("run.running");
      runButton.disabled = false; // a second Run restarts: the server cancels this run first
      cancelButton.disabled = false;
      pauseButton.disabled = false;
      showPaused(false);
      animate();
    })
    .on("events", (message) => {
      if (model && message.runId === model.runId) {
        applyEvents(model, message.events);
        news = true;
        if (message.skipped > 0) {
          skipped += message.skipped;
          if (page.dataset.state === "running") showPaused(page.dataset.paused === "true");
        }
      }
    })
    .on("end", (message) => {
      if (!model || message.runId !== model.runId) return;
      model.outcome = model.outcome ?? message.outcome;
      if (model.end == null) model.end = (message.outcome.elapsedNs * model.speed) / 1e9;
      finish();
    })
    .on("gate", (message) => {
      if (model && message.runId === model.runId) showPaused(message.paused);
    })
    .on("error", (message) => {
      status.textContent = errorText(message);
      status.classList.add("error");
      runButton.disabled = false;
    })
    .on("close", () => {
      connection = null;
      if (page.dataset.state === "running" || page.dataset.state === "queued") {
        status.textContent = t("run.disconnected");
        status.classList.add("error");
        page.dataset.state = "ended";
        cancelAnimationFrame(frame);
      }
      runButton.disabled = false;
      cancelButton.disabled = true;
      pauseButton.disabled = true;
      stepButton.disabled = true;
    });
  return connection;
}

/** Pause shows as Resume, and Step is offered, while the run is paused. */
function showPaused(paused) {
  page.dataset.paused = String(paused);
  pauseButton.textContent = t(paused ? "button.resume" : "button.pause");
  stepButton.disabled = !paused;
  if (page.dataset.state === "running") status.textContent = withSkipped(t(paused ? "run.paused" : "run.running"));
}

/** A status with how many updates a slow connection had merged, when any were. */
function withSkipped(text) {
  return skipped > 0 ? `${text} · ${t("run.skipped", skipped)}` : text;
}

function errorText(message) {
  const d = message.details ?? {};
  switch (message.code) {
    case "bad-parameter":
      if (d.type === "boolean") return t("error.bad-flag", labelOf(d.parameter));
      return d.min != null ? t("error.bad-parameter", labelOf(d.parameter), d.min, d.max) : message.message;
    case "unknown-scenario":
    case "busy":
      return t(`error.${message.code}`);
    default:
      return t(`error.${message.code}`, message.message);
  }
}

/** The form's label of a parameter, for messages about it; its name if the form has none. */
function labelOf(name) {
  const label = form.querySelector(`input[name="${CSS.escape(name)}"]`)?.closest("label")?.querySelector(".label");
  return label ? label.textContent.trim() : name;
}

function liveNow() {
  if (!model) return 0;
  return now(model, ((performance.now() - startedAt) / 1000) * model.speed);
}

function render() {
  if (!model) return;
  const at = liveNow();
  chart.width(Math.max(480, timelineBox.clientWidth));
  d3.select(timelineBox)
    .datum({ lanes: lanes(model, at), links: model.links, at, gil: gilSegments(model, at), finding: model.finding })
    .call(chart);
  // The timeline grows every frame; panels and console change only with a batch of events.
  if (news || model.end != null) {
    news = false;
    drawPanels(panelsBox, model, t);
    drawConsole(consoleBox, model, t);
  }
}

function animate() {
  cancelAnimationFrame(frame);
  const step = () => {
    render();
    if (model && model.end == null) frame = requestAnimationFrame(step);
  };
  frame = requestAnimationFrame(step);
}

function finish() {
  cancelAnimationFrame(frame);
  render();
  const o = model.outcome;
  const elapsed = ((o.elapsedNs * model.speed) / 1e9).toFixed(2);
  const text = {
    COMPLETED: () => t("outcome.completed", elapsed),
    FAILED: () => t("outcome.failed", elapsed, o.error),
    DEADLOCK: () => t("outcome.deadlock", elapsed, o.error),
    HANG: () => t("outcome.hang", elapsed, o.error),
  }[o.status]?.() ?? (o.error ? t("outcome.stopped", elapsed, o.error) : t("outcome.cancelled", elapsed));
  outcomeBox.textContent = o.dropped > 0 ? `${text} · ${t("outcome.dropped", o.dropped)}` : text;
  outcomeBox.className = `outcome outcome-${o.status.toLowerCase()}`;
  outcomeBox.hidden = false;
  page.dataset.state = "ended";
  page.dataset.outcome = o.status;
  status.textContent = withSkipped(t("run.ended"));
  runButton.disabled = false;
  cancelButton.disabled = true;
  pauseButton.disabled = true;
  stepButton.disabled = true;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const { params, settings } = readForm(form);
  status.classList.remove("error");
  status.textContent = t("run.connecting");
  runButton.disabled = true;
  ensureConnection().start(scenario, params, settings);
});

cancelButton.addEventListener("click", () => {
  connection?.cancel();
  if (page.dataset.state === "queued") {
    // the server answers nothing: a request that waited simply leaves the queue
    page.dataset.state = "ended";
    status.textContent = t("run.dequeued");
    cancelButton.disabled = true;
  }
});
pauseButton.addEventListener("click", () => (page.dataset.paused === "true" ? connection?.resume() : connection?.pause()));
stepButton.addEventListener("click", () => connection?.step());

for (const button of form.querySelectorAll("button.variant")) {
  button.addEventListener("click", () => applyVariant(form, JSON.parse(button.dataset.values)));
}

window.addEventListener("resize", () => render());
