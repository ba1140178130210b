#!/usr/bin/env node
// The command line is written in TypeScript and runs prebuilt (build/cli, made by `npm ci`'s
// prepare step). When a source file changed since, or the build is missing, it is rebuilt here
// first, so the command always runs the sources as they are.
import { ensureCli } from '../scripts/build-cli.mjs';

const { main } = await import(await ensureCli());
process.exitCode = await main(process.argv.slice(2));
