// What the tests ask of a model that the page never does.

/** The state an actor is in at time t, or null before it exists. */
export function stateAt(model, actorId, t) {
  const actor = model.actors.get(actorId);
  if (!actor) return null;
  let state = null;
  for (const s of actor.segments) {
    if (s.start <= t) state = s.state;
  }
  return state;
}
