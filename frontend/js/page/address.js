// The address: the page's language, parameters and settings, so that back, reload and a shared link
// bring back what the learner chose. The form is read into the page's state (params, settings) and
// written to the address; a run commits the address to the history: the first change after it starts
// a new entry (so back returns to what was run), later changes replace that entry.
import { applyVariant, formDefaults, readForm } from "../form.js";
import { nextSpeed } from "../keys.js";
import { permalinkQuery, readPermalink } from "../permalink.js";

/** The address of the page showing `form` in `lang`; the language link (found with `byId`) keeps the rest. */
export function addressOf({ store, byId, form, lang }) {
  const names = [...form.querySelectorAll("input[data-param], input[data-setting]")].map((i) => i.name);
  const defaults = formDefaults(form);

  /** The form's values into the state and the address; `run`: they are being run. */
  function save(run = false) {
    const { params, settings } = readForm(form);
    const query = permalinkQuery({ lang, params, settings }, defaults);
    const url = `${location.pathname}?${query}`;
    let committed = store.state.committed;
    if (url !== `${location.pathname}${location.search}`) {
      history[committed ? "pushState" : "replaceState"](null, "", url);
      committed = false;
    }
    store.set({ params, settings, committed: committed || run });
    const other = new URLSearchParams(query);
    other.set("lang", lang === "zh" ? "en" : "zh");
    byId("language-link")?.setAttribute("href", `${location.pathname}?${other}`);
  }

  /** Sets the form to `values` (a variant, a challenge's, a recording's) and the address to the form. */
  function choose(values, run = false) {
    applyVariant(form, values);
    save(run);
  }

  function restore() {
    const { values } = readPermalink(location.search, names);
    applyVariant(form, { ...defaults, ...values });
  }

  /** The next run's speed of time, one step up or down; its new value, or null without one. */
  function nudgeSpeed(direction) {
    const input = form.querySelector("input[name=speed]");
    if (!input) return null;
    input.value = String(nextSpeed(Number(input.value) || 1, direction));
    save();
    return input.value;
  }

  restore();
  save();
  form.addEventListener("change", () => save());
  form.addEventListener("input", () => save());
  for (const button of form.querySelectorAll("button.variant")) {
    button.addEventListener("click", () => choose(JSON.parse(button.dataset.values)));
  }
  window.addEventListener("popstate", () => {
    restore();
    store.set({ committed: true });
  });
  return { save, choose, nudgeSpeed };
}
