// The page's words, handed over by the server in its language as JSON in <script id="ui-texts">.

/** Returns t(key, ...args): the text for key with {0}, {1}, … replaced by args; the key itself if missing. */
export function translator(data) {
  return (key, ...args) =>
    (data[key] ?? key).replace(/\{(\d+)\}/g, (match, i) => (i < args.length ? String(args[i]) : match));
}

/** The translator for the texts embedded in the document. */
export function pageTranslator(doc = document) {
  const node = doc.getElementById("ui-texts");
  return translator(node ? JSON.parse(node.textContent) : {});
}
