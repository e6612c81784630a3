import path from 'node:path';
import { gzipSync } from 'node:zlib';
import tailwind from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The chat page's initial JavaScript (the entry, the chat page's chunk and what they import statically) must stay under this. */
const initialBudgetKb = 300;

/** Prints the gzip size of the JavaScript a first load of the chat page fetches, and fails the build over budget. */
function initialSizeReport(): Plugin {
  return {
    name: 'switchboard:initial-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      const chatPage = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/pages/chat/index.tsx'));
      if (!entry || !chatPage) return;
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        const file = bundle[fileName];
        if (seen.has(fileName) || !file || file.type !== 'chunk') return;
        seen.add(fileName);
        file.imports.forEach(visit);
      };
      visit(entry.fileName);
      visit(chatPage.fileName);
      const bytes = [...seen].reduce((sum, name) => {
        const file = bundle[name];
        return sum + (file?.type === 'chunk' ? gzipSync(file.code).length : 0);
      }, 0);
      const kb = bytes / 1024;
      this.info(
        `chat page initial JavaScript: ${kb.toFixed(1)} KB gzip in ${seen.size} files (budget ${initialBudgetKb} KB)`,
      );
      if (kb > initialBudgetKb)
        this.error(
          `the chat page's initial JavaScript is ${kb.toFixed(1)} KB gzip, over ${initialBudgetKb} KB`,
        );
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), tailwind(), initialSizeReport()],
  // The server's zod schemas, for the API's types (type-only imports: no server code in the bundle).
  resolve: { alias: { '@server': path.resolve(import.meta.dirname, '../src') } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', ws: true },
      '/mcp': 'http://127.0.0.1:3000',
      '/v1': 'http://127.0.0.1:3000',
    },
  },
});
