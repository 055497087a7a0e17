// The scenario page's state, in one place: what is loaded (a live run or a recording) and whether it is
// live or replayed, what the server said of the run (queued, running, paused, who is held), where the
// replay stands, what the learner selected and chose (the parameters the address holds). Controllers
// change it with set(patch); whatever shows it (the buttons and flags, the views) listens to "change".
// Pure: no DOM.
import d3 from "../d3.js";

/** A gate with nothing held: the run goes on. */
export function openGate() {
  return { paused: false, held: new Map(), jump: null };
}

/** The state of a page that has run nothing yet. */
export function initialState() {
  return {
    // the run, as the server tells it
    phase: null, // <main data-state>: "starting", "queued", "running", "ended"; "idle" after a refused first start
    mode: "idle", // "live" while the socket feeds a run, "replay" after it or for an opened recording
    asking: false, // a start was sent and not answered yet: Run waits
    serverRun: null, // the run the server holds for this page: "queued" or "live"; null when none
    watching: false, // the page shows its room's run (a student following the teacher): not its own to steer
    roomPanel: null, // the room's panel of a teacher's page: true shown, false hidden; null when teaching none
    paused: null, // the run shows as paused (Pause reads Resume, Step is offered); null before any run
    gate: openGate(), // the server's gate: {paused, held: Map(actor -> {actor, kind, object, line, since}), jump}
    // jump: how the last step moved lesson time when no thread was at a step, {number, from, to, by (lesson
    // seconds), woke: [actor ids]}, until a held step goes through; null otherwise
    gateMessages: 0, // the server's words on the gate this run (tests wait for the next one)
    heldKnown: false, // the server names the held threads
    lag: null, // {ms, at}: how late a slow connection's updates came lately (lag.js); null when they do not
    holds: [], // {actor, from, to}: when each thread was held at the gate, in lesson seconds (to null while held)
    steps: [], // {n, actor, t}: the steps taken, in order, each the thread it let go and when
    justStepped: null, // the thread the latest step let go
    heldOrder: [], // the held list's places this pause: every thread held since the pause, in lane order
    stepNote: null, // why the latest step moved nothing, or null
    outcome: null, // <main data-outcome>: how the run shown ended
    status: null, // {text, error}: the status line, rewritten each time it is set
    // what is loaded
    model: null, // the run as it stands (live) or stood at the replay's time; changed in place
    clock: null, // the live run's lesson clock
    recording: null, // the run's recording: being made while live, or the one replayed
    replay: null, // the replayer of the recording, once the run is over or opened
    replayT: 0, // the replay's lesson time
    playing: false,
    replaySpeed: 1,
    // the learner's
    selected: null, // the thread picked
    line: 0, // the Java line picked with it, shown in both listings
    challenge: null, // {status: "playing" | "won" | "too-fast", steps, won: {key, args, marks}}
    zoomed: false, // the timeline shows a window of the run, not all of it
    follow: true, // the window slides with a live run
    hiddenLinks: new Set(), // kinds of arrows turned off
    javaToPython: null, // {javaLine: pythonLine} of the listing shown
    python: null, // CPython's own run of the listing, drawn under ThreadLab's (python-model.js)
    params: {}, // the parameters and settings chosen in the form, which the address holds
    settings: {},
    committed: false, // a run committed the address to the history: the next change starts a new entry
  };
}

/**
 * The store: `state` is the current state (frozen: change it with set); set(patch) replaces the fields
 * named and dispatches "change" (state, changed) with the set of their names, even when a value is the
 * same object (a model changed in place). A set() made by a listener is dispatched once the current
 * dispatch is over, so every listener hears every change, in order, and none runs inside another.
 */
export function pageState(initial = initialState()) {
  const dispatch = d3.dispatch("change");
  let state = Object.freeze({ ...initial });
  let queue = null;
  const store = {
    get state() {
      return state;
    },
    set(patch) {
      state = Object.freeze({ ...state, ...patch });
      const changed = new Set(Object.keys(patch));
      if (queue) {
        queue.push(changed);
        return store;
      }
      queue = [changed];
      try {
        while (queue.length) dispatch.call("change", null, state, queue.shift());
      } finally {
        queue = null;
      }
      return store;
    },
    on(type, listener) {
      dispatch.on(type, listener);
      return store;
    },
  };
  return store;
}

/** The threads held at the gate, while a live run is paused (none otherwise). */
export function heldNow(state) {
  return state.mode === "live" && state.gate.paused ? [...state.gate.held.values()] : [];
}
