package org.threadlab.rooms;

import java.util.ArrayList;
import java.util.List;

/**
 * A student of a room, as its roster shows them. {@code token} is the student's own (kept by their
 * browser to come back as themselves) and is never shown to others. Immutable: changes make a new one.
 *
 * @param id the room's number for the student, from 1
 * @param name the name they gave, or empty
 * @param here whether a socket of theirs is in the room now
 * @param lesson the lesson their page has open, or null
 * @param running whether a run of their own goes on
 * @param following whether their page follows the room's run
 * @param wins the challenges they won, one per lesson (their fewest steps)
 */
public record Member(int id, String token, String name, boolean here, String lesson, boolean running,
		boolean following, List<Win> wins) {

	/** A challenge won: a lesson and the steps it took. */
	public record Win(String scenario, int steps) {
	}

	public Member {
		wins = List.copyOf(wins);
	}

	public Member here(boolean now, String page) {
		return new Member(id, token, name, now, page == null ? lesson : page, now && running, now ? following : false, wins);
	}

	public Member running(boolean now) {
		return new Member(id, token, name, here, lesson, now, now ? false : following, wins);
	}

	public Member following(boolean now) {
		return new Member(id, token, name, here, lesson, running, now, wins);
	}

	/** The student won {@code scenario}'s challenge in {@code steps}: kept if it is their first or fewest. */
	public Member won(String scenario, int steps) {
		List<Win> next = new ArrayList<>();
		boolean better = true;
		for (Win win : wins) {
			if (win.scenario().equals(scenario)) {
				better = steps < win.steps();
				if (!better) {
					next.add(win);
				}
			}
			else {
				next.add(win);
			}
		}
		if (better) {
			next.add(new Win(scenario, steps));
		}
		return new Member(id, token, name, here, lesson, running, following, next);
	}

}
