#!/usr/bin/env node
// The `clientloop` command (package.json bin): runs server/cli.ts through tsx.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../server/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
