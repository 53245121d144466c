// "There may be work now": a process-local signal that wakes this process's deadline sweep and
// outbox dispatcher at once after something was written (a complaint taken, an action done, a
// mail read), instead of at their next interval — so a receipt or a reply leaves in a moment,
// not seconds later. Losing a signal is harmless: the loops still poll on their interval.
export type WorkTopic = 'sweep' | 'outbox';

export class WorkSignal {
  private readonly listeners = new Map<WorkTopic, Set<() => void>>();

  /** Wakes whatever listens for these topics (both when none is named). */
  notify(...topics: WorkTopic[]): void {
    for (const topic of topics.length ? topics : (['sweep', 'outbox'] as const)) {
      for (const wake of this.listeners.get(topic) ?? []) wake();
    }
  }

  /** Calls `wake` on each notify of the topic; returns the unsubscribe. */
  subscribe(topic: WorkTopic, wake: () => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(wake);
    return () => set.delete(wake);
  }
}
