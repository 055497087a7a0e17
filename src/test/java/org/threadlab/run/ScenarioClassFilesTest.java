package org.threadlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.scenario.lines.LineCases;

/**
 * A class of scenario code that the build did not rewrite (compiled by an IDE, say) is noticed, in a
 * folder or in a jar, so that lines are then found by walking the stack rather than read wrong.
 */
class ScenarioClassFilesTest {

	private static final String REWRITTEN = "org/threadlab/scenario/lines/LineCases.class";

	/** Any class the build leaves alone will do as one it forgot. */
	private static final String FORGOTTEN = "org/threadlab/scenario/lines/Forgotten.class";

	private static final String PLUMBING = "org/threadlab/scenario/Plumbing.class";

	@Test
	void aClassInAFolderThatTheBuildDidNotRewriteIsNamed(@TempDir Path folder) throws Exception {
		copy(REWRITTEN, folder.resolve(REWRITTEN));
		copy(classFileOf(Run.class), folder.resolve(FORGOTTEN));
		copy(classFileOf(Run.class), folder.resolve(PLUMBING));
		ScenarioClassFiles.Survey survey = survey(folder);
		assertThat(survey.classes()).as("the package's own plumbing is not scenario code").isEqualTo(2);
		assertThat(survey.unstamped()).containsExactly(FORGOTTEN);
		assertThat(survey.allStamped()).isFalse();
	}

	@Test
	void aJarWhoseScenarioCodeWasAllRewrittenPasses(@TempDir Path folder) throws Exception {
		Path jar = folder.resolve("lessons.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (String dir : new String[] { "org/", "org/threadlab/", "org/threadlab/scenario/",
					"org/threadlab/scenario/lines/" }) {
				out.putNextEntry(new JarEntry(dir));
				out.closeEntry();
			}
			out.putNextEntry(new JarEntry(REWRITTEN));
			try (InputStream in = resource(REWRITTEN)) {
				in.transferTo(out);
			}
			out.closeEntry();
		}
		ScenarioClassFiles.Survey survey = survey(jar);
		assertThat(survey.classes()).isEqualTo(1);
		assertThat(survey.allStamped()).isTrue();
	}

	@Test
	void noScenarioCodeAtAllIsNotTakenForRewritten(@TempDir Path folder) throws Exception {
		assertThat(survey(folder).allStamped()).isFalse();
	}

	private static ScenarioClassFiles.Survey survey(Path root) throws IOException {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { root.toUri().toURL() }, null)) {
			return ScenarioClassFiles.survey(loader);
		}
	}

	private static String classFileOf(Class<?> type) {
		return type.getName().replace('.', '/') + ".class";
	}

	private static void copy(String resource, Path to) throws IOException {
		Files.createDirectories(to.getParent());
		try (InputStream in = resource(resource); OutputStream out = Files.newOutputStream(to)) {
			in.transferTo(out);
		}
	}

	private static InputStream resource(String name) {
		InputStream in = LineCases.class.getClassLoader().getResourceAsStream(name);
		assertThat(in).as(name).isNotNull();
		return in;
	}

}
