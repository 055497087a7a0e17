// The Python listing follows the form: when a parameter changes, the page asks the server for the
// listing rendered with the new values (GET /api/scenarios/{id}/listing, docs/protocol.md) and shows it.
// Each new listing is announced as a "listing" event on <main> with {python, java, javaToPython}, for
// views that point at lines in both listings.
import { codeView } from "./code-view.js";
import { readForm } from "./form.js";

/** The endpoint's URL for these parameters, in this language. */
export function listingUrl(scenario, lang, params) {
  const query = new URLSearchParams({ lang });
  for (const [name, value] of Object.entries(params)) query.append(name, String(value));
  return `/api/scenarios/${encodeURIComponent(scenario)}/listing?${query}`;
}

/** fn, called once calls have stopped for ms milliseconds, with the last call's arguments. */
export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Keeps the listing in pre in step with the form's parameters; fetches only what the form accepts. */
export function followForm({ page, form, pre, scenario, lang, fetcher = fetch, delay = 250 }) {
  let asked = 0;
  async function refresh() {
    const fields = [...form.querySelectorAll("input[data-param]")];
    if (!fields.every((input) => input.checkValidity())) return; // the Run button says what is wrong
    const ask = ++asked;
    const response = await fetcher(listingUrl(scenario, lang, readForm(form).params));
    if (!response.ok || ask !== asked) return;
    const listing = await response.json();
    if (ask !== asked) return;
    if (pre.textContent.replace(/\n$/, "") !== listing.python.replace(/\n$/, "")) {
      pre.textContent = listing.python;
      codeView(pre);
    }
    page.dispatchEvent(new CustomEvent("listing", { detail: listing }));
  }
  const later = debounce(refresh, delay);
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.addEventListener("click", (event) => {
    if (event.target.closest("button.variant")) later();
  });
  return refresh;
}

const page = document.querySelector("main.scenario");
const form = document.getElementById("run-form");
const pre = document.getElementById("python-listing");
if (page && form && pre) {
  followForm({ page, form, pre, scenario: page.dataset.scenario, lang: document.documentElement.lang || "en" })();
}
