#!/usr/bin/env node
// The `ringwatch` command. The sources are TypeScript, run through tsx's loader so that
// there is no separate build step between a checkout and a working command line.
// V8's young generation is raised from 16 to 64 MB a semi-space by `node-options` in .npmrc, so
// for `npx ringwatch`, `npm start` and `npm run …` (a `-S` in the first line would stop the
// command on systems whose `env` lacks it): reading a million persons' links from Neo4j makes
// millions of short-lived objects, and with the default the scavenger ran 3,149 times, 13.5 s
// of a 53 s projection; with 64 MB the projection took 47 s. `node bin/ringwatch.js` runs
// without it unless NODE_OPTIONS says so.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
