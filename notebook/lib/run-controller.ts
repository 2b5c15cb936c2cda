/**
 * A Lit reactive controller that keeps a page's latest engine answer. `request(key, scenario)`
 * asks the worker only when the key (the scenario ref and the controls that shape it) changed;
 * answers to superseded requests never arrive here (the client drops them), so the page always
 * draws the newest scenario, and shows `pending` while one is being computed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { engine } from './engine-client';
import type { RunReply } from './protocol';
import type { PartialResult, View } from '../../engine/report';

export class RunController<V extends View = View> implements ReactiveController {
  reply: RunReply<PartialResult<V>> | null = null;
  pending = false;
  private key: string | null = null;

  /** `views`: the parts of the Result the page draws (all when omitted); the worker makes only those. */
  constructor(private host: ReactiveControllerHost, private channel: string, private views?: readonly V[]) {
    host.addController(this);
  }

  hostConnected() {}

  /**
   * A page whose scenario failed to load (it does not compose or parse) draws that scenario's
   * problems: the figures of the scenario before must not stay under the new name.
   */
  hostUpdate() {
    const loaded = (this.host as { loaded?: { ok: boolean } | null }).loaded;
    if (loaded && !loaded.ok && (this.reply !== null || this.pending)) {
      this.reply = null;
      this.pending = false;
      this.key = null;
    }
  }

  request(key: string, scenario: unknown): void {
    if (key === this.key) return;
    this.key = key;
    this.pending = true;
    const asked = this.views ? engine().run(this.channel, scenario, this.views) : (engine().run(this.channel, scenario) as Promise<RunReply<PartialResult<V>> | null>);
    void asked.then((reply) => {
      if (reply === null) return;
      this.reply = reply;
      this.pending = false;
      this.host.requestUpdate();
    });
  }

  /** Forget the key so the next request runs even if unchanged (a reloaded library entry). */
  reset(): void {
    this.key = null;
  }
}

/** A stable key of the inputs of a run: the loaded scenario's identity and the control values. */
const ids = new WeakMap<object, number>();
let next = 1;
export function identity(o: object): number {
  let id = ids.get(o);
  if (id === undefined) { id = next++; ids.set(o, id); }
  return id;
}
