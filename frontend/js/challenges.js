// Challenges, as The Deadlock Empire plays them but on real threads: the run starts paused, the learner
// steps the thread of their choice, and must force the bad interleaving the lesson warns about. Whether
// they did is read from the recorded events, never guessed. Pure.

/** The three challenges: the run they play, and how to tell it was won. */
const CHALLENGES = {
  // 3.9's GIL may switch between any two bytecodes: a switch between LOAD and STORE loses an update
  "gil-race": { params: { n: 3 }, settings: { gil: true, everyBytecode: true }, judge: lostUpdate },
  // no pause between the two locks: left alone, the threads rarely deadlock; stepped, they can
  deadlock: { params: { pause: 0, sameOrder: false }, settings: {}, judge: closedCycle },
  // the tutorial's start order, which works when left alone: a notify before the wait is lost
  "condition-poem": { params: { tianmaoFirst: false, turns: false, lineSeconds: 0 }, settings: {}, judge: lostNotify },
};

/** The challenge of a scenario, or null. */
export function challengeOf(scenario) {
  return CHALLENGES[scenario] ?? null;
}

/**
 * Reads the events (in recorded order) for the win: returns null, or {key, args, marks} for the sentence
 * that says what happened and what it means, and the decisive events in their order, each {seq, key,
 * args} (drawn numbered on the timeline, named in their tooltip). `nameOf(actorId)` names threads.
 */
export function judge(scenario, events, nameOf) {
  const challenge = CHALLENGES[scenario];
  return challenge ? challenge.judge(events, nameOf) : null;
}

/** A write over a value another thread wrote after this one read: that other write is lost. */
function lostUpdate(events, nameOf) {
  const writes = new Map(); // object -> {count, actor, value, seq}: writes so far, and the latest writer
  const reads = new Map(); // `${actor}|${object}` -> {count, value, seq}: what the actor saw when it read
  for (const e of events) {
    if (e.kind !== "READ" && e.kind !== "WRITE") continue;
    const w = writes.get(e.object) ?? { count: 0, actor: null, value: null, seq: -1 };
    const key = `${e.actor}|${e.object}`;
    if (e.kind === "READ") {
      reads.set(key, { count: w.count, value: e.value, seq: e.seq });
      continue;
    }
    const read = reads.get(key);
    if (read && w.count > read.count && w.actor !== e.actor) {
      return {
        key: "challenge.gil-race.won",
        args: [nameOf(e.actor), nameOf(w.actor), e.object, read.value, w.value, e.value],
        marks: [
          { seq: read.seq, key: "mark.read", args: [nameOf(e.actor), e.object, read.value] },
          { seq: w.seq, key: "mark.write", args: [nameOf(w.actor), e.object, w.value] },
          { seq: e.seq, key: "mark.lost", args: [nameOf(e.actor), e.object, e.value, nameOf(w.actor)] },
        ],
      };
    }
    writes.set(e.object, { count: w.count + 1, actor: e.actor, value: e.value, seq: e.seq });
  }
  return null;
}

/** The watchdog found the cycle closed: each thread took the lock another waits for, then waited. */
function closedCycle(events, nameOf) {
  const found = events.find((e) => e.kind === "DEADLOCK");
  if (!found) return null;
  const { actors, objects } = found.value;
  const before = events.slice(0, events.indexOf(found));
  const lastOf = (actor, kind, object) => before.findLast((e) => e.kind === kind && e.object === object && nameOf(e.actor) === actor);
  const marks = [];
  actors.forEach((actor, i) => {
    const holder = actors[(i + 1) % actors.length];
    const took = lastOf(holder, "ACQUIRED", objects[i]);
    const waits = lastOf(actor, "ACQUIRE", objects[i]);
    if (took) marks.push({ seq: took.seq, key: "mark.took", args: [holder, objects[i]] });
    if (waits) marks.push({ seq: waits.seq, key: "mark.waits", args: [actor, objects[i], holder] });
  });
  marks.sort((a, b) => a.seq - b.seq);
  return { key: "challenge.deadlock.won", args: [actors.join(", "), objects.join(", ")], finding: { deadlock: true, actors, objects }, marks };
}

/** A notify that woke nobody: the thread it was meant for was not waiting yet. */
function lostNotify(events, nameOf) {
  const lost = events.find((e) => (e.kind === "NOTIFY" || e.kind === "NOTIFY_ALL") && e.value === 0);
  if (!lost) return null;
  const marks = [{ seq: lost.seq, key: "mark.lost-notify", args: [nameOf(lost.actor), lost.object] }];
  const late = events.find((e) => e.seq > lost.seq && e.kind === "WAIT" && e.object === lost.object && e.actor !== lost.actor);
  if (late) marks.push({ seq: late.seq, key: "mark.late-wait", args: [nameOf(late.actor), lost.object] });
  return { key: "challenge.condition-poem.won", args: [nameOf(lost.actor), lost.object], marks };
}
