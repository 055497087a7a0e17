package org.threadlab.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile stays in step with the build, without Docker: it builds with the project's launcher,
 * copies the artifact the POM makes, runs Spring Boot's layers with the launcher they need, exposes the
 * port the server listens on, checks the health path the actuator serves, runs as a user who is not
 * root under an init that reaps children, and names only official images, without a registry.
 */
class DockerfileTest {

	private static String dockerfile;

	/** The instructions, continuation lines joined, comments left out. */
	private static List<String> instructions;

	private static Properties application;

	private static String pom;

	@BeforeAll
	static void read() throws IOException {
		dockerfile = Files.readString(Path.of("Dockerfile"));
		instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : dockerfile.lines().toList()) {
			if (line.isBlank() || line.trim().startsWith("#")) {
				continue;
			}
			if (line.endsWith("\\")) {
				current.append(line, 0, line.length() - 1).append(' ');
			}
			else {
				instructions.add(current.append(line).toString().trim());
				current.setLength(0);
			}
		}
		application = new Properties();
		application.load(new StringReader(Files.readString(Path.of("src/main/resources/application.properties"))));
		pom = Files.readString(Path.of("pom.xml"));
	}

	private static List<String> all(String instruction) {
		return instructions.stream().filter(i -> i.startsWith(instruction + " ")).toList();
	}

	private static String only(String instruction) {
		List<String> found = all(instruction);
		assertThat(found).as(instruction).hasSize(1);
		return found.get(0).substring(instruction.length() + 1).trim();
	}

	/** An image as a FROM names it: {@code name[:tag][@sha256:digest]}, a digest pin allowed. */
	private static final Pattern IMAGE = Pattern.compile("([^:@\\s]+)(?::([^@\\s]+))?(?:@sha256:[0-9a-f]{64})?");

	@Test
	void itBuildsOnAJdkWithTheProjectsLauncherAndRunsOnAJre() {
		List<String> from = all("FROM");
		assertThat(from).as("a build stage and the image that runs").hasSizeGreaterThanOrEqualTo(2);
		assertThat(from).anyMatch(f -> f.matches("FROM maven:\\S*eclipse-temurin-\\d+\\S* AS build"));
		assertThat(from.get(from.size() - 1)).as("the image that runs").matches("FROM eclipse-temurin:\\d+-jre\\S*");
		assertThat(dockerfile).contains("./mvnw -B -q -o -Dimage -Dmaven.test.skip=true package");
		int javaRelease = Integer.parseInt(tag(pom, "java.version"));
		for (String image : from) {
			Matcher version = Pattern.compile("temurin[-:](\\d+)").matcher(image);
			assertThat(version.find()).isTrue();
			assertThat(Integer.parseInt(version.group(1))).as(image + " runs the POM's Java").isGreaterThanOrEqualTo(javaRelease);
		}
	}

	@Test
	void aSourceEditDownloadsNothingAgainAndTheTestsLibrariesStayOut() {
		int dependencies = indexOf(i -> i.startsWith("RUN ") && i.contains("-Dthreadlab.build-tools.skip=true"));
		int sources = indexOf(i -> i.equals("COPY src src"));
		assertThat(dependencies).as("the dependencies' layer").isNotNegative().isLessThan(sources);
		assertThat(instructions.subList(0, dependencies)).as("what the dependencies' layer depends on")
			.noneMatch(i -> i.startsWith("COPY src") || i.startsWith("COPY frontend"));
		assertThat(instructions.get(dependencies)).contains("-Dimage");
		String profile = pom.substring(pom.indexOf("<id>test-dependencies</id>"));
		profile = profile.substring(0, profile.indexOf("</profile>"));
		assertThat(profile).as("-Dimage leaves the tests' libraries out").contains("<name>!image</name>",
				"<artifactId>playwright</artifactId>", "<artifactId>testcontainers-junit-jupiter</artifactId>");
	}

	private static int indexOf(java.util.function.Predicate<String> instruction) {
		for (int i = 0; i < instructions.size(); i++) {
			if (instruction.test(instructions.get(i))) {
				return i;
			}
		}
		return -1;
	}

	@Test
	void baseImagesAreOfficialImagesNamedWithoutARegistry() {
		List<String> froms = all("FROM");
		assertThat(froms).as("base images").isNotEmpty();
		for (String from : froms) {
			String image = from.split("\\s+")[1];
			Matcher named = IMAGE.matcher(image);
			assertThat(named.matches()).as(image + " reads as name:tag, perhaps pinned by a digest").isTrue();
			assertThat(named.group(1)).as(image + ": an official image has no owner, and no registry host")
				.doesNotContain("/", ".");
		}
	}

	@Test
	void aDigestPinIsAnImageToo() {
		Matcher pinned = IMAGE.matcher("eclipse-temurin:17-jre@sha256:" + "0".repeat(64));
		assertThat(pinned.matches()).isTrue();
		assertThat(pinned.group(1)).isEqualTo("eclipse-temurin");
	}

	@Test
	void itCopiesTheArtifactThePomBuildsAndRunsItsLayersWithTheirLauncher() {
		String artifact = tag(pom.substring(pom.indexOf("</parent>")), "artifactId");
		assertThat(dockerfile).contains("cp target/" + artifact + "-*.jar app.jar");
		assertThat(dockerfile).contains("java -Djarmode=tools -jar app.jar extract --layers --launcher --destination layers");
		assertThat(all("COPY").stream().filter(c -> c.startsWith("COPY --from=build")).toList()).containsExactly(
				"COPY --from=build /src/layers/dependencies/ ./", "COPY --from=build /src/layers/spring-boot-loader/ ./",
				"COPY --from=build /src/layers/snapshot-dependencies/ ./", "COPY --from=build /src/layers/application/ ./");
		assertThat(only("ENTRYPOINT")).contains("org.springframework.boot.loader.launch.JarLauncher");
		assertThat(pom).as("the layers are Spring Boot's: its plugin builds the jar").contains("spring-boot-maven-plugin");
	}

	@Test
	void itExposesThePortTheServerListensOnAndChecksTheHealthPathTheActuatorServes() {
		String port = application.getProperty("server.port");
		assertThat(only("EXPOSE")).isEqualTo(port);
		String base = application.getProperty("management.endpoints.web.base-path", "/actuator");
		assertThat(application.getProperty("management.endpoints.web.exposure.include")).contains("health");
		String check = only("HEALTHCHECK");
		assertThat(check).contains("/dev/tcp/127.0.0.1/" + port, "GET " + base + "/health ", "\\\"status\\\":\\\"UP\\\"");
	}

	@Test
	void itRunsAsAUserWhoIsNotRootUnderAnInitThatReapsChildren() {
		String user = only("USER");
		assertThat(user).isNotIn("root", "0");
		assertThat(dockerfile).containsPattern("useradd [^\\n]*--uid [1-9]\\d* [^\\n]*" + Pattern.quote(user));
		assertThat(only("ENTRYPOINT")).startsWith("[\"/usr/bin/tini\", \"--\"");
		assertThat(dockerfile).contains("install -y --no-install-recommends tini python3");
		assertThat(only("ENV")).contains("MaxRAMPercentage", "ExitOnOutOfMemoryError");
	}

	@Test
	void savedRunsLiveInAVolumeTheServersUserOwns() {
		String dir = only("VOLUME");
		assertThat(only("ENV")).contains("THREADLAB_DATA_DIR=" + dir);
		assertThat(dockerfile).contains("mkdir " + dir + " && chown " + only("USER") + " " + dir);
		assertThat(application.getProperty("spring.datasource.url")).contains("${threadlab.data-dir}");
	}

	@Test
	void theBuildContextHoldsTheSourcesAndNotTheBuildOutput() throws IOException {
		List<String> ignored = Files.readAllLines(Path.of(".dockerignore"))
			.stream()
			.filter(l -> !l.isBlank() && !l.startsWith("#"))
			.toList();
		assertThat(ignored).contains("target/", ".git/");
		for (String copied : List.of("mvnw", "pom.xml", ".mvn", "src", "frontend")) {
			assertThat(ignored).noneMatch(pattern -> pattern.startsWith(copied));
			assertThat(all("COPY")).as(copied + " is copied in").anyMatch(c -> List.of(c.split("\\s+")).contains(copied));
		}
	}

	@Test
	void whatAContainerRunsKeepsItsLineEndingsOnEveryCheckout() throws IOException {
		List<String> attributes = Files.readAllLines(Path.of(".gitattributes"));
		for (String script : List.of("mvnw", ".ci/run", "*.sh", "*.py", "Dockerfile")) {
			assertThat(attributes).as(script + " checked out with LF line endings, also by Git for Windows")
				.anyMatch(line -> line.matches(java.util.regex.Pattern.quote(script) + "\\s+.*\\beol=lf\\b.*"));
		}
	}

	private static String tag(String xml, String name) {
		Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
		assertThat(m.find()).as(name).isTrue();
		return m.group(1).trim();
	}

}
