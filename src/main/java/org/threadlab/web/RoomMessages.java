package org.threadlab.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.threadlab.rooms.Member;
import org.threadlab.rooms.RoomSignal;
import org.threadlab.saved.SavedRun;

/** The messages of rooms the server sends on the run socket (docs/protocol.md, "Rooms"). Immutable records. */
final class RoomMessages {

	private RoomMessages() {
	}

	/** A lesson the class was sent to. */
	record Lesson(String scenario, Map<String, Object> params, Map<String, Object> settings, boolean challenge) {
		static Lesson of(RoomSignal.Lesson lesson) {
			return lesson == null ? null
					: new Lesson(lesson.scenario(), lesson.params(), lesson.settings(), lesson.challenge());
		}
	}

	/** A saved run of the room, as its list shows it. */
	record Saved(String id, String scenario, String outcome, Instant savedAt) {
		static Saved of(SavedRun run) {
			return new Saved(run.id(), run.scenario(), run.outcome(), run.savedAt());
		}
	}

	/** The socket is in the room. */
	record Room(String type, String code, String role, String secret, String member, String name, Lesson lesson,
			List<Saved> saved) {
		Room(String code, String role, String secret, String member, String name, Lesson lesson, List<Saved> saved) {
			this("room", code, role, secret, member, name, lesson, saved);
		}
	}

	record RoomLesson(String type, String scenario, Map<String, Object> params, Map<String, Object> settings,
			boolean challenge) {
		RoomLesson(RoomSignal.Lesson lesson) {
			this("room-lesson", lesson.scenario(), lesson.params(), lesson.settings(), lesson.challenge());
		}
	}

	record RoomEnded(String type, String code, String reason) {
		RoomEnded(String code, String reason) {
			this("room-ended", code, reason);
		}
	}

	/** A student as the teacher's roster shows them: no token. */
	record Student(int id, String name, boolean here, String lesson, boolean running, boolean following,
			List<Member.Win> wins) {
		static Student of(Member m) {
			return new Student(m.id(), m.name(), m.here(), m.lesson(), m.running(), m.following(), m.wins());
		}
	}

	/** Who is in the room; the counts are of the students here. */
	record Roster(String type, String code, int here, int running, int won, List<Student> members) {
		static Roster of(String code, List<Member> members) {
			int here = 0;
			int running = 0;
			int won = 0;
			for (Member m : members) {
				if (m.here()) {
					here++;
					running += m.running() ? 1 : 0;
					won += m.wins().isEmpty() ? 0 : 1;
				}
			}
			return new Roster("roster", code, here, running, won, members.stream().map(Student::of).toList());
		}
	}

}
