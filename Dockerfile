# mandatemap API. Multi-stage: build with the toolchain the native SQLite addon
# needs, run on a slim image as the unprivileged `node` user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    MANDATEMAP_HOST=0.0.0.0 \
    MANDATEMAP_PORT=4000 \
    MANDATEMAP_DB=/app/data/mandatemap.db
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/api/graphql/schema ./api/graphql/schema
COPY --from=build --chown=root:root /app/migrations ./migrations
COPY --from=build --chown=root:root /app/viz/dist ./viz/dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "dist/api/cli.js"]
CMD ["serve", "--empty"]
