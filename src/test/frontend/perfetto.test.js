import { test, assertEqual, assertTrue } from "./harness.js";
import { perfettoTrace } from "/js/perfetto.js";
import { readFields } from "./protobuf-reader.js";
import { applyEvents, createModel } from "/js/model.js";

const S = 1e9;
let seq = 0;
const spawn = (id, name) => ({ seq: seq++, timeNs: 0, actor: id, kind: "SPAWN", object: null, line: 0, cause: -1, value: { id, name, type: "THREAD", pid: 7, parent: -1, daemon: false } });
const ev = (t, actor, kind, object = null, value = null, cause = -1) => ({ seq: seq++, timeNs: t * S, actor, kind, object, value, line: 3, cause });

test("perfetto: tracks for the process and each thread, slices for states, a flow for each causal link", () => {
  seq = 0;
  const m = applyEvents(createModel({ runId: 1, speed: 1 }), [
    spawn(0, "main"), ev(0, 0, "START"), spawn(1, "worker"), ev(0.1, 1, "START"), ev(0.2, 0, "JOIN", "worker"),
    ev(0.3, 1, "SLEEP", null, 1), ev(1.3, 1, "WAKE"), ev(1.4, 1, "EXIT"), ev(1.5, 0, "JOINED", "worker", null, 7),
  ]);
  const trace = perfettoTrace(m);
  const packets = readFields(trace.bytes).filter(([f]) => f === 1).map(([, , b]) => readFields(b));
  const descriptors = packets.filter((p) => p.some(([f]) => f === 60));
  const events = packets.filter((p) => p.some(([f]) => f === 11)).map((p) => ({ ts: p.find(([f]) => f === 8)[2], fields: readFields(p.find(([f]) => f === 11)[2]) }));
  assertEqual(descriptors.length, 3, "a process and two threads");
  const begins = events.filter((e) => e.fields.some(([f, , v]) => f === 9 && v === 1));
  const ends = events.filter((e) => e.fields.some(([f, , v]) => f === 9 && v === 2));
  assertEqual(begins.length, ends.length, "every slice ends");
  assertTrue(begins.length >= 4, `${begins.length} slices`);
  const starts = events.filter((e) => e.fields.some(([f]) => f === 47));
  const stops = events.filter((e) => e.fields.some(([f]) => f === 48));
  assertEqual([starts.length, stops.length, trace.flows], [1, 1, 1], "one flow: the EXIT that ended the JOIN");
  assertEqual([starts[0].ts, stops[0].ts], [1.4e9, 1.5e9]);
  assertTrue(events.every((e, i) => i === 0 || e.ts >= events[i - 1].ts), "in time order");
});
