package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A storm of refusals makes one log line, then at most one a minute that counts the rest. */
@ExtendWith(OutputCaptureExtension.class)
class RefusalLogTest {

	@Test
	void thousandsOfRefusalsMakeOneLineAndThenOneAMinuteWithTheirCount(CapturedOutput output) {
		AtomicLong now = new AtomicLong(1_000);
		RefusalLog log = new RefusalLog(LoggerFactory.getLogger(RefusalLogTest.class), "test sockets", now::get);
		for (int i = 0; i < 5_000; i++) {
			log.refused("refusal " + i);
			now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1)); // five seconds in all
		}
		assertThat(lines(output)).hasSize(1);
		assertThat(lines(output).get(0)).contains("refused test sockets: refusal 0");

		now.addAndGet(RefusalLog.PERIOD_NANOS);
		log.refused("the latest");
		assertThat(lines(output)).hasSize(2);
		assertThat(lines(output).get(1)).contains("refused 5000 test sockets in the last 65 s; the latest: the latest");
	}

	private static java.util.List<String> lines(CapturedOutput output) {
		return output.getOut().lines().filter(line -> line.contains("test sockets")).toList();
	}

}
