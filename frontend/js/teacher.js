// Teacher mode (large type, high contrast, the timeline first and full screen), fullscreen, and the key
// list shown by "?".
import d3 from "./d3.js";
import { KEYS } from "./keys.js";

/** Teacher mode on the page's root element; `onChange(on)` redraws what depends on the type's size. */
export function teacherMode(button, onChange) {
  const root = document.documentElement;
  function set(on) {
    root.classList.toggle("teacher", on);
    button.setAttribute("aria-pressed", String(on));
    if (on) fullscreen(true);
    else if (document.fullscreenElement) fullscreen(false);
    onChange(on);
  }
  button.addEventListener("click", () => set(!root.classList.contains("teacher")));
  return {
    toggle: () => set(!root.classList.contains("teacher")),
    get on() {
      return root.classList.contains("teacher");
    },
  };
}

/** Enters or leaves fullscreen; where the browser refuses (no gesture, no support), nothing happens. */
export function fullscreen(on = !document.fullscreenElement) {
  const request = on ? document.documentElement.requestFullscreen?.() : document.exitFullscreen?.();
  if (request && request.catch) request.catch(() => {});
}

/** Fills the key list's table, in the page's language. */
export function keyList(dialog, table, t) {
  const row = d3
    .select(table)
    .selectAll("tr")
    .data(KEYS)
    .join((enter) => {
      const tr = enter.append("tr");
      tr.append("th").attr("scope", "row").append("kbd");
      tr.append("td");
      return tr;
    });
  row.select("kbd").text((k) => k[0]);
  row.select("td").text((k) => t(k[2]));
  return {
    toggle() {
      if (dialog.open) dialog.close();
      else dialog.showModal();
    },
  };
}
