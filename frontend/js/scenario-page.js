// The scenario page: wires the form, the socket, the model and the views together. A run is live (the
// socket feeds it), then replayable from its recording (never run again); a recording opened from a
// file replays the same way. The address holds the language, parameters and settings.
import d3 from "./d3.js";
import { connect } from "./connection.js";
import { lessonClock } from "./clock.js";
import { applyBatch, applyEnd, createModel, gilSegments, lanes, now } from "./model.js";
import { recorder, replayer, parseRecording } from "./replay.js";
import { drawPanels } from "./panels.js";
import { timeline } from "./timeline.js";
import { SVG_LIMIT } from "./timeline-rows.js";
import { drawArrowFilter, drawLegend } from "./legend.js";
import { drawConsole } from "./console.js";
import { applyVariant, clearInvalid, formDefaults, markInvalid, readForm } from "./form.js";
import { pageTranslator } from "./i18n.js";
import { codeView } from "./code-view.js";
import { actorColor } from "./palette.js";
import { caption, outcomeSentence, summary } from "./describe.js";
import { formatTime } from "./format.js";
import { actionFor, nextSpeed } from "./keys.js";
import { fullscreen, keyList, teacherMode } from "./teacher.js";
import { permalinkQuery, readPermalink } from "./permalink.js";
import { download, fileName, pngOf, standaloneSvg } from "./share.js";
import { perfettoTrace } from "./perfetto.js";
import { challengeOf, judge } from "./challenges.js";

const t = pageTranslator();
const $ = (id) => document.getElementById(id);
const page = document.querySelector("main.scenario");
const scenario = page.dataset.scenario;
const lang = page.dataset.lang || document.documentElement.lang || "en";
const form = $("run-form");
const status = $("status");
const timelineBox = $("timeline");
const buttons = {
  run: $("run"),
  cancel: $("cancel"),
  pause: $("pause"),
  step: $("step"),
  challenge: $("challenge"),
  zoomReset: $("zoom-reset"),
  follow: $("follow-live"),
  play: $("replay-play"),
};
const SESSION_KEY = `threadlab:last:${scenario}`;

// ---- the views ----

const markerEvents = d3.dispatch("marker");
const listings = { java: codeView($("java-listing"), markerEvents), python: codeView($("python-listing"), markerEvents) };
let javaToPython = null; // {javaLine: pythonLine}, from the listing service when there is one

const chart = timeline()
  .texts(t)
  .on("select", ({ actor, line }) => {
    selected = actor;
    showLine(line);
    news = true;
    render();
  })
  .on("step", ({ actor }) => step(actor))
  .on("view", ({ zoomed, follow }) => {
    buttons.zoomReset.disabled = !zoomed;
    buttons.follow.setAttribute("aria-pressed", String(follow));
  })
  .on("groups", () => render())
  .on("links", ({ shown, inView }) => {
    const note = $("arrow-note");
    const text = shown < inView ? t("arrows.too-many", inView) : "";
    if (note.textContent !== text) note.textContent = text;
  });
markerEvents.on("marker", ({ id }) => {
  if (gate.paused && gate.held.has(id)) step(id);
  selected = id;
  news = true;
  render();
});

// ---- the state of the page ----

let mode = "idle"; // "live" while the socket feeds a run, "replay" after it or for an opened recording
let model = null;
let clock = null;
let rec = null; // the recording being made
let replay = null; // the replayer, once the run is over or opened
let replayT = 0;
let playing = false;
let replaySpeed = 1;
let selected = null; // the thread the learner picked
let gate = { paused: false, held: new Map() };
let challenge = null; // {won} while a challenge's run goes on
let startPaused = false;
let news = false; // something changed that panels, console and markers show
let frame = 0;
let connection = null;
let lastSummary = 0;
let summaryKey = "";
let gateMessages = 0;
let skipped = 0; // frames whose updates the server merged into later batches: this connection is slow
const hiddenLinks = new Set();

drawLegend($("legend"), t);
drawConsole($("console"), null, t);
timelineBox.textContent = t("timeline.empty");
const keysDialog = keyList($("keys-dialog"), $("keys-table"), t);
const teacher = teacherMode($("teacher-mode"), () => render());
$("keys-help").addEventListener("click", () => keysDialog.toggle());

// ---- the live run ----

function ensureConnection() {
  if (connection) return connection;
  connection = connect()
    .on("started", (message) => {
      model = createModel(message);
      clock = lessonClock(message.speed).started(performance.now());
      rec = recorder(scenario, lang);
      rec.started(message);
      replay = null;
      mode = "live";
      gate = { paused: false, held: new Map() };
      gateMessages = 0;
      skipped = 0;
      delete page.dataset.gate;
      delete page.dataset.heldKnown;
      selected = null;
      news = true;
      chart.resetZoom();
      timelineBox.textContent = "";
      $("outcome").hidden = true;
      $("player").hidden = true;
      page.dataset.state = "running";
      delete page.dataset.outcome;
      setStatus(t("run.running"));
      buttons.run.disabled = false; // a second Run restarts: the server cancels this run first
      buttons.cancel.disabled = false;
      buttons.pause.disabled = false;
      setShareEnabled(false);
      showPaused(startPaused);
      showTimeline();
      animate();
    })
    .on("events", (message) => {
      if (!model || message.runId !== model.runId || mode !== "live") return;
      clock.batch(message.clock, performance.now());
      applyBatch(model, message);
      rec.batch(message);
      news = true;
      if (message.skipped > 0) {
        skipped += message.skipped; // the server merged updates this connection could not take in time
        if (page.dataset.state === "running") showPaused(gate.paused);
      }
      if (gate.paused) render();
      judgeChallenge();
    })
    .on("end", (message) => {
      if (!model || message.runId !== model.runId || mode !== "live") return;
      applyEnd(model, message.outcome);
      rec.end(message.outcome);
      finish();
    })
    .on("gate", (message) => {
      if (!model || message.runId !== model.runId || mode !== "live") return;
      // when each thread was first seen held: its lane is drawn held from then on
      const seen = now(model, clock.now(performance.now()));
      const held = new Map((message.held ?? []).map((h) => [h.actor, { ...h, since: gate.held.get(h.actor)?.since ?? seen }]));
      gateMessages++;
      page.dataset.gate = String(gateMessages); // for tests: a new gate message arrived
      if (message.held) page.dataset.heldKnown = "true"; // the server says who is held (contract 2)
      if (message.paused) clock.pause(performance.now());
      else clock.resume();
      gate = { paused: message.paused, held };
      showPaused(message.paused);
      news = true;
      render();
    })
    .on("queued", (message) => {
      page.dataset.state = "queued";
      setStatus(t("run.queued", message.position));
      buttons.run.disabled = false; // a new Run takes this request's place in the queue
      buttons.cancel.disabled = false; // leaves the queue
    })
    .on("error", (message) => {
      if (page.dataset.state === "starting") page.dataset.state = mode === "live" ? "running" : mode === "replay" ? "ended" : "idle";
      setStatus(errorText(message), true);
      buttons.run.disabled = false;
    })
    .on("close", () => {
      connection = null;
      if ((mode === "live" && page.dataset.state === "running") || page.dataset.state === "queued") {
        setStatus(t("run.disconnected"), true);
        page.dataset.state = "ended";
        cancelAnimationFrame(frame);
      }
      buttons.run.disabled = false;
      buttons.cancel.disabled = true;
      buttons.pause.disabled = true;
      buttons.step.disabled = true;
    });
  return connection;
}

function setStatus(text, error = false) {
  status.textContent = text;
  status.classList.toggle("error", error);
}

/** Pause shows as Resume, and Step is offered, while the run is paused; who is held, and where. */
function showPaused(paused) {
  page.dataset.paused = String(paused);
  buttons.pause.textContent = t(paused ? "button.resume" : "button.pause");
  buttons.step.disabled = !paused;
  if (page.dataset.state === "running") setStatus(withSkipped(t(paused ? "run.paused" : "run.running")));
  drawHeld();
}

/** A status with how many updates a slow connection had merged, when any were. */
function withSkipped(text) {
  return skipped > 0 ? `${text} · ${t("run.skipped", skipped)}` : text;
}

function drawHeld() {
  const box = $("held");
  const items = mode === "live" && gate.paused ? [...gate.held.values()] : [];
  box.hidden = items.length === 0;
  const root = d3.select(box);
  root.selectAll("span.held-title").data(items.length ? [null] : []).join("span").attr("class", "held-title").text(t("held.title"));
  root
    .selectAll("button.held-thread")
    .data(items, (h) => h.actor)
    .join("button")
    .attr("type", "button")
    .attr("class", "held-thread")
    .attr("data-actor", (h) => model?.actors.get(h.actor)?.name ?? h.actor)
    .style("border-color", (h) => actorColor(h.actor))
    .text((h) => t("held.thread", model?.actors.get(h.actor)?.name ?? h.actor, [t(`kind.${h.kind}`), h.object].filter(Boolean).join(" "), h.line))
    .on("click", (event, h) => step(h.actor));
}

function step(actor = null) {
  if (mode !== "live" || !gate.paused || !connection) return;
  const who = actor ?? (selected != null && gate.held.has(selected) ? selected : null);
  if (challenge) challenge.steps++;
  connection.step(who);
}

function togglePause() {
  if (mode !== "live" || !connection || page.dataset.state !== "running") return;
  if (page.dataset.paused === "true") connection.resume();
  else connection.pause();
}

function errorText(message) {
  const d = message.details ?? {};
  switch (message.code) {
    case "bad-parameter":
      if (d.parameter) markInvalid(form, d.parameter, "status"); // marked and focused, to fix at once
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

function finish() {
  cancelAnimationFrame(frame);
  page.dataset.state = "ended";
  page.dataset.outcome = model.outcome.status;
  setStatus(t("run.ended"));
  buttons.run.disabled = false;
  buttons.cancel.disabled = true;
  buttons.pause.disabled = true;
  buttons.step.disabled = true;
  gate = { paused: false, held: new Map() };
  showPaused(false); // a run that ended while paused: nothing is held any more
  judgeChallenge();
  if (challenge && !challenge.won && challenge.steps === 0) {
    // a challenge starts paused: the run went on without a step only because the learner resumed it
    $("challenge-box").textContent = t("challenge.too-fast");
    page.dataset.challenge = "too-fast";
  }
  enterReplay(rec.recording);
  remember(rec.recording);
}

// ---- replay ----

function enterReplay(recording) {
  replay = replayer(recording);
  rec = { recording };
  mode = "replay";
  playing = false;
  replayT = replay.end;
  model = replay.at(replayT);
  $("player").hidden = false;
  $("outcome").textContent = outcomeSentence(model, t);
  $("outcome").className = `outcome outcome-${(model.outcome?.status ?? "cancelled").toLowerCase()}`;
  $("outcome").hidden = !model.outcome;
  setShareEnabled(true);
  news = true;
  showReplay();
}

function seek(time) {
  if (!replay) return;
  replayT = Math.min(Math.max(0, time), replay.end);
  model = replay.at(replayT);
  news = true;
  showReplay();
}

function showReplay() {
  const scrubber = $("scrubber");
  scrubber.value = String(replay.end > 0 ? Math.round((replayT / replay.end) * 1000) : 1000);
  scrubber.setAttribute("aria-valuetext", formatTime(replayT, t, replay.end));
  $("replay-time").textContent = `${formatTime(replayT, t, replay.end)} / ${formatTime(replay.end, t, replay.end)}`;
  buttons.play.textContent = t(playing ? "player.pause" : "player.play");
  page.dataset.replayT = String(replayT);
  render();
}

function play() {
  if (!replay) return;
  if (playing) {
    playing = false;
    showReplay();
    return;
  }
  if (replayT >= replay.end) replayT = 0;
  playing = true;
  let last = performance.now();
  const tick = (ms) => {
    if (!playing || mode !== "replay") return;
    seek(replayT + ((ms - last) / 1000) * replaySpeed);
    last = ms;
    if (replayT >= replay.end) {
      playing = false;
      showReplay();
      return;
    }
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  showReplay();
}

$("scrubber").addEventListener("input", (event) => {
  playing = false;
  seek((Number(event.target.value) / 1000) * (replay?.end ?? 0));
});
$("replay-start").addEventListener("click", () => {
  playing = false;
  seek(0);
});
$("replay-back").addEventListener("click", () => stepReplay(-1));
$("replay-forward").addEventListener("click", () => stepReplay(1));
buttons.play.addEventListener("click", play);
$("replay-speed").addEventListener("change", (event) => (replaySpeed = Number(event.target.value)));

function stepReplay(direction) {
  if (!replay) return;
  playing = false;
  seek(direction > 0 ? replay.next(replayT) : replay.previous(replayT));
}

// ---- drawing ----

function currentAt() {
  if (mode === "replay") return replayT;
  if (mode === "live") return now(model, clock.now(performance.now()));
  return 0;
}

function render() {
  if (!model) return;
  const at = currentAt();
  const big = teacher.on;
  chart
    .width(Math.max(480, timelineBox.clientWidth))
    .laneHeight(big ? 52 : 34)
    .fontSize(big ? 24 : 14)
    .hiddenLinks(hiddenLinks);
  d3.select(timelineBox)
    .datum({
      lanes: lanes(model),
      gil: gilSegments(model),
      links: model.links,
      at,
      end: mode === "replay" ? replay.end : null,
      finding: model.finding,
      held: gate.held,
      paused: mode === "live" && gate.paused,
      selected,
      cursor: mode === "replay" ? replayT : null,
    })
    .call(chart);
  const held = mode === "live" && gate.paused ? [...gate.held.values()] : [];
  $("caption").textContent = held.length
    ? t("caption.paused", held.map((h) => t("caption.held", model.actors.get(h.actor)?.name ?? h.actor, [t(`kind.${h.kind}`), h.object].filter(Boolean).join(" "), h.line)).join(t("finding.joiner")))
    : caption(model, at, t);
  if (news) {
    news = false;
    drawPanels($("panels"), model, t);
    $("panels").closest("section").hidden = model.objects.size === 0;
    drawConsole($("console"), model, t);
    drawMarkers();
    drawLegend($("legend"), t, gilHolders());
    drawArrowFilter($("arrow-filter"), [...model.linkKinds], hiddenLinks, t, (kind, shown) => {
      if (shown) hiddenLinks.delete(kind);
      else hiddenLinks.add(kind);
      render();
    });
    page.dataset.events = String(model.events);
  }
  // the timeline in words: again when the run has moved on (at most once a second while it is live)
  const ms = performance.now();
  const key = `${mode}|${model.events}|${mode === "replay" ? replayT : ""}`;
  if (key !== summaryKey && (mode !== "live" || ms - lastSummary > 1000)) {
    summaryKey = key;
    lastSummary = ms;
    d3.select($("timeline-summary"))
      .selectAll("p")
      .data(summary(model, at, t))
      .join("p")
      .text((s) => s);
  }
}

function gilHolders() {
  const ids = new Set();
  for (const holders of model.gilHolders.values()) for (const id of holders) ids.add(id);
  return [...ids].map((id) => ({ id, name: model.actors.get(id)?.name ?? String(id), colorIndex: id }));
}

/** A marker per thread on its line of both listings: where it is now (or where it is held). */
function drawMarkers() {
  const ended = new Set(["finished", "cut-off", "stopped", "killed"]);
  const list = [];
  for (const actor of model.actors.values()) {
    const last = actor.segments[actor.segments.length - 1];
    if (!last || ended.has(last.state)) continue;
    const held = mode === "live" && gate.paused ? gate.held.get(actor.id) : null;
    const line = held ? held.line : actor.line;
    if (!line) continue;
    const title = held ? t("marker.held", actor.name, [t(`kind.${held.kind}`), held.object].filter(Boolean).join(" "), line) : t("marker.at", actor.name, line);
    list.push({ id: actor.id, name: actor.name, line, color: actorColor(actor.id), held: Boolean(held), selected: actor.id === selected, title, glyph: actor.name.slice(0, 1) });
  }
  listings.java.markers(list);
  listings.python.markers(javaToPython ? list.map((m) => ({ ...m, line: javaToPython[m.line] ?? 0 })) : []);
}

/** Shows a Java line (and its Python line) in both listings, and under the caption: the listings may be off screen. */
function showLine(line) {
  if (!(line > 0)) return;
  listings.java.highlight(line);
  const python = javaToPython ? javaToPython[line] : null;
  if (python) listings.python.highlight(python);
  const name = model?.actors.get(selected)?.name ?? "";
  const parts = [];
  if (python) parts.push(t("peek.python", python, listings.python.lineText(python)));
  parts.push(t("peek.java", line, listings.java.lineText(line)));
  d3.select($("code-peek"))
    .property("hidden", false)
    .selectAll("span")
    .data([name, ...parts])
    .join("span")
    .attr("class", (_, i) => (i === 0 ? "peek-thread" : "peek-line"))
    .text((text) => text);
}

/** A run begins where the learner is looking: the timeline comes into view if the form scrolled it away. */
function showTimeline() {
  const box = timelineBox.getBoundingClientRect();
  if (box.top < 0 || box.top > window.innerHeight / 2) {
    document.querySelector("main").scrollIntoView({ block: "start" });
  }
}

function animate() {
  cancelAnimationFrame(frame);
  const tick = () => {
    if (mode !== "live") return;
    if (!gate.paused || news) render(); // paused, the picture stands still until a step changes it
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
}

// ---- challenges ----

const challengeSpec = challengeOf(scenario);
if (challengeSpec) {
  buttons.challenge.hidden = false;
  buttons.challenge.addEventListener("click", () => {
    applyVariant(form, { ...challengeSpec.params, ...challengeSpec.settings });
    challenge = { won: false, steps: 0 };
    const box = $("challenge-box");
    box.hidden = false;
    box.className = "challenge-box";
    box.textContent = t(`challenge.${scenario}.goal`);
    page.dataset.challenge = "playing";
    startRun(true);
  });
}

function judgeChallenge() {
  if (!challenge || challenge.won || !rec) return;
  const won = judge(scenario, rec.recording.events, (id) => model.actors.get(id)?.name ?? String(id));
  if (!won) return;
  challenge.won = true;
  page.dataset.challenge = "won";
  const box = $("challenge-box");
  box.className = "challenge-box won";
  box.textContent = `${t("challenge.won")} ${t(won.key, ...won.args)}`;
}

// ---- running ----

function startRun(paused = false) {
  const { params, settings } = readForm(form);
  clearInvalid(form);
  if (!paused) {
    challenge = null;
    $("challenge-box").hidden = true;
    delete page.dataset.challenge;
  }
  startPaused = paused;
  page.dataset.state = "starting";
  setStatus(t("run.connecting"));
  buttons.run.disabled = true;
  playing = false;
  savePermalink(true);
  const c = ensureConnection();
  // a challenge starts paused: every thread is held at its first step, before any has moved
  c.start(scenario, params, paused ? { ...settings, paused: true } : settings);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  startRun(false);
});
buttons.cancel.addEventListener("click", () => {
  connection?.cancel();
  if (page.dataset.state === "queued") {
    // the server answers nothing: a request that waited simply leaves the queue
    page.dataset.state = "ended";
    setStatus(t("run.dequeued"));
    buttons.cancel.disabled = true;
  }
});
buttons.pause.addEventListener("click", togglePause);
buttons.step.addEventListener("click", () => step());
buttons.zoomReset.addEventListener("click", () => chart.resetZoom());
buttons.follow.addEventListener("click", () => chart.follow(!chart.follow()));
for (const button of form.querySelectorAll("button.variant")) {
  button.addEventListener("click", () => {
    applyVariant(form, JSON.parse(button.dataset.values));
    savePermalink(false);
  });
}

// ---- the address: language, parameters, settings ----

const names = [...form.querySelectorAll("input[data-param], input[data-setting]")].map((i) => i.name);
const defaults = formDefaults(form);

// A run commits the address to the history: the first change after it starts a new entry (so back
// returns to what was run), later changes replace that entry.
let committed = false;

function savePermalink(run) {
  const { params, settings } = readForm(form);
  const query = permalinkQuery({ lang, params, settings }, defaults);
  const url = `${location.pathname}?${query}`;
  if (url !== `${location.pathname}${location.search}`) {
    history[committed ? "pushState" : "replaceState"](null, "", url);
    committed = false;
  }
  if (run) committed = true;
  const other = new URLSearchParams(query);
  other.set("lang", lang === "zh" ? "en" : "zh");
  $("language-link")?.setAttribute("href", `${location.pathname}?${other}`);
}

function restorePermalink() {
  const { values } = readPermalink(location.search, names);
  applyVariant(form, { ...defaults, ...values });
}

restorePermalink();
savePermalink(false);
form.addEventListener("change", () => savePermalink(false));
form.addEventListener("input", () => savePermalink(false));
window.addEventListener("popstate", () => {
  restorePermalink();
  committed = true;
});

// ---- the listings: listing.js renders the Python listing for the form's values and says so ----

page.addEventListener("listing", (event) => {
  javaToPython = event.detail.javaToPython ?? null;
  news = true;
  if (model) render();
});

// ---- share and export ----

function setShareEnabled(on) {
  for (const id of ["download-recording", "export-svg", "export-png", "export-trace"]) $(id).disabled = !on;
}

function shareStatus(text, error = false) {
  $("share-status").textContent = text;
  $("share-status").classList.toggle("error", error);
}

$("copy-link").addEventListener("click", () => {
  const link = location.href;
  const done = () => shareStatus(t("share.copied", link));
  if (navigator.clipboard?.writeText) navigator.clipboard.writeText(link).then(done, () => shareStatus(t("share.copy-this", link)));
  else shareStatus(t("share.copy-this", link));
});
$("download-recording").addEventListener("click", () => {
  if (!rec) return;
  download(new Blob([JSON.stringify(rec.recording)], { type: "application/json" }), fileName(scenario, "json"));
});
$("open-recording").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  event.target.value = "";
  if (!file) return;
  try {
    const recording = parseRecording(await file.text());
    if (recording.scenario !== scenario) throw new Error("recording.other-scenario");
    openRecording(recording);
    shareStatus(t("share.opened", file.name));
  } catch (error) {
    shareStatus(t(error.message, file.name), true);
  }
});

function openRecording(recording) {
  if (mode === "live") connection?.cancel();
  cancelAnimationFrame(frame);
  applyVariant(form, { ...recording.started.params, ...recording.started.settings });
  savePermalink(true);
  timelineBox.textContent = "";
  chart.resetZoom();
  selected = null;
  gate = { paused: false, held: new Map() };
  page.dataset.state = "ended";
  enterReplay(recording);
  page.dataset.outcome = model.outcome?.status ?? "";
}

function svgText() {
  chart.svgLimit(Infinity).redraw();
  const text = standaloneSvg(timelineBox.querySelector("svg.timeline-chart"), document.title);
  chart.svgLimit(SVG_LIMIT).redraw();
  return text;
}

$("export-svg").addEventListener("click", () => {
  download(new Blob([svgText()], { type: "image/svg+xml" }), fileName(scenario, "svg"));
});
$("export-png").addEventListener("click", () => {
  const svg = timelineBox.querySelector("svg.timeline-chart");
  const [w, h] = [Number(svg.getAttribute("width")), Number(svg.getAttribute("height"))];
  pngOf(svgText(), w, h).then(
    (blob) => download(blob, fileName(scenario, "png")),
    () => shareStatus(t("share.png-failed"), true),
  );
});
$("export-trace").addEventListener("click", () => {
  const whole = replay ? replay.at(replay.end) : model;
  const trace = perfettoTrace(whole, t);
  download(new Blob([trace.bytes], { type: "application/octet-stream" }), fileName(scenario, "perfetto-trace"));
  shareStatus(t("share.trace", trace.tracks, trace.slices, trace.flows));
  if (replay) model = replay.at(replayT);
});

// The last run of this lesson in this tab, brought back on reload when the address still asks for it.
function remember(recording) {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(recording));
  } catch {
    sessionStorage.removeItem(SESSION_KEY); // too big to keep: a reload starts afresh
  }
}

function restoreLastRun() {
  const text = sessionStorage.getItem(SESSION_KEY);
  if (!text) return;
  try {
    const recording = parseRecording(text);
    const { params, settings } = readForm(form);
    const same = (a, b) => Object.keys(a).every((k) => String(a[k]) === String(b[k] ?? ""));
    if (same(params, recording.started.params) && same(settings, recording.started.settings)) openRecording(recording);
  } catch {
    sessionStorage.removeItem(SESSION_KEY);
  }
}
restoreLastRun();

// ---- keys ----

document.addEventListener("keydown", (event) => {
  if ($("keys-dialog").open && event.key !== "?") return;
  const action = actionFor(event);
  if (!action) return;
  event.preventDefault();
  switch (action.action) {
    case "run":
      startRun(false);
      break;
    case "ends":
      if (mode === "replay") {
        playing = false;
        seek(action.arg < 0 ? 0 : replay.end);
      }
      break;
    case "pause":
      if (mode === "replay") play();
      else togglePause();
      break;
    case "step":
      if (mode === "replay") stepReplay(1);
      else step();
      break;
    case "back":
      if (mode === "replay") stepReplay(-1);
      break;
    case "speed":
      changeSpeed(action.arg);
      break;
    case "fullscreen":
      fullscreen();
      break;
    case "teacher":
      teacher.toggle();
      break;
    case "zoom":
      chart.zoomBy(action.arg, mode === "replay" ? replayT : null);
      break;
    case "pan":
      chart.panBy(action.arg);
      break;
    case "reset-zoom":
      chart.resetZoom();
      break;
    case "follow":
      chart.follow(!chart.follow());
      break;
    case "help":
      keysDialog.toggle();
      break;
    default:
      break;
  }
});

/** + and −: a replay's speed, or the speed of time of the next run. */
function changeSpeed(direction) {
  if (mode === "replay") {
    const select = $("replay-speed");
    const values = [...select.options].map((o) => Number(o.value));
    replaySpeed = direction > 0 ? values.find((v) => v > replaySpeed) ?? replaySpeed : [...values].reverse().find((v) => v < replaySpeed) ?? replaySpeed;
    select.value = String(replaySpeed);
    setStatus(t("player.speed-now", replaySpeed));
    return;
  }
  const input = form.querySelector("input[name=speed]");
  if (!input) return;
  input.value = String(nextSpeed(Number(input.value) || 1, direction));
  savePermalink(false);
  setStatus(t(mode === "live" ? "run.speed-next" : "run.speed", input.value));
}

window.addEventListener("resize", () => render());
