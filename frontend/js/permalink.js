// The page's address holds what the learner chose: the language, the scenario's parameters and the
// run's settings, so that back, reload and a shared link bring them back. Pure: URL text in and out.

function typed(text) {
  if (text === "true") return true;
  if (text === "false") return false;
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) ? n : text;
}

/**
 * The query of a permalink: lang first, then parameters and settings by name (they never share a name).
 * Values equal to `defaults` are left out, so a link says only what differs.
 */
export function permalinkQuery({ lang, params = {}, settings = {} }, defaults = {}) {
  const q = new URLSearchParams();
  if (lang) q.set("lang", lang);
  for (const [k, v] of [...Object.entries(params), ...Object.entries(settings)]) {
    if (defaults[k] !== undefined && String(defaults[k]) === String(v)) continue;
    q.set(k, String(v));
  }
  return q.toString();
}

/** What a permalink's query says: {lang, values} with values typed (numbers, flags), only known names. */
export function readPermalink(search, names) {
  const q = new URLSearchParams(search);
  const values = {};
  for (const name of names) {
    if (q.has(name)) values[name] = typed(q.get(name));
  }
  return { lang: q.get("lang"), values };
}
