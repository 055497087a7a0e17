// How late a slow connection's updates came: each batch says at how many frames (every 25 ms) the server
// found this connection still taking the one before; the events of those frames came in this one, that
// much later. A frame or two happens on any connection (a batch was on its way when the next frame came)
// and says nothing; the page speaks only of a lag a learner would notice, while it lasts. Pure.

/** The server's frame, in milliseconds (docs/protocol.md: batches at most every 25 ms). */
export const FRAME_MS = 25;

/** Below this the updates are not late enough to mention. */
export const NOTICEABLE_MS = 250;

/** How long a lag is mentioned after the last late batch. */
export const REMEMBERED_MS = 5000;

/**
 * The lag after a batch that skipped `skipped` frames, arrived at `ms` (real milliseconds): {ms: the
 * latest noticeable lag, at: when}, the same object when nothing changed, or null when there is none.
 */
export function lagAfter(lag, skipped, ms) {
  const late = skipped * FRAME_MS;
  if (late >= NOTICEABLE_MS) return { ms: late, at: ms };
  if (lag && ms - lag.at > REMEMBERED_MS) return null;
  return lag;
}

/** The words for a lag, or "" for none. */
export function lagText(lag, t) {
  return lag ? t("run.late", (lag.ms / 1000).toFixed(lag.ms < 1000 ? 2 : 1)) : "";
}
