import { test, assertEqual } from "./harness.js";
import { joinLink, lessonHref, roomMemory, shownCode } from "/js/room/memory.js";
import { controlsOf } from "/js/page/controls.js";
import { initialState } from "/js/page/state.js";

function storage() {
  const data = new Map();
  return { getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => data.set(k, String(v)), removeItem: (k) => data.delete(k) };
}

test("room: a code reads as two groups; the join link carries the code only", () => {
  assertEqual(shownCode("KM3R7X"), "KM3-R7X");
  assertEqual(joinLink("KM3R7X", { protocol: "http:", host: "10.0.0.5:8080" }), "http://10.0.0.5:8080/join/KM3R7X");
});

test("room: the lesson the class is sent to opens with its values, and never starts paused", () => {
  assertEqual(lessonHref("gil-race", { n: 5 }, { speed: 2, paused: true }, "zh"), "/scenarios/gil-race?lang=zh&n=5&speed=2");
});

test("room: the tab's room, the teacher's secret and the student's token are kept apart", () => {
  const local = storage();
  const memory = roomMemory(local, storage());
  assertEqual(memory.current(), null);
  memory.enter("KM3R7X", "teacher");
  memory.keepSecret("KM3R7X", "s3cret");
  memory.keepStudent("QQ2345", { member: "m", name: "Lin" });
  assertEqual(memory.current(), { code: "KM3R7X", role: "teacher", following: true });
  assertEqual(memory.secret("KM3R7X"), "s3cret");
  assertEqual(memory.student("QQ2345").name, "Lin");
  assertEqual(roomMemory(local, storage()).current(), null, "another tab is in no room");
  memory.leave();
  assertEqual(memory.current(), null);
});

test("room: a student watching the room's run may not pause, step or cancel it, but may run their own", () => {
  const watching = controlsOf({ ...initialState(), serverRun: "live", paused: true, watching: true });
  assertEqual([watching.disabled.pause, watching.disabled.step, watching.disabled.cancel, watching.disabled.run], [true, true, true, false]);
  assertEqual(watching.flags.watching, "true");
  const own = controlsOf({ ...initialState(), serverRun: "live", paused: true });
  assertEqual([own.disabled.pause, own.disabled.step], [false, false]);
});
