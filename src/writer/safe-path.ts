/**
 * Output paths are built from spec text (handler names, schema names), so each is
 * checked before anything is written: relative, `/`-separated, no `..`, no hidden
 * control characters, and portable across file systems.
 */
export function checkOutputPath(path: string): string | undefined {
  if (path === '') return 'is empty';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'is absolute';
  if (path.includes('\\')) return 'contains a backslash';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'contains a control character';
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return `has the segment "${segment}"`;
    if (segment.length > 200) return 'has a segment longer than 200 characters';
    if (/[<>:"|?*]/.test(segment)) return `has the segment "${segment}" with a character that is not portable`;
    if (/^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i.test(segment)) return `has the reserved device name "${segment}"`;
    if (/[. ]$/.test(segment)) return `has the segment "${segment}" ending in a dot or space`;
  }
  return undefined;
}

/**
 * Turns spec text into a file name deterministically: letters, digits, `-` and `_` kept,
 * everything else replaced, never empty and never a reserved name.
 */
export function safeFileName(name: string): string {
  let safe = name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 100);
  if (safe === '') safe = 'unnamed';
  if (/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i.test(safe)) safe = `${safe}_`;
  return safe;
}
