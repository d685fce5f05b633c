import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built with `vite build apps/agent-console`; served by the gateway at /console/
// (libs/gateway/src/console), the same origin as /graphql.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  logLevel: 'warn',
});
