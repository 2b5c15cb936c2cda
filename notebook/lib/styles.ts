/** Shared component styles: a quiet page, tabular figures, visible focus for keyboard users. */
import { css } from 'lit';

export const base = css`
  :host { display: block; box-sizing: border-box; }
  *, *::before, *::after { box-sizing: inherit; }
  h1, h2 { font-size: 1.35rem; margin: 0.2rem 0 0.4rem; font-weight: 650; }
  h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; font-weight: 620; }
  p { margin: 0.3rem 0 0.6rem; max-width: 72ch; }
  .prose { color: #2c2c2a; }
  .muted { color: #6b6b66; font-size: 0.9em; }
  .num { font-variant-numeric: tabular-nums; text-align: right; white-space: nowrap; }
  button, select, input, textarea { font: inherit; }
  button {
    border: 1px solid #c9c9c2; background: #fff; border-radius: 6px; padding: 0.2rem 0.6rem; cursor: pointer; color: inherit;
  }
  button:hover { background: #f0f0ea; }
  button[aria-pressed='true'] { background: #1f5f8b; border-color: #1f5f8b; color: #fff; }
  button:disabled { opacity: 0.5; cursor: not-allowed; }
  :focus-visible { outline: 2px solid #d9822b; outline-offset: 2px; }
  .note {
    border-left: 4px solid #d9a52b; background: #fff8e6; padding: 0.5rem 0.8rem; margin: 0.6rem 0; border-radius: 0 6px 6px 0; max-width: 80ch;
  }
  .error { color: #a8201a; }
  .grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr)); gap: 1rem; }
  .controls { display: flex; flex-wrap: wrap; gap: 0.6rem 1.4rem; align-items: end; padding: 0.6rem 0.8rem; background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; margin: 0.6rem 0; }
  .linklike { border: none; background: none; padding: 0; color: #1f5f8b; text-decoration: underline dotted; cursor: pointer; font: inherit; }
  .linklike:hover { background: none; color: #0d3d5e; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** A page's furniture: stacked sections, button groups, fieldsets and labelled fields. */
export const pageStyles = [base, css`
  .stack > * { margin-bottom: 1rem; }
  .toggle { display: inline-flex; flex-wrap: wrap; }
  .toggle button { border-radius: 0; }
  .toggle button:first-of-type { border-radius: 6px 0 0 6px; }
  .toggle button:last-of-type { border-radius: 0 6px 6px 0; }
  .group { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.85rem; }
  fieldset { border: 1px solid #e2e2dc; border-radius: 6px; padding: 0.3rem 0.7rem 0.5rem; }
  legend { font-size: 0.85rem; color: #55554f; }
  label.field { display: flex; flex-direction: column; font-size: 0.85rem; }
`];

/** A white card with a header row: its title and a row of small tool buttons (downloads, "show all"). */
export const cardStyles = css`
  :host { background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; padding: 0.6rem 0.8rem; min-width: 0; }
  header { display: flex; align-items: baseline; justify-content: space-between; gap: 0.5rem; flex-wrap: wrap; }
  h3 { margin: 0; font-size: 1rem; }
  .tools { display: flex; gap: 0.3rem; align-items: baseline; flex-wrap: wrap; }
  .tools button { font-size: 0.8rem; padding: 0.1rem 0.45rem; }
`;

/** A card's table: a scrolling box, sticky header cells, rows ruled lightly. */
export const cardTableStyles = css`
  .scroll { overflow: auto; margin-top: 0.4rem; }
  table { border-collapse: collapse; font-size: 0.85rem; width: 100%; }
  th, td { padding: 0.25rem 0.45rem; border-bottom: 1px solid #eee; vertical-align: top; }
  th { background: #fafaf7; text-align: left; font-weight: 600; white-space: nowrap; position: sticky; top: 0; z-index: 1; }
`;
