// The objects of a run (locks, conditions, semaphores, queues, shared values and lists) as their
// events tell: who holds a lock and who waits for it, a semaphore's permits, how deep a queue is and
// what it holds, a value over time. Pure logic, fed by model.js, drawn by panels.js.

const SAMPLES_KEPT = 2000;

function story(name, type, size) {
  return { name, type, size, holders: new Map(), waiters: new Set(), permits: size, depth: 0, items: [],
    maxDepth: 0, value: null, values: [], notifies: 0, lostNotifies: 0, pending: new Map(),
    state: type === "future" ? "PENDING" : null, call: null, result: null };
}

/** Folds one event into the objects of the model (only objects announced by CREATE are followed). */
export function applyToObjects(model, e, t) {
  if (e.kind === "CREATE") {
    model.objects.set(e.object, story(e.object, e.value.type, e.value.size));
    if (e.value.type === "value") model.objects.get(e.object).value = e.value.size;
    return;
  }
  const o = e.object == null ? null : model.objects.get(e.object);
  if (!o) return;
  switch (e.kind) {
    case "ACQUIRE":
    case "WAIT":
    case "GET":
    case "JOIN":
      o.waiters.add(e.actor);
      break;
    case "PUT":
      o.waiters.add(e.actor);
      o.pending.set(e.actor, e.value);
      break;
    case "ACQUIRED":
      o.waiters.delete(e.actor);
      if (typeof e.value === "string") break; // not acquired: a timeout or a busy non-blocking try
      o.holders.set(e.actor, o.type === "rlock" ? e.value : (o.holders.get(e.actor) ?? 0) + 1);
      if (o.type.endsWith("semaphore")) o.permits = e.value;
      break;
    case "RELEASE":
      release(o, e);
      break;
    case "WOKEN":
    case "JOINED":
    case "RESULT":
    case "EXCEPTION":
      o.waiters.delete(e.actor);
      break;
    case "SUBMIT":
      o.call = e.value;
      break;
    case "RUNNING":
      o.state = "RUNNING";
      o.holders.set(e.actor, 1);
      break;
    case "DONE":
      o.state = "FINISHED";
      o.result = e.value;
      break;
    case "CANCEL":
      if (e.value === true) o.state = "CANCELLED";
      break;
    case "NOTIFY":
    case "NOTIFY_ALL":
      o.notifies++;
      if (e.value === 0) o.lostNotifies++;
      break;
    case "PUT_DONE":
      o.waiters.delete(e.actor);
      if (typeof e.value === "number") {
        o.depth = e.value;
        o.maxDepth = Math.max(o.maxDepth, e.value);
        o.items.push(String(o.pending.get(e.actor) ?? ""));
      }
      break;
    case "GOT":
      o.waiters.delete(e.actor);
      if (e.value !== "empty") {
        o.depth = Math.max(0, o.depth - 1);
        const at = o.items.indexOf(String(e.value));
        o.items.splice(at >= 0 ? at : 0, 1);
      }
      break;
    case "READ":
    case "WRITE":
      if (typeof e.value === "number") {
        if (o.type === "list") o.depth = e.value;
        else o.value = e.value;
        if (e.kind === "WRITE" || o.type === "list") {
          o.values.push({ t, value: e.value });
          if (o.values.length > SAMPLES_KEPT) o.values.splice(0, o.values.length - SAMPLES_KEPT);
        }
      }
      break;
    default:
      break;
  }
}

function release(o, e) {
  if (o.type.endsWith("semaphore")) {
    // a permit may come back from another thread than the one that took it
    const who = o.holders.has(e.actor) ? e.actor : o.holders.keys().next().value;
    if (who !== undefined) {
      const count = o.holders.get(who) - 1;
      if (count > 0) o.holders.set(who, count);
      else o.holders.delete(who);
    }
    if (typeof e.value === "number") o.permits = e.value;
    return;
  }
  if (o.type === "rlock" && typeof e.value === "number" && e.value > 0) {
    o.holders.set(e.actor, e.value);
    return;
  }
  o.holders.clear(); // a plain Lock may be released by any thread; an RLock at count 0
}

/** The objects to show, in the order they were created. */
export function objectList(model) {
  return [...model.objects.values()];
}
