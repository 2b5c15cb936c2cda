#!/usr/bin/env node
// `node bin/lrsim.mjs …` as before: the CLI is bin/lrsim.cjs (the package's `lrsim`), which this runs.
import './lrsim.cjs';
