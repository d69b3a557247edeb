import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the embeddable widget into dist/web/widget/widget.js: one self-contained classic script
 * (IIFE, no framework, styles inlined) that src/http/widget/widget-assets.ts serves at /widget.js.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../dist/web/widget', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    reportCompressedSize: true,
    lib: {
      entry: fileURLToPath(new URL('src/main.ts', import.meta.url)),
      formats: ['iife'],
      name: 'DocentWidget',
      fileName: () => 'widget.js',
    },
  },
});
