// The live run: the run socket, the lesson clock and the recording being made. Run, Cancel, Pause,
// Resume and Step go to the server from here, and what the server answers is written to the page's
// state. Dispatches "batch" after each batch of events, "step" when a step is asked for, and "end"
// (recording) when the run is over. No DOM of its own: `connect` opens the socket (connection.js).
import d3 from "../d3.js";
import { connect as openSocket } from "../connection.js";
import { lessonClock } from "../clock.js";
import { applyBatch, applyEnd, createModel, now } from "../model.js";
import { recorder } from "../replay.js";
import { openGate } from "./state.js";

/**
 * The live run of `scenario` for a page in `lang`. `errorText(message)` words a refusal (and may mark the
 * field it is about); `clock()` is the real time in milliseconds.
 */
export function liveRun({ store, scenario, lang, t, errorText, connect = openSocket, clock = () => performance.now() }) {
  const events = d3.dispatch("batch", "step", "end");
  let connection = null;
  let rec = null; // the recorder of the run going on
  let startPaused = false; // the run asked for starts paused (a challenge)

  /** The status line of a running run: running or paused, and how many updates a slow connection had merged. */
  function runningStatus(paused, skipped) {
    const text = t(paused ? "run.paused" : "run.running");
    return { text: skipped > 0 ? `${text} · ${t("run.skipped", skipped)}` : text, error: false };
  }

  /** Pause shows as Resume and Step is offered while the run is paused; the status says so while it runs. */
  function shownPaused(paused, skipped = store.state.skipped) {
    return store.state.phase === "running" ? { paused, status: runningStatus(paused, skipped) } : { paused };
  }

  /** A message about the run this page shows live (not an older one's). */
  function ours(message) {
    const s = store.state;
    return s.model != null && message.runId === s.model.runId && s.mode === "live";
  }

  function ensureConnection() {
    if (connection) return connection;
    connection = connect()
      .on("started", (message) => {
        rec = recorder(scenario, lang);
        rec.started(message);
        store.set({
          model: createModel(message),
          clock: lessonClock(message.speed).started(clock()),
          recording: rec.recording,
          replay: null,
          mode: "live",
          gate: openGate(),
          gateMessages: 0,
          heldKnown: false,
          skipped: 0,
          selected: null,
          phase: "running",
          outcome: null,
          asking: false, // a second Run restarts: the server cancels this run first
          serverRun: "live",
          paused: startPaused,
          status: runningStatus(startPaused, 0),
        });
      })
      .on("events", (message) => {
        if (!ours(message)) return;
        const s = store.state;
        s.clock.batch(message.clock, clock());
        applyBatch(s.model, message);
        rec.batch(message);
        const patch = { model: s.model };
        if (message.skipped > 0) {
          // the server merged updates this connection could not take in time
          patch.skipped = s.skipped + message.skipped;
          Object.assign(patch, shownPaused(s.gate.paused, patch.skipped));
        }
        store.set(patch);
        events.call("batch");
      })
      .on("end", (message) => {
        if (!ours(message)) return;
        const { model } = store.state;
        applyEnd(model, message.outcome);
        rec.end(message.outcome);
        store.set({
          model,
          phase: "ended",
          outcome: model.outcome.status,
          status: { text: t("run.ended") },
          asking: false,
          serverRun: null,
          gate: openGate(), // a run that ended while paused: nothing is held any more
          paused: false,
        });
        events.call("end", null, rec.recording);
      })
      .on("gate", (message) => {
        if (!ours(message)) return;
        const s = store.state;
        // when each thread was first seen held: its lane is drawn held from then on
        const seen = now(s.model, s.clock.now(clock()));
        const held = new Map((message.held ?? []).map((h) => [h.actor, { ...h, since: s.gate.held.get(h.actor)?.since ?? seen }]));
        if (message.paused) s.clock.pause(clock());
        else s.clock.resume();
        store.set({
          gateMessages: s.gateMessages + 1,
          heldKnown: s.heldKnown || Boolean(message.held),
          gate: { paused: message.paused, held },
          ...shownPaused(message.paused),
        });
      })
      .on("queued", (message) => {
        // a new Run takes this request's place in the queue; Cancel leaves the queue
        store.set({ phase: "queued", status: { text: t("run.queued", message.position) }, asking: false, serverRun: "queued" });
      })
      .on("error", (message) => {
        const s = store.state;
        const patch = { status: { text: errorText(message), error: true }, asking: false };
        if (s.phase === "starting") patch.phase = s.mode === "live" ? "running" : s.mode === "replay" ? "ended" : "idle";
        store.set(patch);
      })
      .on("close", () => {
        connection = null;
        const s = store.state;
        const patch = { asking: false, serverRun: null };
        if ((s.mode === "live" && s.phase === "running") || s.phase === "queued") {
          Object.assign(patch, { status: { text: t("run.disconnected"), error: true }, phase: "ended" });
        }
        store.set(patch);
      });
    return connection;
  }

  const run = {
    /** Asks the server to run the scenario; a challenge's run starts paused, every thread held at its first step. */
    start(params, settings, paused = false) {
      startPaused = paused;
      store.set({ phase: "starting", status: { text: t("run.connecting") }, asking: true });
      ensureConnection().start(scenario, params, paused ? { ...settings, paused: true } : settings);
    },
    /** Cancels the run; a request that waited in the queue simply leaves it (the server answers nothing). */
    cancel() {
      connection?.cancel();
      if (store.state.phase === "queued") store.set({ phase: "ended", status: { text: t("run.dequeued") }, serverRun: null });
    },
    /** Cancels a live run the page turns away from (to replay a recording). */
    abandon() {
      if (store.state.mode === "live") connection?.cancel();
    },
    togglePause() {
      const s = store.state;
      if (s.mode !== "live" || !connection || s.phase !== "running") return;
      if (s.paused === true) connection.resume();
      else connection.pause();
    },
    /** Lets one held thread take its step: `actor`, or the selected one if it is held, or the longest held. */
    step(actor = null) {
      const s = store.state;
      if (s.mode !== "live" || !s.gate.paused || !connection) return;
      const who = actor ?? (s.selected != null && s.gate.held.has(s.selected) ? s.selected : null);
      events.call("step");
      connection.step(who);
    },
    /** Opens the socket and hears it before any start: a page that follows its room's run. */
    listen() {
      ensureConnection();
      return run;
    },
    on(type, listener) {
      events.on(type, listener);
      return run;
    },
  };
  return run;
}
