/**
 * Text bound for a terminal, without its control characters. A scenario name or parcel id holding
 * ESC sequences ("\u001b[2J", "\u001b[1A") would clear the screen or move the cursor and rewrite
 * the figures above it; a carriage return would overwrite a line. Such characters are removed
 * from what the CLI prints (JSON keeps them, escaped, as JSON does).
 */
// C0 controls, DEL and C1 controls, except line feed (and, where stated, tab and carriage return).
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
const CONTROL_KEEP_TAB_CR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Removes control characters but line feeds: for summaries and problem lists. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, '');
}

/** Removes control characters but tab, line feed and carriage return: for any output stream (CSV lines end in CR LF; progress bars redraw with CR). */
export function streamSafe(text: string): string {
  return text.replace(CONTROL_KEEP_TAB_CR, '');
}
