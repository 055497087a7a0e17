package org.threadlab.saved;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The saved runs and rooms in the embedded default: H2 in a file under the data folder. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SavedRunsH2IT extends SavedRunsContract {

	@Value("${threadlab.data-dir}")
	String dataDir;

	@Test
	void theDatabaseIsAFileUnderTheDataFolder() {
		assertThat(Files.exists(Path.of(dataDir, "threadlab.mv.db"))).isTrue();
	}

}
