import fc from 'fast-check';

// Property tests draw the same cases on every run, so CI cannot fail on a lucky draw;
// FC_SEED=<n> explores other cases (a failure prints the seed and path that reproduce it).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261204) });
