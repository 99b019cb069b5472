import fs from 'node:fs';
import path from 'node:path';

/**
 * Watches files by watching their folders (editors replace files rather than write them
 * in place, which ends a watch on the file itself) and calls back once per burst of changes.
 */
export class FileWatcher {
  #watchers = new Map<string, fs.FSWatcher>();
  #files = new Set<string>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onChange: (files: readonly string[]) => void,
    private readonly debounceMs = 60,
  ) {}

  #changed = new Set<string>();

  watch(files: readonly string[]): void {
    this.#files = new Set(files.map((f) => path.resolve(f)));
    const folders = new Set([...this.#files].map((f) => path.dirname(f)));
    for (const [folder, watcher] of this.#watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        this.#watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (this.#watchers.has(folder) || !fs.existsSync(folder)) continue;
      const watcher = fs.watch(folder, (_event, name) => {
        if (name === null) return;
        const file = path.join(folder, name.toString());
        if (!this.#files.has(file)) return;
        this.#changed.add(file);
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => {
          const changed = [...this.#changed];
          this.#changed.clear();
          this.onChange(changed);
        }, this.debounceMs);
      });
      watcher.on('error', () => undefined);
      this.#watchers.set(folder, watcher);
    }
  }

  close(): void {
    clearTimeout(this.#timer);
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
  }
}
