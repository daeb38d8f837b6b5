# syntax=docker/dockerfile:1
#
# IDEA Brand Coach: one image serving the API and the built web app.
#   docker build -t idea-brand-coach .
#   docker run -p 8080:8080 -e AUTH_SECRET=... -e PUBLIC_URL=https://... -e SMTP_URL=... \
#     -e DATABASE_URL=postgres://... idea-brand-coach
# The server is TypeScript run directly by Node (type stripping); only the web app is built.

# --- Build the web app (needs the dev dependencies: Vite, React, Tailwind) ----------------------
FROM node:24-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json vite.config.ts ./
COPY scripts/precompress.ts scripts/
COPY src/core src/core
COPY src/web src/web
RUN npm run build

# --- Production dependencies only ---------------------------------------------------------------
# The server imports nothing from devDependencies. Optional dependencies are left out too: here
# they are only optional peers of better-auth (Vite, Vitest, drizzle-kit…), which halves the size.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force

# --- Runtime ------------------------------------------------------------------------------------
FROM node:24-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/app/data \
    STATIC_DIR=/app/dist/web
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY package.json ./
COPY src/core src/core
COPY src/server src/server
COPY --from=web /app/dist/web dist/web
# PGlite's data folder, used only when DATABASE_URL is unset (mount a volume here to keep it).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Node is PID 1 and handles SIGTERM itself: it stops accepting, drains requests, closes the database.
CMD ["node", "src/server/main.ts"]
