// The lesson clock the learner sees: "now" in lesson seconds, extrapolated between the server's batches
// from the last {lessonNs, rate} it sent (docs/protocol.md), frozen while the run is paused. Pure: the
// caller passes the real time in milliseconds (performance.now()), so tests need no clock.

/**
 * A clock for one run. `speed` is the run's speed of time, used only for a server that sends no clock
 * (then lesson time is real time × speed, as before lesson time existed).
 */
export function lessonClock(speed = 1) {
  let startedMs = null;
  let last = null; // {seconds, rate, atMs}: the server's latest clock and when it arrived
  let frozen = null; // seconds shown while paused
  let shown = 0; // never goes back: a rate that changed between batches must not make time run backwards

  function estimate(ms) {
    if (last) return last.seconds + (Math.max(0, ms - last.atMs) / 1000) * last.rate;
    if (startedMs == null) return 0;
    return ((ms - startedMs) / 1000) * speed;
  }

  return {
    started(ms) {
      startedMs = ms;
      return this;
    },
    /**
     * A batch's clock arrived at real time ms. While paused it sets the clock the learner sees: lesson time
     * then moves only with the steps, and the server's is exact (an estimate made before it spoke may
     * have run ahead, and is dropped).
     */
    batch(clock, ms) {
      if (clock) last = { seconds: clock.lessonNs / 1e9, rate: clock.rate, atMs: ms };
      if (clock && frozen != null) frozen = shown = last.seconds;
      return this;
    },
    /**
     * A step moved lesson time on to `seconds` while the run is paused (the server's jump to the next
     * wake-up): the clock the learner sees stands there, before any batch says so.
     */
    leap(seconds) {
      if (frozen != null) frozen = shown = Math.max(frozen, seconds);
      return this;
    },
    /** The run was paused: the clock the learner sees stops where it is. */
    pause(ms) {
      if (frozen == null) frozen = this.now(ms);
      return this;
    },
    resume() {
      frozen = null;
      return this;
    },
    get paused() {
      return frozen != null;
    },
    /** Lesson seconds now. */
    now(ms) {
      if (frozen != null) return frozen;
      shown = Math.max(shown, estimate(ms));
      return shown;
    },
  };
}
