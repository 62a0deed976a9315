import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const outDir = resolve(import.meta.dirname, 'web/dist');

/** Write a .gz beside every text asset, so the server can send it compressed as it is (preCompressed). */
function gzipAssets(): Plugin {
  return {
    name: 'ecociv-gzip-assets',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const p = join(dir, name);
          if (statSync(p).isDirectory()) walk(p);
          else if (/\.(js|css|html|svg|json)$/.test(name)) writeFileSync(`${p}.gz`, gzipSync(readFileSync(p), { level: 9 }));
        }
      };
      walk(outDir);
    },
  };
}

// The web workspace: built into web/dist, served by the same process as the API (src/server/app.ts).
export default defineConfig({
  root: 'web',
  plugins: [react(), gzipAssets()],
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
