/** Escapes LIKE wildcards so a user's "%" or "_" matches itself (PostgreSQL's default escape is "\"). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
