package org.threadlab.saved;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;

/**
 * The saved runs and rooms in a real PostgreSQL (Debian's, which .ci/run installs and starts): the
 * same migrations, the same mapping. Where no PostgreSQL answers it is skipped with a message, except
 * on CI ({@code CI=true}), where it fails. The database: {@code threadlab.test.pg.url} (default
 * {@code jdbc:postgresql://localhost:5432/threadlab_test}), user and password {@code threadlab}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SavedRunsPostgresIT extends SavedRunsContract {

	static final String URL = System.getProperty("threadlab.test.pg.url", "jdbc:postgresql://localhost:5432/threadlab_test");

	static final String USER = System.getProperty("threadlab.test.pg.user", "threadlab");

	static final String PASSWORD = System.getProperty("threadlab.test.pg.password", "threadlab");

	@BeforeAll
	static void aPostgresAnswers() {
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
			assertThat(connection.isValid(5)).isTrue();
		}
		catch (SQLException none) {
			String why = "no PostgreSQL at " + URL + " as " + USER + " (" + none.getMessage()
					+ "); .ci/run installs and starts Debian's";
			if ("true".equals(System.getenv("CI"))) {
				throw new AssertionError(why, none);
			}
			Assumptions.abort(why);
		}
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> URL);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
	}

	@Autowired
	DataSource dataSource;

	@Test
	void itIsPostgresThatKeepsThem() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
	}

}
