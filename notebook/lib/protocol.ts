/**
 * Messages between the page and the engine worker. Every request carries a sequence number and
 * a channel (a page's own stream of requests); the page draws an answer only if it is the latest
 * of its channel. A scenario with problems is an answer too (`ok: false`), never an exception.
 */
import type { Problem } from '../../engine/problem';
import type { PartialResult, Result, View } from '../../engine/report';
import type { DiffRow } from './compare';
import type { TraceAnswer, TraceQuery } from './trace';
import type { Report, ReportKind } from '../../engine/reports/report-table';

/** A run's answer: the whole Result, or (for a request that named its views) only those views. */
export type RunReply<R = Result> =
  | { ok: true; result: R; runId: number; ms: number }
  | { ok: false; problems: Problem[]; ms: number; error?: string };

/** A filed document built in the worker from a run with its postings (and the stress runs for a balance plan). */
export type ReportReply =
  | { ok: true; report: Report; ms: number }
  | { ok: false; problems: Problem[]; ms: number; error?: string };

export type WorkerRequest =
  | { type: 'run'; seq: number; channel: string; scenario: unknown; views?: readonly View[] }
  | { type: 'compare'; seq: number; channel: string; a: unknown; b: unknown }
  | { type: 'sweep'; seq: number; channel: string; scenarios: unknown[]; views?: readonly View[] }
  | { type: 'trace'; seq: number; channel: string; runId: number; query: TraceQuery }
  | { type: 'report'; seq: number; channel: string; scenario: unknown; kind: ReportKind; year?: number };

export type WorkerResponse =
  | { type: 'run'; seq: number; channel: string; reply: RunReply<Result | PartialResult<View>> }
  | { type: 'compare'; seq: number; channel: string; a: RunReply; b: RunReply; diff: DiffRow[] }
  | { type: 'sweep'; seq: number; channel: string; replies: RunReply<Result | PartialResult<View>>[] }
  | { type: 'trace'; seq: number; channel: string; answer: TraceAnswer | null; error?: string }
  | { type: 'report'; seq: number; channel: string; reply: ReportReply };
