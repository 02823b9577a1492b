import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where the API runs in development (`vite` / `vite preview`). */
const apiTarget = process.env.PHAKHI_API_URL ?? 'http://localhost:3000';

/**
 * Mantine's CSS travels with the components that use it: every Mantine core component reads its class names from
 * `<Name>.module.mjs`, and `@mantine/core/styles/<Name>.css` holds exactly those classes. This plugin adds the
 * CSS import to that module, so a component's styles land in the same chunk as its code: the login page's
 * stylesheet carries the few components the login page draws, a route's own components come with the route
 * (Vite loads a chunk's CSS before running it). Importing `@mantine/core/styles.css` whole sent 250 KB of CSS
 * (36 KB gzipped), most of it unused, before the first paint. Only the global files stay in main.tsx.
 */
function mantineCssPerComponent(): Plugin {
  const moduleFile = /[\\/]@mantine[\\/]core[\\/]esm[\\/].*[\\/]([A-Za-z]+)\.module\.mjs$/;
  return {
    name: 'phakhi:mantine-css-per-component',
    enforce: 'pre',
    transform(code, id) {
      const name = moduleFile.exec(id)?.[1];
      return name ? { code: `import '@mantine/core/styles/${name}.css';\n${code}`, map: null } : null;
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [mantineCssPerComponent(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    // read by scripts/bundle-size.ts: which chunks each page loads
    manifest: true,
    rolldownOptions: {
      output: {
        // Stable, readable vendor chunks for what every page needs; everything else splits per route.
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|use-sync-external-store)[\\/]/ },
            { name: 'vendor-i18n', test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/ },
            { name: 'vendor-tanstack', test: /node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
});
