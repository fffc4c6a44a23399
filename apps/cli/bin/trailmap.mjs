#!/usr/bin/env node
// Runs the TypeScript sources directly: the workspace has no build step, tsx compiles on load.
import { register } from 'tsx/esm/api';

// `trailmap templates | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
