// A tiny test runner for the browser: test() registers, run() runs them all and leaves the results in
// window.testResults (read by FrontendLogicIT) and on the page for a person.
const tests = [];

export function test(name, body) {
  tests.push({ name, body });
}

export function assertEqual(actual, expected, what = "value") {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e} but got ${a}`);
}

export function assertTrue(condition, what) {
  if (!condition) throw new Error(what);
}

export async function run() {
  const results = [];
  for (const { name, body } of tests) {
    try {
      await body();
      results.push({ name, ok: true, error: null });
    } catch (error) {
      results.push({ name, ok: false, error: String(error && error.stack ? error.stack : error) });
    }
  }
  const list = document.getElementById("results");
  for (const r of results) {
    const li = document.createElement("li");
    li.textContent = `${r.ok ? "ok" : "FAILED"} ${r.name}${r.error ? ` — ${r.error}` : ""}`;
    list.append(li);
  }
  window.testResults = results;
  document.body.dataset.done = "true";
}
