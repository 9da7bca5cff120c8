/** Media file references shared by the JSON and HTML export readers. */
import path from 'node:path';

/**
 * A file key of an export holds either a path relative to the export folder
 * or, when the file was not downloaded, a sentence such as "(File not
 * included. Change data exporting settings to download.)" (JSON) or "Not
 * included, change data exporting settings to download." (HTML description).
 * `baseDir` is the raw file's folder relative to the raw root: a reference is
 * normalised against it (full-export HTML pages link `../../chats/chat_01/…`)
 * and dropped when it would leave the raw root or is absolute.
 */
export function mediaPath(value: unknown, warn: (message: string) => void = () => {}, baseDir = '.'): { path?: string; missing?: string } {
  if (typeof value !== 'string' || !value.trim()) return {};
  const v = value.trim();
  const sentence = /^\((.*)\)$/s.exec(v);
  if (sentence) return { missing: sentence[1]!.trim() };
  const ref = v.replace(/\\/g, '/');
  const base = path.posix.normalize(baseDir || '.');
  const resolved = path.posix.normalize(path.posix.join(base, ref));
  if (/^([a-z][a-z0-9+.-]*:|\/)/i.test(ref) || resolved === '..' || resolved.startsWith('../')) {
    warn(`file reference outside the raw folder ignored: ${JSON.stringify(v)}`);
    return {};
  }
  return { path: path.posix.relative(base, resolved) || ref };
}

/** "Not included, …", "Exceeds maximum size, …", "Unavailable, …": the HTML writer's reasons a file is absent. */
export function isMissingDescription(description: string): boolean {
  return /^(not included|exceeds maximum size|unavailable|file not included|file exceeds|file unavailable)/i.test(description.trim());
}
