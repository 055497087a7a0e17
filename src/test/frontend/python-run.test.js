import { test, assertEqual } from "./harness.js";
import { endText, pythonRun, refusalText } from "/js/python-run.js";
import { translator } from "/js/i18n.js";

const t = translator({
  "python.seconds": "{0} s",
  "python.end.COMPLETED": "Python {0} finished after {1}.",
  "python.end.HANG": "After {1}, Python {0} hangs ({2}).",
  "python.end.LIMIT": "Python {0} was stopped after {1}, its time limit.",
  "python.end.CANCELLED": "Python {0} was stopped after {1}.",
  "python.stuck": "{0} at line {1}",
  "python.and": ", ",
  "python.none": "No Python here.",
  "python.busy": "Busy.",
  "python.error": "Could not: {0}",
  "python.offer": "Python {0} can run it.",
  "python.starting": "Starting…",
  "python.running": "Running in {0}…",
});

test("python-run: how a run ended, in the page's words", () => {
  assertEqual(endText(t, "3.11.7", { status: "COMPLETED", elapsed: 4.0123 }), "Python 3.11.7 finished after 4.01 s.");
  assertEqual(endText(t, "3.11.7", { status: "HANG", elapsed: 1.1, frames: [{ thread: "A", line: 13 }, { thread: "MainThread", line: 0 }, { thread: "B", line: 13 }] }),
    "After 1.10 s, Python 3.11.7 hangs (A at line 13, B at line 13).");
  assertEqual(endText(t, "3.11.7", { status: "CANCELLED", elapsed: 600, error: "stopped by the server" }),
    "Python 3.11.7 was stopped after 600.00 s, its time limit.");
  assertEqual(endText(t, "3.11.7", { status: "CANCELLED", elapsed: 2, error: null }), "Python 3.11.7 was stopped after 2.00 s.");
});

test("python-run: refusals, and no python said plainly", () => {
  assertEqual(refusalText(t, { code: "no-python", message: "there is no python3" }), "No Python here.");
  assertEqual(refusalText(t, { code: "busy" }), "Busy.");
  assertEqual(refusalText(t, { code: "bad-parameter", message: "Parameter 'n' must be 1 to 5." }), "Could not: Parameter 'n' must be 1 to 5.");
});

function section() {
  const main = document.createElement("main");
  main.innerHTML = `<form><input type="number" name="n" value="5" data-param><input type="number" name="speed" value="10" data-setting></form>
    <section><button class="python-run-button"></button><p class="python-status"></p><ol class="python-lines"></ol></section>`;
  return { form: main.querySelector("form"), section: main.querySelector("section") };
}

/** A socket that answers as the server would. */
function fakeSocket(answers) {
  const listeners = {};
  const socket = {
    sent: [],
    addEventListener(type, listener) {
      (listeners[type] ??= []).push(listener);
    },
    send(text) {
      socket.sent.push(JSON.parse(text));
      for (const answer of answers) listeners.message.forEach((l) => l({ data: JSON.stringify(answer) }));
    },
    close() {},
  };
  setTimeout(() => listeners.open.forEach((l) => l()), 0);
  return socket;
}

test("python-run: asks for the form's values and shows each line with its time and thread", async () => {
  const { form, section: box } = section();
  let socket;
  const run = pythonRun({
    section: box, form, scenario: "gil-race", lang: "zh", t,
    fetcher: async () => ({ ok: true, json: async () => ({ version: "3.11.7" }) }),
    open: () => (socket = fakeSocket([
      { type: "python-started", pythonRunId: 4, version: "3.11.7" },
      { type: "python-output", pythonRunId: 4, lines: [{ t: 0.0012, text: "0", stream: "out", thread: "MainThread" }] },
      { type: "python-end", pythonRunId: 4, status: "COMPLETED", elapsed: 0.2, frames: [] },
    ])),
  });
  await run.asked;
  assertEqual(box.querySelector(".python-status").textContent, "Python 3.11.7 can run it.");
  run.start();
  await new Promise((resolve) => setTimeout(resolve, 20));
  assertEqual(socket.sent, [{ type: "python", scenario: "gil-race", params: { n: 5 }, settings: { speed: 10 }, lang: "zh" }]);
  assertEqual([...box.querySelectorAll(".python-line span")].map((s) => s.textContent), ["0.00 s", "MainThread", "0"]);
  assertEqual(box.querySelector(".python-status").textContent, "Python 3.11.7 finished after 0.20 s.");
});

test("python-run: a server without python says so, and offers no button", async () => {
  const { form, section: box } = section();
  const run = pythonRun({ section: box, form, scenario: "gil-race", lang: "en", t,
    fetcher: async () => ({ ok: true, json: async () => ({ missing: "there is no python3" }) }) });
  await run.asked;
  assertEqual(box.querySelector(".python-status").textContent, "No Python here.");
  assertEqual(box.querySelector("button").hidden, true);
});
