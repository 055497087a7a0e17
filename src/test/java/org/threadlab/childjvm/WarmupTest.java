package org.threadlab.childjvm;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * Every spare does the warm-up before it says it is ready; if the warm-up threw (a class it preloads
 * renamed or misspelt), no spare would ever be ready and every process would start cold, with only a
 * warning in the log. So the warm-up must go through here.
 */
class WarmupTest {

	@Test
	void theWarmUpASpareDoesGoesThroughEveryClassItPreloads() {
		assertThatCode(Warmup::run).doesNotThrowAnyException();
	}

}
