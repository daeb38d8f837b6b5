# syntax=docker/dockerfile:1
#
# IDEA Brand Coach: one image serving the API and the built web app.
#   docker build -t idea-brand-coach .
#   docker build -t idea-brand-coach --build-arg VITE_SENTRY_DSN=https://key@o0.ingest.sentry.io/1 .
#   docker run -p 8080:8080 -e AUTH_SECRET=... -e PUBLIC_URL=https://... -e SMTP_URL=... \
#     -e DATABASE_URL=postgres://... idea-brand-coach
# The server is TypeScript run directly by Node (type stripping); only the web app is built.
# docs/runbooks/deploy.md describes environments, rollout and rollback.

ARG NODE_IMAGE=node:24-slim

# --- Build the web app (needs the dev dependencies: Vite, React, Tailwind) ----------------------
FROM ${NODE_IMAGE} AS web
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json vite.config.ts ./
COPY scripts/precompress.ts scripts/
COPY src/core src/core
COPY src/web src/web
# Browser error reporting is configured at build time (Vite inlines it); empty means off.
ARG VITE_SENTRY_DSN=""
ARG VITE_SENTRY_ENVIRONMENT=""
ARG VITE_SENTRY_RELEASE=""
ENV VITE_SENTRY_DSN=${VITE_SENTRY_DSN} \
    VITE_SENTRY_ENVIRONMENT=${VITE_SENTRY_ENVIRONMENT} \
    VITE_SENTRY_RELEASE=${VITE_SENTRY_RELEASE}
RUN npm run build

# --- Production dependencies only ---------------------------------------------------------------
# The server imports nothing from devDependencies. Optional dependencies are left out too: here
# they are only optional peers of better-auth (Vite, Vitest, drizzle-kit…), which halves the size.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force

# --- Runtime ------------------------------------------------------------------------------------
FROM ${NODE_IMAGE}
# pg_dump/pg_restore for the backup job on PostgreSQL (a newer client dumps older servers), and
# tini as PID 1: it forwards SIGTERM to Node and reaps the pg_dump children.
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/app/data \
    BACKUP_DIR=/app/backups \
    STATIC_DIR=/app/dist/web \
    NODE_COMPILE_CACHE=/app/.compile-cache \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY package.json ./
COPY src/core src/core
COPY src/server src/server
COPY --from=web /app/dist/web dist/web
# PGlite's data folder (used only when DATABASE_URL is unset) and the local backup folder; mount
# volumes here to keep them. Everything else in the image is read-only for the app's user.
RUN mkdir -p /app/data /app/backups && chown node:node /app/data /app/backups
# Node's compile cache, filled here: importing main.ts (and each worker thread's module) loads every
# module the server starts with but runs nothing, so no container strips TypeScript types (ADR 0057).
RUN node --import=./src/server/platform/compile-cache.mjs --input-type=module \
      -e "import { globSync } from 'node:fs'; for (const file of ['src/server/main.ts', ...globSync('src/server/**/*-worker.ts')]) await import('./' + file);" \
  && chown -R node:node /app/.compile-cache
USER node
EXPOSE 8080
# Ready, not just alive: the database answers and every migration is applied. A load balancer
# should probe the same path; /healthz (liveness) stays green while the database is away.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# On SIGTERM Node stops accepting, drains in-flight requests and closes the database
# (SHUTDOWN_TIMEOUT_MS); give the container at least that long to stop. The V8 flags are
# src/server/platform/node-flags.ts's (ADR 0054).
CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=50", "--import=./src/server/platform/compile-cache.mjs", "src/server/main.ts"]
