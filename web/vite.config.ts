// The web app is written against React's API and runs on Preact's compat layer: react-dom 19's
// client alone is ~58 kB gzipped, more than the tracking page's whole 60 kB budget (README,
// "The web app"). Each route is its own chunk; the manifest lets bench/web-bundle.ts add up
// what each page loads.
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

const preact = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  // The shim is for React < 18; preact/compat has useSyncExternalStore itself.
  { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: 'preact/compat' },
];

export default defineConfig({
  plugins: [tailwindcss()],
  resolve: { alias: preact, dedupe: ['preact'] },
  build: {
    manifest: true,
    target: 'es2022',
    // Budgets are checked by bench/web-bundle.ts and a test, not by Vite's warning.
    chunkSizeWarningLimit: 200,
    rolldownOptions: {
      // react-query marks its files "use client" for React Server Components; meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    // `npm run dev --workspace web` beside `npm start`: the API stays on port 3000.
    proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' },
  },
});
