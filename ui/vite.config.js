import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Defence in depth for a page that shows attacker-controlled text: no inline script, nothing from elsewhere.
// Only in the build, since the dev server injects inline styles.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const contentSecurityPolicy = {
  name: 'opensoc-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
  ],
};

// Served by Quarkus from META-INF/resources/ui, so every asset URL starts with /ui/.
export default defineConfig({
  base: '/ui/',
  plugins: [react(), contentSecurityPolicy],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{js,jsx}'],
  },
});
