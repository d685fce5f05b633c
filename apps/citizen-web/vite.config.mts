import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built with `vite build apps/citizen-web`; served by the gateway at /mina-arenden/
// (libs/gateway/src/citizen-web), the same origin as /graphql.
export default defineConfig({
  base: '/mina-arenden/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  logLevel: 'warn',
});
