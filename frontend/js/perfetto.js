// A run as a Perfetto trace: the TrackEvent protobuf, written by hand (varints and length-delimited
// fields are all it takes), because Perfetto's JSON format drops flows and the causal arrows are the
// lesson. A track per process, a track per thread (its states as slices), a GIL track per process (who
// holds it), prints as instants, and every causal link as a flow from its cause to its effect.
// Field numbers are those of perfetto/trace/trace_packet.proto and track_event/*.proto. Pure.
import { segmentEnd } from "./model.js";

// ---- a minimal protobuf writer ----

class Writer {
  constructor() {
    this.bytes = [];
  }
  varint(n) {
    let v = Math.max(0, Math.floor(n));
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
    return this;
  }
  tag(field, wire) {
    return this.varint(field * 8 + wire);
  }
  uint(field, n) {
    return this.tag(field, 0).varint(n);
  }
  fixed64(field, n) {
    this.tag(field, 1);
    let v = Math.max(0, Math.floor(n));
    for (let i = 0; i < 8; i++) {
      this.bytes.push(v % 256);
      v = Math.floor(v / 256);
    }
    return this;
  }
  bytesField(field, array) {
    this.tag(field, 2).varint(array.length);
    for (const b of array) this.bytes.push(b);
    return this;
  }
  string(field, text) {
    return this.bytesField(field, new TextEncoder().encode(String(text)));
  }
  message(field, build) {
    const inner = new Writer();
    build(inner);
    return this.bytesField(field, inner.bytes);
  }
}

// Field numbers.
const TRACE_PACKET = 1;
const PACKET = { timestamp: 8, sequenceId: 10, trackEvent: 11, sequenceFlags: 13, trackDescriptor: 60 };
const TRACK = { uuid: 1, name: 2, process: 3, thread: 4, parentUuid: 5 };
const PROCESS = { pid: 1, name: 6 };
const THREAD = { pid: 1, tid: 2, name: 5 };
const EVENT = { annotations: 4, type: 9, trackUuid: 11, categories: 22, name: 23, flowIds: 47, terminatingFlowIds: 48 };
const ANNOTATION = { stringValue: 6, name: 10 };
const SLICE_BEGIN = 1;
const SLICE_END = 2;
const INSTANT = 3;
const SEQUENCE = 1;
const INCREMENTAL_STATE_CLEARED = 1;
const NEEDS_INCREMENTAL_STATE = 2;

const ns = (seconds) => Math.max(0, Math.round(seconds * 1e9));

/**
 * The trace of a model, as bytes. `t` gives the words (state names) in the learner's language.
 * Returns {bytes: Uint8Array, tracks, slices, flows} (the counts, for the page to say what it wrote).
 */
export function perfettoTrace(model, t = (k) => k) {
  const out = new Writer();
  const end = model.end ?? model.lastT;
  let first = true;
  const descriptor = (build) => {
    out.message(TRACE_PACKET, (p) => {
      p.uint(PACKET.sequenceId, SEQUENCE);
      if (first) p.uint(PACKET.sequenceFlags, INCREMENTAL_STATE_CLEARED);
      first = false;
      p.message(PACKET.trackDescriptor, build);
    });
  };

  // tracks: processes, their threads, their GILs
  const pids = [...new Set([...model.actors.values()].map((a) => a.pid ?? 0))];
  const processUuid = new Map(pids.map((pid, i) => [pid, 1 + i]));
  const threadUuid = (id) => 1000 + id;
  const gilUuid = (pid) => 100 + (processUuid.get(pid) ?? 0);
  let tracks = 0;
  for (const pid of pids) {
    const main = [...model.actors.values()].find((a) => (a.pid ?? 0) === pid && a.type === "PROCESS");
    descriptor((d) => {
      d.uint(TRACK.uuid, processUuid.get(pid));
      d.message(TRACK.process, (p) => p.uint(PROCESS.pid, pid).string(PROCESS.name, main ? main.name : `pid ${pid}`));
    });
    tracks++;
  }
  for (const actor of model.actors.values()) {
    descriptor((d) => {
      d.uint(TRACK.uuid, threadUuid(actor.id));
      d.uint(TRACK.parentUuid, processUuid.get(actor.pid ?? 0));
      d.message(TRACK.thread, (th) => th.uint(THREAD.pid, actor.pid ?? 0).uint(THREAD.tid, 1 + actor.id).string(THREAD.name, actor.name));
    });
    tracks++;
  }
  for (const pid of model.gil.keys()) {
    descriptor((d) => d.uint(TRACK.uuid, gilUuid(pid)).uint(TRACK.parentUuid, processUuid.get(pid) ?? 1).string(TRACK.name, "GIL"));
    tracks++;
  }

  // events, each {ts, order, write}; sorted by time, a track's own order kept for equal times
  const events = [];
  let order = 0;
  const push = (ts, track, type, fields = {}) => events.push({ ts, order: order++, track, type, ...fields });
  let slices = 0;
  for (const actor of model.actors.values()) {
    for (const s of actor.segments) {
      if (s.state === "finished" || s.state === "created") continue;
      const [a, b] = [ns(s.start), ns(Math.min(segmentEnd(s, end), end))];
      const name = s.object ? `${t(`state.${s.state}`)} · ${s.object}` : t(`state.${s.state}`);
      const notes = s.line > 0 ? [["line", String(s.line)]] : [];
      if (b <= a) {
        push(a, threadUuid(actor.id), INSTANT, { name, notes });
      } else {
        push(a, threadUuid(actor.id), SLICE_BEGIN, { name, notes, category: s.state });
        push(b, threadUuid(actor.id), SLICE_END);
      }
      slices++;
    }
    for (const m of actor.marks) {
      if (m.kind === "PRINT") push(ns(m.t), threadUuid(actor.id), INSTANT, { name: `${t("event.print")}: ${m.text}` });
    }
  }
  for (const [pid, held] of model.gil) {
    for (const g of held) {
      const [a, b] = [ns(g.start), ns(g.end ?? end)];
      if (b <= a) continue;
      push(a, gilUuid(pid), SLICE_BEGIN, { name: model.actors.get(g.actor)?.name ?? String(g.actor), category: "gil" });
      push(b, gilUuid(pid), SLICE_END);
      slices++;
    }
  }
  // causal links: an instant at the cause starts a flow, an instant at the effect ends it
  model.links.forEach((link, i) => {
    const id = i + 1;
    const name = t(`link.${link.kind}`);
    push(ns(link.from.t), threadUuid(link.from.actor), INSTANT, { name, flow: id });
    push(ns(link.to.t), threadUuid(link.to.actor), INSTANT, { name, terminating: id });
  });
  events.sort((p, q) => p.ts - q.ts || p.order - q.order);

  for (const e of events) {
    out.message(TRACE_PACKET, (p) => {
      p.uint(PACKET.timestamp, e.ts);
      p.uint(PACKET.sequenceId, SEQUENCE);
      p.uint(PACKET.sequenceFlags, NEEDS_INCREMENTAL_STATE);
      p.message(PACKET.trackEvent, (ev) => {
        ev.uint(EVENT.type, e.type);
        ev.uint(EVENT.trackUuid, e.track);
        if (e.category) ev.string(EVENT.categories, e.category);
        if (e.name) ev.string(EVENT.name, e.name);
        for (const [k, v] of e.notes ?? []) ev.message(EVENT.annotations, (a) => a.string(ANNOTATION.name, k).string(ANNOTATION.stringValue, v));
        if (e.flow) ev.fixed64(EVENT.flowIds, e.flow);
        if (e.terminating) ev.fixed64(EVENT.terminatingFlowIds, e.terminating);
      });
    });
  }
  return { bytes: Uint8Array.from(out.bytes), tracks, slices, flows: model.links.length };
}
