// Node and edge-runtime projects: the suite from source, through vitest's aliases to packages/*/src.
import { cases } from '../suite/index.ts';
import { registerCases } from './register.ts';

registerCases(cases);
