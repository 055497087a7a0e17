package org.threadlab.rooms.broker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.threadlab.rooms.Member;
import org.threadlab.rooms.RoomCode;
import org.threadlab.rooms.Tokens;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code room_member} table: a room's students where every server reads them. A student's number is
 * the room's next, taken by the insert itself (two servers adding at once: one retries with the next);
 * a change is read, applied and written back in one transaction, the row locked meanwhile, and counts
 * the row's version up. The member token is kept as its hash, and found by it.
 * <p>
 * Thread-safety: any thread; the database keeps the state.
 */
final class MemberRows {

	/** A student as their row has them, at the {@code version}-th change of it; their token is not in it. */
	record Row(Member member, long version) {
	}

	private static final TypeReference<List<Member.Win>> WINS = new TypeReference<>() {
	};

	private static final int TRIES = 50;

	private final JdbcClient sql;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	MemberRows(JdbcClient sql, TransactionTemplate transaction, JsonMapper json) {
		this.sql = sql;
		this.transaction = transaction;
		this.json = json;
	}

	/** A new student with the room's next number, here and following, as {@link Member} says a joiner is. */
	Row insert(RoomCode room, String token, String name) {
		for (int tries = 0;; tries++) {
			try {
				return transaction.execute(status -> {
					int id = sql.sql("select coalesce(max(id), 0) + 1 from room_member where room_code = ?")
						.param(room.value())
						.query(Integer.class)
						.single();
					Member member = new Member(id, token, name, true, null, false, true, List.of());
					sql.sql("insert into room_member (room_code, id, token_hash, name, here, lesson, running, following, "
							+ "wins, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
						.params(room.value(), id, Tokens.hash(token), name, member.here(), member.lesson(), member.running(),
								member.following(), json.writeValueAsString(member.wins()))
						.update();
					return new Row(member, 1);
				});
			}
			catch (DuplicateKeyException taken) {
				if (tries >= TRIES) {
					throw taken;
				}
			}
		}
	}

	/** The student whose token this is, with it. */
	Optional<Member> find(RoomCode room, String token) {
		return sql.sql("select * from room_member where room_code = ? and token_hash = ?")
			.params(room.value(), Tokens.hash(token))
			.query(this::row)
			.optional()
			.map(row -> withToken(row.member(), token));
	}

	/** Applies {@code change} to the student, in one transaction; empty when the room has no such student. */
	Optional<Row> update(RoomCode room, int id, UnaryOperator<Member> change) {
		return transaction.execute(status -> {
			Optional<Row> now = sql.sql("select * from room_member where room_code = ? and id = ? for update")
				.params(room.value(), id)
				.query(this::row)
				.optional();
			if (now.isEmpty()) {
				return Optional.<Row>empty();
			}
			Member next = withToken(change.apply(now.get().member()), null);
			long version = now.get().version() + 1;
			sql.sql("update room_member set name = ?, here = ?, lesson = ?, running = ?, following = ?, wins = ?, "
					+ "version = ? where room_code = ? and id = ?")
				.params(next.name(), next.here(), next.lesson(), next.running(), next.following(),
						json.writeValueAsString(next.wins()), version, room.value(), id)
				.update();
			return Optional.of(new Row(next, version));
		});
	}

	/** The room's students, by number. */
	List<Row> all(RoomCode room) {
		return sql.sql("select * from room_member where room_code = ? order by id").param(room.value()).query(this::row).list();
	}

	/** The room is over: its students go. */
	void delete(RoomCode room) {
		sql.sql("delete from room_member where room_code = ?").param(room.value()).update();
	}

	static Member withToken(Member m, String token) {
		return new Member(m.id(), token, m.name(), m.here(), m.lesson(), m.running(), m.following(), m.wins());
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		return new Row(new Member(rs.getInt("id"), null, rs.getString("name"), rs.getBoolean("here"), rs.getString("lesson"),
				rs.getBoolean("running"), rs.getBoolean("following"), json.readValue(rs.getString("wins"), WINS)),
				rs.getLong("version"));
	}

}
