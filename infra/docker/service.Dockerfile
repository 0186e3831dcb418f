# The image of every service: docker-compose.yml builds it with the service's folder as the context and passes the
# service's name and port. Build the jars first (./mvnw -B package -DskipTests), then docker compose build.
FROM eclipse-temurin:17-jre
# PyTorch runs markedly faster on CPU with tcmalloc than with glibc's malloc (BENCHMARKS.md)
RUN apt-get update && apt-get install -y --no-install-recommends libtcmalloc-minimal4 \
    && rm -rf /var/lib/apt/lists/*
ENV LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
# the service runs unprivileged: it reads /app and writes only its temporary folder (the shard cache)
RUN useradd --system --uid 10001 --no-create-home squeezepipe
# declared after the shared layers above, so the four images share them
ARG SERVICE
ARG VERSION=0.1.0-SNAPSHOT
ARG PORT
# extra JIT options of one service's image: the predictor's is C1 only (docker-compose.yml, BENCHMARKS.md)
ARG JIT_OPTS=""
WORKDIR /app
COPY target/lib/ /app/lib/
COPY target/${SERVICE}-${VERSION}.jar /app/app.jar
# configuration and credentials come from the environment at run time (docker-compose.yml), never from the image
ENV JAVA_OPTS="-Xmx4g -XX:+ExitOnOutOfMemoryError -Dai.djl.offline=true ${JIT_OPTS}"
EXPOSE ${PORT}
# where NNPACK cannot start, libtorch logs a warning on every small-batch convolution: those lines are dropped
USER 10001
ENTRYPOINT ["bash", "-c", "exec java $JAVA_OPTS -jar /app/app.jar 2> >(grep --line-buffered -v 'Could not initialize NNPACK' >&2)"]
