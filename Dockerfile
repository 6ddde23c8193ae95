# syntax=docker/dockerfile:1
# Sluice, in three stages. The final image holds only the compiled server (dist/), the built admin UI
# (web/dist) and the server's production dependencies; it runs as the unprivileged `node` user with its
# SQLite file and generated secret key in the /data volume.
#
#   docker build -t sluice .
#   docker run --init -p 8080:8080 -v sluice-data:/data sluice
#
# `node scripts/replay-dockerfile.mjs` runs this file's COPY and RUN steps in a temporary directory without
# Docker, then starts the result and checks /health and the dashboard. Steps marked `replay: skip` touch the
# system (packages, /data) and are left out of that replay.

ARG NODE_VERSION=20

# --- build: every dependency, then the compiled server and the admin UI ---
FROM node:${NODE_VERSION}-bookworm-slim AS build
# replay: skip (compilers for better-sqlite3, used only when no prebuilt binary matches)
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- production-dependencies: the server's runtime packages only (no UI libraries, no dev tools) ---
FROM node:${NODE_VERSION}-bookworm-slim AS production-dependencies
# replay: skip (compilers for better-sqlite3, used only when no prebuilt binary matches)
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json web/
RUN npm ci --omit=dev --workspaces=false --no-audit --no-fund

# --- runtime ---
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/data
WORKDIR /app
# replay: skip (the volume's mount point, owned by the user the server runs as)
RUN mkdir -p /data && chown node:node /data
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself (finishes in-flight requests, then exits); compose adds `init: true`
# and `docker run --init` adds tini, which also reaps any stray child processes.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
