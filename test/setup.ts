/** Runs before every test file: the cleanups shared helpers registered (see test/cleanup.ts). */
import { afterAll, afterEach } from 'vitest';
import { runFileCleanups, runTestCleanups } from './cleanup.js';

afterEach(runTestCleanups);
afterAll(runFileCleanups);
