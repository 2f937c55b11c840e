#!/usr/bin/env node
// The `rampart` command. TypeScript runs directly through tsx, so there is no compile step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
