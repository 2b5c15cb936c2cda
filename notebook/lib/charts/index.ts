/** Chart specifications derived from a result, one concept per file; pages call these in willUpdate. */
export * from './common';
export * from './cash-flow';
export * from './bonds';
export * from './waterfall';
export * from './shares';
export * from './overlay';
export * from './zones';
export * from './stock';
export * from './sweep';
export * from './tornado';
export * from './fan';
export * from './earmark';
