/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    env: { TZ: 'UTC', LANG: 'C' },
    testTimeout: 30_000,
    hookTimeout: 600_000,
  },
});
