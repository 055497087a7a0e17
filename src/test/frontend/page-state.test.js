import { test, assertEqual, assertTrue } from "./harness.js";
import { heldNow, initialState, openGate, pageState } from "/js/page/state.js";
import { controlsOf } from "/js/page/controls.js";
import { liveRun } from "/js/page/live-run.js";
import { STEP_ANSWER_MS, heldOrder, holdsAfter, holdsAfterStep, placeSteps, stepHistory } from "/js/page/step-history.js";
import { heldItems } from "/js/page/held-list.js";
import { resultOf } from "/js/page/result-line.js";
import { jumpSaid, whyStill } from "/js/why-still.js";
import { lineName } from "/js/lines.js";

const t = (key, ...args) => (args.length ? `${key}(${args.join(",")})` : key);

test("page state: set replaces the fields named and tells which changed, a model changed in place too", () => {
  const store = pageState();
  const heard = [];
  store.on("change.test", (state, changed) => heard.push([[...changed], state.phase]));
  const model = { events: 0 };
  store.set({ phase: "running", model });
  model.events = 3;
  store.set({ model });
  assertEqual(heard, [[["phase", "model"], "running"], [["model"], "running"]]);
  assertEqual(store.state.model.events, 3);
});

test("page state: the state is frozen, only set changes it", () => {
  const store = pageState();
  let threw = false;
  try {
    store.state.phase = "running";
  } catch {
    threw = true;
  }
  assertTrue(threw && store.state.phase === null, "a write outside set");
});

test("page state: a change made while one is heard is heard after it, by every listener, in order", () => {
  const store = pageState();
  const heard = [];
  store.on("change.first", (state, changed) => {
    heard.push(`first ${[...changed]}`);
    if (changed.has("recording")) store.set({ zoomed: false });
  });
  store.on("change.second", (state, changed) => heard.push(`second ${[...changed]} zoomed=${store.state.zoomed}`));
  store.set({ zoomed: true });
  store.set({ recording: {} });
  assertEqual(heard, ["first zoomed", "second zoomed zoomed=true", "first recording", "second recording zoomed=false", "first zoomed", "second zoomed zoomed=false"]);
});

test("page state: held threads show only while a live run is paused", () => {
  const held = new Map([[1, { actor: 1, kind: "ACQUIRE", object: "a", line: 7 }]]);
  const s = { ...initialState(), mode: "live", gate: { paused: true, held } };
  assertEqual(heldNow(s).map((h) => h.actor), [1]);
  assertEqual(heldNow({ ...s, mode: "replay" }), []);
  assertEqual(heldNow({ ...s, gate: { ...s.gate, paused: false } }), []);
  assertEqual(openGate().held.size, 0);
});

test("controls: before any run, Run alone is offered, no file can be made and no flag is set", () => {
  const c = controlsOf(initialState());
  assertEqual(c.disabled, { run: false, cancel: true, pause: true, step: true, "zoom-reset": true, "follow-live": true, "download-recording": true, "export-svg": true, "export-png": true, "export-trace": true });
  assertEqual(Object.values(c.flags).filter((v) => v != null), []);
  assertEqual(c.labels.pause, null, "Pause keeps the page's word until a run starts");
});

test("controls: a replay offers its files and its time, a zoomed window the whole run again", () => {
  const replay = { end: 4 };
  const c = controlsOf({ ...initialState(), mode: "replay", replay, replayT: 1.5, phase: "ended", outcome: "COMPLETED", zoomed: true, follow: false });
  assertEqual([c.disabled["export-svg"], c.disabled["zoom-reset"], c.pressed["follow-live"]], [false, false, false]);
  assertEqual([c.flags.state, c.flags.outcome, c.flags.replayT], ["ended", "COMPLETED", "1.5"]);
});

/** A socket that the test speaks for: what the page sent, and the server's messages to dispatch. */
function fakeSocket() {
  const handlers = {};
  const sent = [];
  const socket = {
    sent,
    on(type, listener) {
      handlers[type] = listener;
      return socket;
    },
    say: (type, message = {}) => handlers[type]({ type, ...message }),
    start: (scenario, params, settings) => sent.push(["start", settings.paused === true]),
    cancel: () => sent.push(["cancel"]),
    pause: () => sent.push(["pause"]),
    resume: () => sent.push(["resume"]),
    step: (actor) => sent.push(["step", actor]),
  };
  return socket;
}

function liveFixture() {
  const store = pageState();
  const socket = fakeSocket();
  let ms = 0;
  const run = liveRun({ store, scenario: "deadlock", lang: "en", t, errorText: (m) => `refused ${m.code}`, connect: () => socket, clock: () => ms });
  const ended = [];
  run.on("end", (recording) => ended.push(recording));
  const spawn = (seq, id, name) => ({ seq, timeNs: 0, actor: id, kind: "SPAWN", object: null, line: 0, cause: -1, value: { id, name, type: "THREAD", pid: 1, parent: -1, daemon: false } });
  return { store, socket, run, ended, spawn, tick: (n) => (ms += n) };
}

test("live run: asking, started, paused at the gate, a step, the end: what the controls and flags show at each", () => {
  const { store, socket, run, ended, spawn } = liveFixture();
  run.start({ n: 1 }, { speed: 1 }, true);
  let c = controlsOf(store.state);
  assertEqual([c.flags.state, c.disabled.run, c.disabled.cancel, store.state.status.text], ["starting", true, true, "run.connecting"]);
  assertEqual(socket.sent, [["start", true]], "a challenge's run starts paused");

  socket.say("started", { runId: 7, speed: 1, params: { n: 1 }, settings: {} });
  c = controlsOf(store.state);
  assertEqual([c.flags.state, c.flags.paused, c.disabled.run, c.disabled.cancel, c.disabled.pause, c.disabled.step], ["running", "true", false, false, false, false]);
  assertEqual([store.state.mode, c.labels.pause, c.disabled["export-svg"], c.flags.gate], ["live", "button.resume", true, null]);

  socket.say("events", { runId: 7, clock: { lessonNs: 0, rate: 1 }, events: [spawn(0, 0, "main"), spawn(1, 1, "A")] });
  socket.say("events", { runId: 6, events: [spawn(2, 2, "B")] });
  assertEqual([store.state.model.events, controlsOf(store.state).flags.events], [2, "2"], "an older run's batch is not ours");

  socket.say("gate", { runId: 7, paused: true, held: [{ actor: 1, kind: "ACQUIRE", object: "a", line: 12 }] });
  c = controlsOf(store.state);
  assertEqual([c.flags.gate, c.flags.heldKnown, store.state.status.text], ["1", "true", "run.paused-held(1)"]);
  assertEqual(heldNow(store.state).map((h) => [h.actor, h.line]), [[1, 12]]);

  store.set({ selected: 1 });
  run.step();
  assertEqual(socket.sent.at(-1), ["step", 1], "the selected thread, held, goes");
  run.togglePause();
  assertEqual(socket.sent.at(-1), ["resume"]);

  socket.say("end", { runId: 7, outcome: { status: "DEADLOCK", elapsedNs: 1e9 } });
  c = controlsOf(store.state);
  assertEqual([c.flags.state, c.flags.outcome, c.flags.paused, c.disabled.run, c.disabled.cancel, c.disabled.pause, c.disabled.step], ["ended", "DEADLOCK", "false", false, true, true, true]);
  assertEqual([ended.length, ended[0].events.length, ended[0].outcome.status], [1, 2, "DEADLOCK"]);
  assertEqual(heldNow(store.state), [], "nothing is held once it is over");
});

test("live run: a slow connection is named in the status only when its updates came noticeably late, and by how much", () => {
  const { store, socket, run, tick } = liveFixture();
  run.start({}, {});
  socket.say("started", { runId: 1, speed: 1 });
  socket.say("events", { runId: 1, events: [], skipped: 3 });
  assertEqual([store.state.lag, store.state.status.text], [null, "run.running"], "a frame or three late: nothing to say");
  socket.say("events", { runId: 1, events: [], skipped: 16 });
  assertEqual(store.state.status.text, "run.running · run.late(0.40)");
  tick(6000);
  socket.say("events", { runId: 1, events: [], skipped: 0 });
  assertEqual([store.state.lag, store.state.status.text], [null, "run.running"], "caught up: said no more");
});

test("live run: paused, the status says how many threads are held, or that none is; a step with none held is answered", () => {
  const { store, socket, run } = liveFixture();
  run.start({}, {});
  socket.say("started", { runId: 1, speed: 1 });
  run.togglePause();
  assertEqual([store.state.paused, store.state.status.text], [false, "run.pausing"], "asked, not confirmed");
  socket.say("gate", { runId: 1, paused: true, held: [] });
  assertEqual(store.state.status.text, "run.paused-none");
  const stepped = [];
  run.on("step", (s) => stepped.push(s.actor));
  run.step();
  assertEqual([socket.sent.at(-1), stepped], [["step", null], [null]], "asked all the same: the server may move time on");
  socket.say("gate", { runId: 1, paused: true, held: [{ actor: 2, kind: "WAKE", line: 9 }, { actor: 1, kind: "ACQUIRE", line: 3 }] });
  run.step();
  assertEqual([socket.sent.at(-1), stepped], [["step", null], [null, 2]], "the server steps the first to arrive: that one is named as stepped");
});

test("live run: a step with none held that moves lesson time is told as a jump, the thread it woke held from there; one nothing answers is told why", async () => {
  const { store, socket, run, spawn } = liveFixture();
  const story = stepHistory({ store, t });
  run.on("step", ({ actor }) => story.stepped(actor));
  const wait = () => new Promise((r) => setTimeout(r, STEP_ANSWER_MS + 150));
  run.start({}, {}, true);
  socket.say("started", { runId: 1, speed: 1 });
  const sleep = { seq: 2, timeNs: 0.1e9, actor: 1, kind: "SLEEP", object: null, value: 2, line: 0, cause: -1 };
  socket.say("events", { runId: 1, clock: { lessonNs: 0.2e9, rate: 0 }, events: [spawn(0, 0, "main"), spawn(1, 1, "T"), sleep] });
  socket.say("gate", { runId: 1, paused: true, held: [], jump: null });
  assertEqual([store.state.status.text, controlsOf(store.state).flags.jump], ["run.paused-none", null]);

  run.step();
  const jump = { number: 1, fromNs: 0.2e9, toNs: 2.1e9, byNs: 1.9e9, woke: [1] };
  socket.say("gate", { runId: 1, paused: true, held: [], jump });
  assertEqual([store.state.status.text, controlsOf(store.state).flags.jump], ["run.jumped(unit.s(1.9),jump.woke(T))", "1"]);
  assertEqual(store.state.clock.now(0), 2.1, "lesson time stands where the step moved it");
  socket.say("gate", { runId: 1, paused: true, held: [{ actor: 1, kind: "PRINT", line: 5 }], jump });
  assertEqual(store.state.status.text, "run.jumped(unit.s(1.9),jump.held(T))");
  assertEqual(store.state.holds, [{ actor: 1, from: 2.1, to: null }], "held from the jump's end, not from its sleep");
  await wait();
  assertEqual(store.state.stepNote, null, "never 'nothing moved' after a jump");

  run.step(); // T goes on from its print: its step is under way until it reaches its next one
  socket.say("gate", { runId: 1, paused: true, held: [], jump: null });
  assertEqual([store.state.status.text, controlsOf(store.state).flags.jump], ["run.paused-stepping(T)", null], "a held step went through: the jump is over");
  run.step();
  await wait(); // a step under way: the server does nothing, and the page says whose step goes on
  assertEqual(store.state.stepNote, "step.under-way(T,now.sleeping(T,2))");
  socket.say("events", { runId: 1, clock: { lessonNs: 2.2e9, rate: 0 }, events: [{ seq: 3, timeNs: 2.2e9, actor: 1, kind: "EXIT", object: null, value: null, line: 0, cause: -1 }] });
  assertEqual([store.state.status.text, store.state.stepNote], ["run.paused-none", null], "T ended: no step under way, and the note is old news");
  run.step();
  await wait(); // no timer to jump to: the server says nothing
  assertEqual(store.state.stepNote, "step.none(now.created(main))");
});

test("a jump's sentence: how far time jumped, and each thread it woke held, ended or just woken", () => {
  const model = { actors: new Map([[1, { name: "A", segments: [{ state: "running" }] }], [2, { name: "B", segments: [{ state: "finished" }] }], [3, { name: "C", segments: [{ state: "sleeping" }] }]]) };
  const held = new Map([[1, { actor: 1 }]]);
  assertEqual(jumpSaid(model, { by: 0.05, woke: [1, 2, 3] }, held, t), "run.jumped(unit.ms(50),jump.held(A)finding.joinerjump.ended(B)finding.joinerjump.woke(C))");
});

test("live run: queued, then left; refused; the socket closed: Run is offered again each time", () => {
  const { store, socket, run } = liveFixture();
  run.start({}, {});
  socket.say("queued", { position: 2 });
  let c = controlsOf(store.state);
  assertEqual([c.flags.state, c.disabled.run, c.disabled.cancel, c.disabled.pause, store.state.status.text], ["queued", false, false, true, "run.queued(2)"]);
  run.cancel();
  c = controlsOf(store.state);
  assertEqual([c.flags.state, c.disabled.cancel, store.state.status.text], ["ended", true, "run.dequeued"]);

  run.start({}, {});
  socket.say("error", { code: "bad-parameter" });
  c = controlsOf(store.state);
  assertEqual([c.flags.state, c.disabled.run, store.state.status], ["idle", false, { text: "refused bad-parameter", error: true }], "no run shown yet: idle");

  run.start({}, {});
  socket.say("started", { runId: 2, speed: 1 });
  socket.say("close");
  c = controlsOf(store.state);
  assertEqual([c.flags.state, c.disabled.run, c.disabled.cancel, c.disabled.pause, c.disabled.step, store.state.status.text], ["ended", false, true, true, true, "run.disconnected"]);
});

test("steps' story: a thread is held from its last event until the step that lets it go, placed at its next event", () => {
  const held = (...ids) => new Map(ids.map((id) => [id, { actor: id, kind: "ACQUIRE", line: 9 }]));
  const lastOf = (id) => ({ 1: 0.001, 2: 0.002 })[id];
  let holds = holdsAfter([], held(1, 2), true, 0.005, lastOf);
  assertEqual(holds, [{ actor: 1, from: 0.001, to: null }, { actor: 2, from: 0.002, to: null }]);
  holds = holdsAfterStep(holds, 1);
  assertEqual(holds[0].to, Infinity, "let go: held until its next event, once known");
  const points = new Map([[7, { actor: 2, t: 0.006 }], [8, { actor: 1, t: 0.007 }]]);
  const placed = placeSteps([{ n: 1, actor: 1, t: null, from: 7 }], holds, points, 9);
  assertEqual([placed.steps[0].t, placed.holds[0].to, placed.holds[1].to], [0.007, 0.007, null]);
  assertEqual(holdsAfter(placed.holds, held(2), false, 0.01, lastOf).map((h) => h.to), [0.007, 0.01], "resumed: every hold ends");
});

test("held list: every thread held this pause keeps its place, in lane order; afresh once the run goes on", () => {
  const held = (...ids) => new Map(ids.map((id) => [id, {}]));
  const alive = (id) => id !== 9;
  assertEqual(heldOrder([], held(3, 1), true, alive), [1, 3]);
  assertEqual(heldOrder([1, 3], held(3), true, alive), [1, 3], "1 is busy with its step: it keeps its place");
  assertEqual(heldOrder([1, 3], held(2, 9), true, alive), [1, 2, 3], "an ended thread leaves");
  assertEqual(heldOrder([1, 3], held(1), false, alive), []);
  const s = { ...initialState(), mode: "live", gate: { paused: true, held: new Map([[3, { actor: 3, kind: "ACQUIRE", object: "a", line: 29 }]]) },
    heldOrder: [1, 3], justStepped: 1, javaToPython: { 29: 12 },
    model: { actors: new Map([[1, { name: "A", segments: [{ state: "running" }] }], [3, { name: "B", segments: [] }]]) } };
  assertEqual(heldItems(s, t).map((h) => [h.name, h.held, h.stepped, h.text]),
    [["A", false, true, "held.busy(A)"], ["B", true, false, "held.thread(B,kind.ACQUIRE a,line.both(12,29))"]]);
});

test("lines: Python's number first, Java's second; before the first line never reads line 0", () => {
  assertEqual([lineName(38, { 38: 11 }, t), lineName(38, {}, t), lineName(0, { 0: 5 }, t)], ["line.both(11,38)", "line.java(38)", "line.before"]);
});

test("result line and a still step: the last print and who made it; why no thread can move", () => {
  const model = { prints: [{ actor: 0, text: "total = 0" }], actors: new Map([[0, { name: "main", segments: [{ state: "joining", object: "T" }] }],
    [1, { name: "T", segments: [{ state: "sleeping", value: 2 }] }], [2, { name: "U", segments: [{ state: "finished" }] }]]) };
  assertEqual(resultOf(model), { actor: "main", text: "total = 0" });
  assertEqual(resultOf({ prints: [], actors: new Map() }), null);
  assertEqual(whyStill(model, t), "step.none(now.joining(main,T)finding.joinernow.sleeping(T,2))");
});
