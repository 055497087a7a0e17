// A run's recording, and the run as it stood at any time of it: replaying never runs the scenario
// again (a rerun would be another interleaving), it folds the recorded events up to the time asked.
// Pure: no DOM; the page moves the time.
import { applyEnd, applyEvents, createModel } from "./model.js";

const FORMAT = "threadlab-recording";
const VERSION = 1;

/** A recording being made while a run goes on: feed it the server's messages as they come. */
export function recorder(scenario, lang) {
  const rec = { format: FORMAT, version: VERSION, scenario, lang, started: null, lessonTime: null, events: [], outcome: null };
  return {
    recording: rec,
    started(message) {
      rec.started = { runId: message.runId, speed: message.speed, params: message.params ?? {}, settings: message.settings ?? {} };
    },
    batch(message) {
      if (rec.lessonTime == null) rec.lessonTime = message.clock != null;
      for (const e of message.events) rec.events.push(e);
    },
    end(outcome) {
      rec.outcome = outcome;
    },
  };
}

/** Reads a recording from its JSON text; throws an Error whose message is a ui key when it is not one. */
export function parseRecording(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("recording.not-json");
  }
  if (!data || data.format !== FORMAT || !Array.isArray(data.events) || !data.started || typeof data.scenario !== "string") {
    throw new Error("recording.not-ours");
  }
  if (data.version > VERSION) throw new Error("recording.too-new");
  for (const e of data.events) {
    if (typeof e !== "object" || e == null || typeof e.seq !== "number" || typeof e.timeNs !== "number" || typeof e.kind !== "string") {
      throw new Error("recording.not-ours");
    }
  }
  return data;
}

function emptyModel(rec) {
  const model = createModel({ runId: rec.started.runId ?? 0, speed: rec.started.speed ?? 1 });
  model.lessonTime = rec.lessonTime ?? true;
  model.scale = model.lessonTime ? 1 : model.speed;
  return model;
}

/**
 * Replays a recording: at(t) is the model with every event up to lesson time t folded in (kept and
 * moved forward when t grows, rebuilt when it goes back); times are the events' times, for stepping.
 */
export function replayer(rec) {
  const scale = (rec.lessonTime ?? true) ? 1 : (rec.started.speed ?? 1);
  // events in recorded order; their times may differ a little from that order across threads, so a
  // prefix is cut where the running maximum passes t
  const reach = new Float64Array(rec.events.length);
  let max = 0;
  rec.events.forEach((e, i) => {
    max = Math.max(max, (e.timeNs * scale) / 1e9);
    reach[i] = max;
  });
  const end = rec.outcome ? Math.max(max, (rec.outcome.elapsedNs * scale) / 1e9) : max;
  let model = emptyModel(rec);
  let applied = 0;

  /** How many events happened by time t. */
  function countAt(t) {
    let lo = 0;
    let hi = reach.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reach[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  return {
    end,
    count: rec.events.length,
    /** The run as it stood at lesson time t (the model is reused: do not keep it across calls). */
    at(t) {
      const k = countAt(t);
      if (k < applied) {
        model = emptyModel(rec);
        applied = 0;
      }
      if (k > applied) applyEvents(model, rec.events.slice(applied, k));
      applied = k;
      if (k === rec.events.length && rec.outcome && t >= end) applyEnd(model, rec.outcome);
      return model;
    },
    /** The time of the first event after t (or the end). */
    next(t) {
      const k = countAt(t);
      return k < reach.length ? reach[k] : end;
    },
    /** The time of the last event before t (or 0). */
    previous(t) {
      let k = countAt(t) - 1;
      while (k >= 0 && reach[k] >= t) k--;
      return k >= 0 ? reach[k] : 0;
    },
  };
}
