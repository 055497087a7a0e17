# ThreadLab for a workshop: one container serves a room (README, "Run a workshop").
#   docker build -t threadlab .
#   docker run -d --name threadlab -p 8080:8080 --restart unless-stopped threadlab
# Base images are Docker Hub's official ones, named without a registry.

# ---- build: the project's own Maven launcher, on a JDK image that has Maven ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# What the build needs from Maven's registry, in a layer of its own that only a change of the POM
# invalidates: the build's plugins run once on the POM alone (nothing to compile yet, so the steps that
# need sources are skipped), which fetches every plugin and library the real build below uses; a source
# edit then builds offline from the next COPY on and downloads nothing. -Dimage leaves out the tests'
# libraries (a browser driver, Testcontainers: ~200 MB): the image never runs the tests.
COPY mvnw pom.xml ./
COPY .mvn .mvn
# (a checkout on Windows may have lost mvnw's executable bit)
RUN chmod +x mvnw && ./mvnw -B -q -Dimage -Dmaven.test.skip=true -Dthreadlab.build-tools.skip=true -Dexec.skip=true \
      -Dspring-boot.repackage.skip=true package \
 && rm -rf target
COPY src src
COPY frontend frontend
RUN ./mvnw -B -q -o -Dimage -Dmaven.test.skip=true package \
 && cp target/threadlab-*.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination layers

# ---- run: a JRE, Spring Boot's layers (the ones that change least first), a user who is not root ----
FROM eclipse-temurin:17-jre
# tini is PID 1: it passes signals on and reaps any child process whose parent is gone.
# python3 runs the tutorial's own listings beside ThreadLab's runs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini python3 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin threadlab \
 && mkdir /data && chown threadlab /data
WORKDIR /app
COPY --from=build /src/layers/dependencies/ ./
COPY --from=build /src/layers/spring-boot-loader/ ./
COPY --from=build /src/layers/snapshot-dependencies/ ./
COPY --from=build /src/layers/application/ ./
USER threadlab
EXPOSE 8080
# Saved runs and rooms: the embedded database's file lives in /data, a volume that outlives the
# container (docker run -v threadlab-data:/data …); spring.datasource.* names a PostgreSQL instead.
VOLUME /data
# The JVM's heap is half the container's memory: the rest is for child JVMs (128 MB of heap at most
# each, about 100 MB used) and python3. Out of memory, the server exits, and Docker's restart policy starts a fresh one.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError" \
    THREADLAB_DATA_DIR=/data
# No curl in the JRE image: bash asks the health endpoint itself.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["/usr/bin/tini", "--", "sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "threadlab"]
