// Presentation: how results are written out for people and files (tables, CSV, XLSX, terminal text).
// It reads the engine's results; nothing in the ledger core imports it.
export { resultTables, tableToCsv, periodColumns, parcelColumns, type Table, type Column } from './tables';
export { csvCell, csvRow, csvText, type CsvOptions } from './csv';
export { displayWidth, padEnd, padStart } from './display-width';
export { heatMap, progressBar, renderTable, toCsv, tornadoBars } from './plain-text';
export { terminalSafe, streamSafe } from './terminal-text';
export { formatProblems } from './problem-text';
