// The page's controls and flags, derived from its state in one place: which buttons are enabled, what
// Pause says, the status line (with the answer to a step that moved nothing), and the data-* flags on
// <main> that tests and styles read.
// controlsOf is pure (tested); showControls applies it after every change.

const SHARE = ["download-recording", "export-svg", "export-png", "export-trace"];

/**
 * What the controls show for a state: {disabled: {id: boolean}, pressed: {id: boolean},
 * labels: {id: text key or null (left as it is)}, flags: {name: string or null (removed)}}.
 */
export function controlsOf(s) {
  const disabled = {
    run: s.asking, // a second Run restarts while a run goes on (the server cancels it first), or takes a queued one's place
    cancel: s.serverRun == null || s.watching, // cancels the run, or leaves the queue; a room's run is the teacher's
    pause: s.serverRun !== "live" || s.watching,
    step: !(s.serverRun === "live" && s.paused === true) || s.watching,
    "zoom-reset": !s.zoomed,
    "follow-live": !following(s), // there is nothing to follow but a live run
  };
  for (const id of SHARE) disabled[id] = s.mode !== "replay"; // files of a run that is over
  return {
    disabled,
    pressed: { "follow-live": following(s) && s.follow },
    labels: { pause: s.paused == null ? null : s.paused ? "button.resume" : "button.pause" },
    flags: {
      state: s.phase,
      outcome: s.outcome,
      paused: s.paused == null ? null : String(s.paused),
      gate: s.gateMessages > 0 ? String(s.gateMessages) : null, // for tests: a new word on the gate arrived
      heldKnown: s.heldKnown ? "true" : null, // the server says who is held (contract 2)
      challenge: s.challenge?.status ?? null,
      watching: s.watching ? "true" : null, // a student's page follows the room's run
      replayT: s.replay ? String(s.replayT) : null,
      events: s.model ? String(s.model.events) : null,
      steps: s.steps?.length ? String(s.steps.length) : null,
      stepNote: s.stepNote ? "true" : null,
      jump: s.gate.jump ? String(s.gate.jump.number) : null, // the number of the jump the status tells
      roomPanel: s.roomPanel == null ? null : s.roomPanel ? "shown" : "hidden",
    },
  };
}

/** A live run is going on: the window may follow it. */
function following(s) {
  return s.mode === "live" && s.phase === "running";
}

/** Keeps the controls of `page` (found by id) and its flags in step with the store's state. */
export function showControls({ store, page, status, t }) {
  const element = (id) => page.ownerDocument.getElementById(id);
  function show(state, changed) {
    const c = controlsOf(state);
    for (const [id, off] of Object.entries(c.disabled)) {
      const button = element(id);
      if (button && button.disabled !== off) button.disabled = off;
    }
    for (const [id, on] of Object.entries(c.pressed)) {
      const button = element(id);
      if (button && button.getAttribute("aria-pressed") !== String(on)) button.setAttribute("aria-pressed", String(on));
    }
    for (const [id, key] of Object.entries(c.labels)) {
      const button = element(id);
      if (button && key != null && button.textContent !== t(key)) button.textContent = t(key);
    }
    for (const [name, value] of Object.entries(c.flags)) {
      if (value == null) delete page.dataset[name];
      else if (page.dataset[name] !== value) page.dataset[name] = value;
    }
    if ((changed.has("status") || changed.has("stepNote")) && state.status) {
      status.textContent = state.status.text;
      status.classList.toggle("error", Boolean(state.status.error));
      if (state.stepNote) {
        const note = status.ownerDocument.createElement("span");
        note.className = "status-note";
        note.textContent = state.stepNote;
        status.append(note);
      }
    }
  }
  store.on("change.controls", show);
  show(store.state, new Set());
}
