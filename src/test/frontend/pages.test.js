import { test, assertEqual, assertTrue } from "./harness.js";
import { permalinkQuery, readPermalink } from "/js/permalink.js";
import { actionFor, nextSpeed } from "/js/keys.js";
import { formatSpan, formatTime, tickFormat } from "/js/format.js";
import { translator } from "/js/i18n.js";

const t = translator({ "unit.s": "{0} s", "unit.ms": "{0} ms", "unit.us": "{0} µs" });

test("permalink: language, parameters and settings in the address; defaults left out", () => {
  const q = permalinkQuery({ lang: "zh", params: { n: 5, gil: false }, settings: { speed: 1 } }, { n: 1000000, speed: 1 });
  assertEqual(q, "lang=zh&n=5&gil=false");
  assertEqual(readPermalink(`?${q}&evil=1`, ["n", "gil", "speed"]), { lang: "zh", values: { n: 5, gil: false } });
});

test("keys: space pauses wherever the focus is but in a text field; arrows step; typing is the field's", () => {
  const key = (k, target = { tagName: "BODY" }) => actionFor({ key: k, target });
  assertEqual(key(" "), { action: "pause" });
  assertEqual(key("ArrowRight"), { action: "step" });
  assertEqual(key("ArrowLeft"), { action: "back" });
  assertEqual(key("+").arg, 1);
  assertEqual(key(" ", { tagName: "BUTTON" }), { action: "pause" }, "a button just clicked keeps the focus, not Space");
  assertEqual(key(" ", { tagName: "SUMMARY" }), { action: "pause" });
  assertEqual(key(" ", { tagName: "INPUT", type: "checkbox" }), { action: "pause" });
  assertEqual(key(" ", { tagName: "SELECT" }), { action: "pause" });
  assertEqual(key("t", { tagName: "SELECT" }), null, "a list's letters choose in it");
  assertEqual(key(" ", { tagName: "INPUT", type: "number" }), null, "typing");
  assertEqual(key("f", { tagName: "INPUT" }), null, "typing");
  assertEqual(key(" ", { tagName: "TEXTAREA" }), null, "typing");
  assertEqual(actionFor({ key: "f", ctrlKey: true, target: {} }), null);
  assertEqual(key("w", { tagName: "INPUT", type: "checkbox" }), { action: "zoom", arg: 1.5 }, "a checkbox takes no letters");
  assertEqual(key("ArrowLeft", { tagName: "INPUT", type: "range" }), null, "the scrubber's own arrows");
});

test("keys: the speed goes up and down the usual steps", () => {
  assertEqual([nextSpeed(1, 1), nextSpeed(1, -1), nextSpeed(100, 1), nextSpeed(3, -1)], [2, 0.5, 100, 2]);
});

test("units: a short run reads in milliseconds or microseconds, never 0.00 s", () => {
  assertEqual(formatTime(2.5, t), "2.50 s");
  assertEqual(formatTime(0.0123, t), "12.3 ms");
  assertEqual(formatTime(0.0000421, t), "42.1 µs");
  assertEqual(formatSpan(0.0001, 0.0002, t), "100–200 µs");
  assertEqual(formatSpan(0.08, 2.09, t, 4.1), "0.08–2.09 s");
  const axis = tickFormat([0, 0.0004], 5);
  assertEqual([axis.unit, axis.format(0.0002)], ["unit.us", "200"]);
  assertTrue(tickFormat([0, 40], 5).unit === "unit.s");
});
