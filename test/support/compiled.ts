/**
 * The compiled commands and slice worker in .build/ (scripts/compile.mjs), rebuilt first when a
 * source changed: tests that spawn a command, or read a large file on two threads, run this code.
 */
import { compile, isStale } from '../../scripts/compile.mjs';

export default async function setup() {
  if (isStale()) await compile();
}
