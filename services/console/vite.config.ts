import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is a static build: services/console/server serves it and forwards /api/<service>/ to the services.
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  // The timings table is a profiling aid, not a build result: it stays out of npm start's output.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, rolldownOptions: { checks: { bundlerTimings: false } } },
});
