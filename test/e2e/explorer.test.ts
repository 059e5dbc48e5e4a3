// The web explorer end to end: the real server (API and built app), a real Neo4j with a small
// generated data set, and Debian's Chromium. One setup shared by every flow (each flow is a
// module under flows/ that registers its tests); screenshots go to test-artifacts/screens.
import { afterAll, beforeAll, describe } from 'vitest';
import { startExplorer, type Explorer } from './explorer-fixture.js';
import { casesFlow } from './flows/cases.js';
import { internalFlow } from './flows/internal.js';
import { modelsFlow } from './flows/models.js';
import { networkFlow } from './flows/network.js';
import { networkToolsFlow } from './flows/network-tools.js';
import { signInFlow } from './flows/sign-in.js';
import { rankingsFlow } from './flows/rankings.js';
import { entityFlow } from './flows/entity.js';

let explorer: Explorer;
const current = () => explorer;

describe('web explorer in Chromium (real server, real Neo4j)', () => {
  beforeAll(async () => {
    explorer = await startExplorer();
  }, 300_000);
  afterAll(async () => {
    await explorer?.close();
  });

  signInFlow(current);
  rankingsFlow(current);
  entityFlow(current);
  networkFlow(current);
  networkToolsFlow(current);
  casesFlow(current);
  modelsFlow(current);
  internalFlow(current);
});
