/**
 * The notebook's side of a trace: a clicked figure as a query for the engine's trace
 * (engine/trace.ts), which runs in the worker next to the ledger and answers with the postings,
 * rules and parameters behind the figure; the page draws the answer (<lr-trace>).
 *
 *   {metric: 'shares.province', parcel: 'HN-SY-01', value: '351348000.00'}
 */
import { traceFigure, type TraceAnswer as EngineAnswer } from '../../engine/trace';
import { figureKey } from './metrics';
import type { RunOutput } from '../../engine/run';

export interface TraceQuery {
  /** A figure key of the engine's catalogue ('saleRevenue', 'shares.city', 'provisionsByKind.education'…). */
  metric: string;
  period?: string;
  year?: number;
  parcel?: string;
  zone?: string;
  /** Which run of a pair the figure belongs to (the compare page); the worker ignores it. */
  side?: 'a' | 'b';
  /** The figure as the page shows it (元 string), to check the postings against. */
  value?: string;
}

export type TraceAnswer = Omit<EngineAnswer, 'query'> & { query: TraceQuery };

export function traceQuery(out: RunOutput, query: TraceQuery): TraceAnswer {
  const { metric, side: _side, ...scope } = query;
  return { ...traceFigure(out, { figure: figureKey(metric), ...scope }), query };
}
