// The scenario page, wired: its state lives in one store (page/state.js); controllers, each with one
// job, change it (the live run, the story of its steps, the replay player, the challenge, the address,
// share and export, the keys, the last run of this tab); views draw it (the run, the held threads, the
// result line, the listings' markers, the controls and flags). A run is live (the socket feeds it), then replayable from its recording (never
// run again); a recording opened from a file replays the same way. The address holds the language,
// parameters and settings.
import { pageTranslator } from "./i18n.js";
import { clearInvalid } from "./form.js";
import { keyList, teacherMode } from "./teacher.js";
import { openGate, pageState } from "./page/state.js";
import { showControls } from "./page/controls.js";
import { liveRun } from "./page/live-run.js";
import { errorText } from "./page/run-error.js";
import { replayPlayer } from "./page/replay-player.js";
import { runView } from "./page/run-view.js";
import { listingMarks } from "./page/listing-marks.js";
import { heldList } from "./page/held-list.js";
import { resultLine } from "./page/result-line.js";
import { stepHistory } from "./page/step-history.js";
import { challengePlay } from "./page/challenge-play.js";
import { addressOf } from "./page/address.js";
import { shareExport } from "./page/share-export.js";
import { lastRun } from "./page/last-run.js";
import { keyCommands } from "./page/key-commands.js";
import { parseRecording } from "./replay.js";
import { roomPage } from "./room/room-page.js";
import { openSaved, saveRun } from "./room/save-run.js";
import { pythonTimeline } from "./page/python-timeline.js";
import { pythonExport } from "./page/python-export.js";

const t = pageTranslator();
const byId = (id) => document.getElementById(id);
const page = document.querySelector("main.scenario");
const scenario = page.dataset.scenario;
const lang = page.dataset.lang || document.documentElement.lang || "en";
const form = byId("run-form");
const store = pageState();
const entry = new URLSearchParams(location.search); // before the address rewrites it: ?saved=

// ---- the views: they draw the state ----

showControls({ store, page, status: byId("status"), t });
const room = roomPage({ t, byId, scenario, lang, store });
const live = liveRun({ store, scenario, lang, t, errorText: (message) => errorText(message, form, t), connect: room.connect });
const follow = liveRun({ store, scenario, lang, t, errorText: (message) => errorText(message, form, t), connect: room.followConnect });
const step = (actor) => live.step(actor);
const marks = listingMarks({ store, t, byId });
const teacher = teacherMode(byId("teacher-mode"), () => view.render());
const view = runView({ store, t, byId, marks, large: () => teacher.on, onStep: step });
const chart = view.chart;
heldList({ store, t, box: byId("held"), onStep: step });
resultLine({ store, t, byId });
marks.on("marker", ({ id }) => {
  const { gate } = store.state;
  if (gate.paused && gate.held.has(id)) step(id);
  store.set({ selected: id });
});

// ---- the controllers: they change it ----

const stepStory = stepHistory({ store, t });
const address = addressOf({ store, byId, form, lang });
const player = replayPlayer({ store, t, byId });
const last = lastRun(scenario);
const challenge = challengePlay({
  store,
  t,
  byId,
  scenario,
  play: (values) => {
    address.choose(values);
    run(true);
  },
});

/** Runs the form's values; a challenge's run starts paused. */
function run(paused = false) {
  room.ownRun();
  clearInvalid(form);
  if (!paused) challenge.clear();
  player.stop();
  address.save(true);
  live.start(store.state.params, store.state.settings, paused);
}

/** Replays a recording (opened from a file, or this tab's last run), with the form set to its values. */
function openRecording(recording) {
  live.abandon();
  address.choose({ ...recording.started.params, ...recording.started.settings }, true);
  player.enter(recording, { selected: null, gate: openGate(), phase: "ended", holds: [], steps: [], justStepped: null, heldOrder: [], stepNote: null });
  store.set({ outcome: store.state.model.outcome?.status ?? "" });
}

live
  .on("batch", () => challenge.judge())
  .on("step", ({ actor }) => {
    challenge.stepped();
    stepStory.stepped(actor);
  })
  .on("end", (recording) => {
    challenge.ended();
    player.enter(recording);
    last.remember(recording);
  });
shareExport({ store, t, byId, scenario, chart, box: byId("timeline"), open: openRecording });
follow.on("end", (recording) => {
  player.enter(recording); // the teacher's recording, now the student's to replay
  last.remember(recording);
});
room.wire({ live, follow, startChallenge: () => byId("challenge").click() });
saveRun({ store, t, byId, teaching: room.teaching, saved: () => room.savedOne() });
pythonTimeline({ store, t, byId, main: chart, section: byId("python-run"), large: () => teacher.on });
pythonExport({ store, t, byId, scenario, lang });
const keysDialog = keyList(byId("keys-dialog"), byId("keys-table"), t);
keyCommands({ store, t, dialog: byId("keys-dialog"), keysDialog, run, live, player, chart, address, teacher, room });

// ---- the page's buttons and events ----

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
byId("cancel").addEventListener("click", () => live.cancel());
byId("pause").addEventListener("click", () => live.togglePause());
byId("step").addEventListener("click", () => live.step());
byId("zoom-reset").addEventListener("click", () => chart.resetZoom());
byId("follow-live").addEventListener("click", () => {
  chart.follow(!chart.follow());
  store.set({ follow: chart.follow() }); // the chart says nothing of a follow it was told
});
byId("keys-help").addEventListener("click", () => keysDialog.toggle());
// listing.js renders the Python listing for the form's values and says so
page.addEventListener("listing", (event) => store.set({ javaToPython: event.detail.javaToPython ?? null }));
window.addEventListener("resize", () => view.render());

if (entry.get("saved")) openSaved({ id: entry.get("saved"), t, open: openRecording, status: byId("share-status"), parse: parseRecording });
else last.restore(store.state.params, store.state.settings, openRecording);
