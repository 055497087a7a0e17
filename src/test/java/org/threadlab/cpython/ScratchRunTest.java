package org.threadlab.cpython;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.threadlab.testing.Pythons;

class ScratchRunTest {

	@Test
	void show() throws Exception {
		List<Object> all = new CopyOnWriteArrayList<>();
		PythonRun.start(Pythons.interpreter(), RenderedListings.python("deadlock", Map.of("sameOrder", true)), 10,
				new PythonRun.Limits(60, 8, 100000, 2.0), all::addAll, all::addAll).result().get(60, TimeUnit.SECONDS);
		all.forEach(System.out::println);
	}

}
