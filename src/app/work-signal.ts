// "There may be work now": a signal that wakes the deadline sweep and the outbox dispatcher at
// once after something was written (a complaint taken, an action done, a mail read), instead of
// at their next interval — so a receipt or a reply leaves in a moment, not seconds later. In
// this process directly; to the other processes on one PostgreSQL through `broadcast` (NOTIFY),
// so a web process with no background work wakes the workers. Losing a signal is harmless: the
// loops still poll on their interval.
import { randomUUID } from 'node:crypto';

export type WorkTopic = 'sweep' | 'outbox';
const TOPICS: readonly WorkTopic[] = ['sweep', 'outbox'];

export class WorkSignal {
  private readonly listeners = new Map<WorkTopic, Set<() => void>>();
  /** Tells this process's own announcements apart when they come back. */
  private readonly origin = randomUUID();
  private readonly pending = new Set<WorkTopic>();
  private flushing = false;

  constructor(private readonly broadcast?: (payload: string) => Promise<void>) {}

  /** Wakes whatever listens for these topics (all when none is named), here and elsewhere. */
  notify(...topics: WorkTopic[]): void {
    const named = topics.length ? topics : TOPICS;
    this.wake(named);
    if (!this.broadcast) return;
    for (const t of named) this.pending.add(t);
    if (this.flushing) return;
    this.flushing = true;
    // One announcement for the writes of one turn of the event loop.
    setImmediate(() => {
      const payload = `${this.origin} ${[...this.pending].join(',')}`;
      this.pending.clear();
      this.flushing = false;
      this.broadcast!(payload).catch(() => {});
    });
  }

  /** An announcement from another process (see broadcast); this process's own are ignored. */
  received(payload: string): void {
    const [origin, list = ''] = payload.split(' ');
    if (origin === this.origin) return;
    this.wake(TOPICS.filter((t) => list.split(',').includes(t)));
  }

  /** Calls `wake` on each notify of the topic; returns the unsubscribe. */
  subscribe(topic: WorkTopic, wake: () => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(wake);
    return () => set.delete(wake);
  }

  private wake(topics: readonly WorkTopic[]): void {
    for (const topic of topics) for (const wake of this.listeners.get(topic) ?? []) wake();
  }
}
