package org.threadlab.childjvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;

class EventLineTest {

	private static Event roundTrip(Event e) {
		String line = EventLine.encode(e);
		assertThat(line).doesNotContain("\n");
		return EventLine.decode(line);
	}

	@Test
	void everyKindOfValueCrossesThePipeUnchanged() {
		Object[] values = { null, "text", 42L, 2.5, true,
				new ActorInfo(3, "Thread-1 (get_detail_html)", ActorInfo.Type.THREAD, 4242, 0, true) };
		for (Object value : values) {
			Event e = new Event(7, 123_456_789L, 3, EventKind.PRINT, "obj", value, 31, 5);
			assertThat(roundTrip(e)).isEqualTo(e);
		}
	}

	@Test
	void tabsNewlinesAndBackslashesInTextAreEscaped() {
		Event e = new Event(0, 1, 0, EventKind.PRINT, "a\tb", "line one\nline\\two\r\tend", 0, -1);
		assertThat(roundTrip(e)).isEqualTo(e);
	}

	@Test
	void mapsAndListsCrossAsJson() {
		Object value = java.util.Map.of("actors", java.util.List.of("A", "B"), "description", "A waits\tfor \"b\"", "size", 3L,
				"share", 0.5, "held", true);
		Event e = new Event(0, 1, 0, EventKind.CREATE, "lock", value, 0, -1);
		assertThat(roundTrip(e).value()).isEqualTo(value);
	}

	@Test
	void aCauseInAnotherProcessCrossesAsPidAndSeq() {
		long foreign = org.threadlab.run.EventOrigins.foreign(4242, 17);
		Event e = new Event(3, 1, 0, EventKind.GOT, "q", "item", 12, foreign);
		assertThat(EventLine.encode(e)).contains("\t4242:17\t");
		assertThat(roundTrip(e).cause()).isEqualTo(foreign);
	}

	@Test
	void aNameWithCommasSurvivesInAnActor() {
		ActorInfo info = new ActorInfo(1, "worker, the first", ActorInfo.Type.PROCESS, 1, -1, false);
		Event e = new Event(0, 1, 1, EventKind.SPAWN, null, info, 0, -1);
		assertThat(roundTrip(e).value()).isEqualTo(info);
	}

}
