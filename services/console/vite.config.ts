import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is a static build: services/console/server serves it and forwards /api/<service>/ to the services.
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
