#!/usr/bin/env node
// The `ringwatch` command. The sources are TypeScript, run through tsx's loader so that
// there is no separate build step between a checkout and a working command line.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
