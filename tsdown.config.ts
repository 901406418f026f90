import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'node20',
  clean: true,
  // `require('eslint-plugin-http-client')` returns the plugin itself, not `{ default }`.
  cjsDefault: true,
});
