// The live run: the run socket, the lesson clock and the recording being made. Run, Cancel, Pause,
// Resume and Step go to the server from here, and what the server answers is written to the page's
// state. Dispatches "batch" after each batch of events, "step" ({actor}: the thread let go, null when none
// was held) when a step is asked for, and "end" (recording) when the run is over. No DOM of its own:
// `connect` opens the socket (connection.js).
import d3 from "../d3.js";
import { connect as openSocket } from "../connection.js";
import { lessonClock } from "../clock.js";
import { applyBatch, applyEnd, createModel } from "../model.js";
import { recorder } from "../replay.js";
import { openGate } from "./state.js";
import { lagAfter, lagText } from "./lag.js";
import { jumpOf, jumpSaid, stepUnderWay } from "../why-still.js";

/**
 * The live run of `scenario` for a page in `lang`. `errorText(message)` words a refusal (and may mark the
 * field it is about); `clock()` is the real time in milliseconds.
 */
export function liveRun({ store, scenario, lang, t, errorText, connect = openSocket, clock = () => performance.now() }) {
  const events = d3.dispatch("batch", "step", "end");
  let connection = null;
  let rec = null; // the recorder of the run going on
  let startPaused = false; // the run asked for starts paused (a challenge)

  /**
   * The status line of a running run, which claims nothing that is not so: running; pausing (asked, not
   * yet confirmed); paused with n threads held at their next step, or with none (all sleep or wait, or
   * the last step is still under way); the jump of lesson time a step made when none was at a step, and
   * what became of the threads it woke; and how late a slow connection's updates came, while they do.
   */
  function runningStatus(paused, gate, lag) {
    const s = store.state;
    const busy = paused && gate.paused && gate.held.size === 0 ? stepUnderWay({ ...s, gate }) : null;
    let text = t("run.running");
    if (paused && !gate.paused) text = t("run.pausing");
    else if (paused && gate.jump) text = jumpSaid(s.model, gate.jump, gate.held, t);
    else if (busy != null) text = t("run.paused-stepping", s.model.actors.get(busy).name);
    else if (paused) text = gate.held.size > 0 ? t("run.paused-held", gate.held.size) : t("run.paused-none");
    const late = lagText(lag, t);
    return { text: late ? `${text} · ${late}` : text, error: false };
  }

  /** Pause shows as Resume and Step is offered while the run is paused; the status says so while it runs. */
  function shownPaused(paused, gate = store.state.gate, lag = store.state.lag) {
    return store.state.phase === "running" ? { paused, status: runningStatus(paused, gate, lag) } : { paused };
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
          lag: null,
          holds: [],
          steps: [],
          justStepped: null,
          heldOrder: [],
          stepNote: null,
          selected: null,
          phase: "running",
          outcome: null,
          asking: false, // a second Run restarts: the server cancels this run first
          serverRun: "live",
          paused: startPaused,
          status: runningStatus(startPaused, openGate(), null),
        });
      })
      .on("events", (message) => {
        if (!ours(message)) return;
        const s = store.state;
        s.clock.batch(message.clock, clock());
        applyBatch(s.model, message);
        rec.batch(message);
        const patch = { model: s.model };
        // frames at which this connection was still taking the last batch: its updates came that late
        const lag = lagAfter(s.lag, message.skipped ?? 0, clock());
        // paused, the news of a jump's threads (one that woke has ended) or of a step under way is told as it comes
        if (lag !== s.lag || (s.paused && s.gate.paused)) Object.assign(patch, { lag }, shownPaused(s.paused, s.gate, lag));
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
        // in the order they arrived at the gate (the server steps the first when none is named)
        const held = new Map((message.held ?? []).map((h) => [h.actor, h]));
        const jump = jumpOf(message);
        if (message.paused) s.clock.pause(clock());
        else s.clock.resume();
        if (jump && message.paused) s.clock.leap(jump.to); // lesson time stands where the step moved it
        const gate = { paused: message.paused, held, jump };
        store.set({
          gateMessages: s.gateMessages + 1,
          heldKnown: s.heldKnown || Boolean(message.held),
          gate,
          ...shownPaused(message.paused, gate),
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
      else {
        connection.pause();
        store.set({ status: runningStatus(true, s.gate, s.lag) }); // "pausing" until the server's gate says who is held
      }
    },
    /** Lets one held thread take its step: `actor`, or the selected one if it is held, or the longest held. */
    step(actor = null) {
      const s = store.state;
      if (s.mode !== "live" || !s.gate.paused || !connection) return;
      const who = actor ?? (s.selected != null && s.gate.held.has(s.selected) ? s.selected : null);
      // without a name the server steps the thread held longest: the first in the gate's order
      events.call("step", null, { actor: who ?? s.gate.held.keys().next().value ?? null });
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
