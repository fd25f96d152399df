// Builds the React UI from web/ into dist/web, which the Fastify server serves itself.
// In development (`npm run dev:web`) API calls are proxied to the server on port 3000.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const SERVER = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Mantine alone is ~500 kB unminified; the warning threshold is raised so real growth still shows.
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': SERVER, '/docs': SERVER, '/health': SERVER },
  },
});
