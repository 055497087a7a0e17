import { test, assertEqual, assertTrue } from "./harness.js";
import { parseRecording, recorder, replayer } from "/js/replay.js";
import { applyBatch, applyEnd, createModel, lanes } from "/js/model.js";
import { stateAt } from "./model-probe.js";
import { objectList } from "/js/objects.js";

const S = 1e9;
let seq = 0;
const spawn = (id, name) => ({ seq: seq++, timeNs: 0, actor: id, kind: "SPAWN", object: null, line: 0, cause: -1, value: { id, name, type: "THREAD", pid: 1, parent: -1, daemon: false } });
const ev = (t, actor, kind, object = null, value = null, line = 0, cause = -1) => ({ seq: seq++, timeNs: t * S, actor, kind, object, value, line, cause });

function run() {
  seq = 0;
  const r = recorder("deadlock", "en");
  r.started({ runId: 3, speed: 1, params: { pause: 0 }, settings: { speed: 1 } });
  const batches = [
    [spawn(0, "main"), ev(0, 0, "START"), spawn(1, "A"), ev(0, 0, "CREATE", "a", { type: "lock", size: 1 }), ev(0.1, 1, "START")],
    [ev(0.2, 1, "ACQUIRE", "a", null, 31), ev(0.2, 1, "ACQUIRED", "a", 1, 31), ev(0.3, 1, "PRINT", null, "took a", 32), ev(0.5, 1, "RELEASE", "a", null, 35), ev(0.6, 1, "EXIT")],
  ];
  for (const events of batches) r.batch({ events, clock: { lessonNs: 0, rate: 1 } });
  r.end({ status: "COMPLETED", error: null, elapsedNs: 0.7 * S, dropped: 0 });
  return { recording: r.recording, batches };
}

test("replay: the state at time t is the run as it stood then: lanes, objects, console, lines", () => {
  const { recording } = run();
  const m = replayer(recording).at(0.35);
  assertEqual(stateAt(m, 1, 0.35), "running");
  assertEqual([...objectList(m)[0].holders.keys()], [1], "A holds a at 0.35");
  assertEqual(m.prints.map((p) => p.text), ["took a"]);
  assertEqual(lanes(m)[1].line, 32, "A's line then");
});

test("replay: going back in time undoes what came after", () => {
  const { recording } = run();
  const r = replayer(recording);
  r.at(0.65);
  const m = r.at(0.15);
  assertEqual(objectList(m)[0].holders.size, 0, "nobody holds a yet");
  assertEqual(m.prints.length, 0);
  assertEqual(m.end, null);
});

test("replay: at the end it equals the live model", () => {
  const { recording, batches } = run();
  const live = createModel({ runId: 3, speed: 1 });
  for (const events of batches) applyBatch(live, { events, clock: { lessonNs: 0, rate: 1 } });
  applyEnd(live, recording.outcome);
  const replayed = replayer(recording).at(Infinity);
  assertEqual(JSON.stringify(lanes(replayed)), JSON.stringify(lanes(live)));
  assertEqual(replayed.end, 0.7);
});

test("replay: stepping goes from event to event, forward and back", () => {
  const r = replayer(run().recording);
  assertEqual(r.next(0.2), 0.3);
  assertEqual(r.previous(0.3), 0.2);
  assertEqual(r.previous(0), 0);
  assertEqual(r.next(0.6), 0.7, "after the last event: the end");
});

test("recording: read back from its text; anything else is refused by name", () => {
  const { recording } = run();
  assertEqual(parseRecording(JSON.stringify(recording)).events.length, recording.events.length);
  for (const [text, key] of [["nope", "recording.not-json"], ["{}", "recording.not-ours"], [JSON.stringify({ ...recording, version: 99 }), "recording.too-new"]]) {
    let error = null;
    try {
      parseRecording(text);
    } catch (e) {
      error = e.message;
    }
    assertEqual(error, key);
  }
});

test("recording: a recording of a server without lesson time replays in tutorial seconds", () => {
  const { recording } = run();
  const old = { ...recording, lessonTime: false, started: { ...recording.started, speed: 2 } };
  assertTrue(Math.abs(replayer(old).end - 1.4) < 1e-9, `${replayer(old).end}`);
});
