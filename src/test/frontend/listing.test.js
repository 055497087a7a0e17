import { test, assertEqual, assertTrue } from "./harness.js";
import { debounce, followForm, listingUrl } from "/js/listing.js";

test("listing: the URL carries the language and every parameter", () => {
  assertEqual(listingUrl("thread-target", "zh", { htmlSeconds: 0.5, daemon: true }),
    "/api/scenarios/thread-target/listing?lang=zh&htmlSeconds=0.5&daemon=true");
});

test("listing: debounce calls once, with the last arguments", async () => {
  const calls = [];
  const later = debounce((x) => calls.push(x), 10);
  later(1);
  later(2);
  later(3);
  await new Promise((resolve) => setTimeout(resolve, 40));
  assertEqual(calls, [3]);
});

function page() {
  const main = document.createElement("main");
  main.innerHTML = `<form><input type="number" name="n" value="5" min="1" max="10" data-param></form><pre>old</pre>`;
  return { page: main, form: main.querySelector("form"), pre: main.querySelector("pre") };
}

test("listing: a new listing replaces the old one and is announced with its line map", async () => {
  const { page: main, form, pre } = page();
  const asked = [];
  const announced = [];
  main.addEventListener("listing", (e) => announced.push(e.detail.javaToPython));
  const fetcher = async (url) => {
    asked.push(url);
    return { ok: true, json: async () => ({ python: "for i in range(5):\n    pass\n", java: "", javaToPython: { 30: 2 } }) };
  };
  await followForm({ page: main, form, pre, scenario: "gil-race", lang: "en", fetcher, delay: 5 })();
  assertEqual(asked, ["/api/scenarios/gil-race/listing?lang=en&n=5"]);
  assertEqual([...pre.querySelectorAll(".code-line")].map((l) => l.textContent), ["for i in range(5):\n", "    pass\n"]);
  assertEqual(announced, [{ 30: 2 }]);
});

test("listing: a value the form refuses asks nothing, and the listing stays", async () => {
  const { page: main, form, pre } = page();
  form.querySelector("input").value = "99";
  let asked = 0;
  const fetcher = async () => {
    asked++;
    return { ok: false };
  };
  await followForm({ page: main, form, pre, scenario: "gil-race", lang: "en", fetcher, delay: 5 })();
  assertEqual(asked, 0);
  assertTrue(pre.textContent === "old", "the old listing stays");
});
