// Browser project (chromium): the browser build, .build/suite.browser.bundle.js, exactly as a page would load it.
import { registerCases } from './register.ts';

type Suite = typeof import('../suite/index.ts');
const bundle = new URL('../.build/suite.browser.bundle.js', import.meta.url).href;
const { cases } = (await import(/* @vite-ignore */ bundle)) as Suite;

registerCases(cases);
