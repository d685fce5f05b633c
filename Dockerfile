# Frontdoor: one image for the gateway, the worker and the migration step (docs/deployment.md).
#   docker build -t frontdoor .
#   docker run frontdoor                                  # gateway (node dist/apps/gateway/src/main.js)
#   docker run frontdoor node dist/apps/worker/src/main.js
#   docker run frontdoor node dist/apps/gateway/src/migrate.js

# --- build: dependencies (better-sqlite3 compiles here), the production bundle, the console and the citizen page
FROM node:24-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci --no-fund --no-audit \
  && node -r @swc-node/register tools/bench/src/build-dist.ts \
  && node node_modules/vite/bin/vite.js build apps/agent-console \
  && node node_modules/vite/bin/vite.js build apps/citizen-web \
  && npm prune --omit=dev --no-fund --no-audit \
  && (cd installed-plugins && npm ci --omit=dev --no-fund --no-audit)

# --- runtime: compiled JavaScript only, run by plain node as an unprivileged user
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Department plugins installed from their tarballs (docs/deployment.md, "A plugin from a tarball").
COPY --from=build /app/installed-plugins ./installed-plugins
COPY --from=build /app/apps/agent-console/dist ./apps/agent-console/dist
COPY --from=build /app/apps/citizen-web/dist ./apps/citizen-web/dist
# The node image's unprivileged user (uid 1000); nothing in /app is writable by it.
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--max-semi-space-size=16", "dist/apps/gateway/src/main.js"]
