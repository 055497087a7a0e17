// Save: a finished run (this page's, the teacher's it followed, or a recording it opened) goes to the
// server with one click and gets a short link that opens that exact recording in replay, for anyone,
// in either language. A teacher's saves are listed in their room.

/**
 * The Save button (found with `byId`) for the page's store; `teaching()` is {code, secret} or null;
 * `saved()` is told after a save in a room.
 */
export function saveRun({ store, t, byId, teaching, saved = () => {}, fetcher = fetch }) {
  const button = byId("save-run");
  const status = byId("share-status");
  function show(s) {
    const off = s.mode !== "replay" || !s.recording || !s.recording.outcome;
    if (button.disabled !== off) button.disabled = off;
  }
  store.on("change.save", show);
  show(store.state);

  button.addEventListener("click", async () => {
    const { recording } = store.state;
    if (!recording) return;
    button.disabled = true;
    const room = teaching();
    const headers = { "Content-Type": "application/json" };
    let url = "/api/runs";
    if (room) {
      url += `?room=${encodeURIComponent(room.code)}`;
      headers["X-Room-Secret"] = room.secret ?? "";
    }
    try {
      const answer = await fetcher(url, { method: "POST", headers, body: JSON.stringify(recording) });
      const body = await answer.json();
      if (!answer.ok) throw new Error(body.code ?? String(answer.status));
      const link = `${location.protocol}//${location.host}${body.link}`;
      status.classList.remove("error");
      status.replaceChildren(t("save.saved"), " ");
      const a = document.createElement("a");
      a.href = link;
      a.id = "saved-link";
      a.textContent = link;
      status.append(a);
      navigator.clipboard?.writeText(link).catch(() => {});
      if (room) saved();
    } catch (error) {
      status.textContent = t("save.failed", error.message);
      status.classList.add("error");
    } finally {
      show(store.state);
    }
  });
}

/** Opens the saved run the address names (?saved=id), with `open(recording)`; says why when it cannot. */
export async function openSaved({ id, t, open, status, parse, fetcher = fetch }) {
  try {
    const answer = await fetcher(`/api/runs/${encodeURIComponent(id)}`);
    if (!answer.ok) throw new Error(t("save.gone"));
    open(parse(await answer.text()));
    status.textContent = t("save.opened");
  } catch (error) {
    status.textContent = error.message;
    status.classList.add("error");
  }
}
