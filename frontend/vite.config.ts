/// <reference types="vitest" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  base: "/",
  plugins: [react()],
  build: {
    outDir: "../src/kumi/api/static",
    emptyOutDir: true,
    // the chart chunk (ECharts core with line, bar and scatter charts) is ~540 kB and loads
    // only when a chart is first shown; the page itself is far below this
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      "/api": process.env.KUMI_API_URL ?? "http://127.0.0.1:8770",
      // scoring calls of the endpoint pages' Test tab (the page route /endpoints/NAME stays here)
      "^/endpoints/[^/]+/(score|invocations|swagger\\.json)$": process.env.KUMI_API_URL ?? "http://127.0.0.1:8770",
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    // page tests wait on several rendered steps; a loaded two-core machine needs more than 5 s
    testTimeout: 30_000,
  },
});
