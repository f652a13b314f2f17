// Names of sheets as Duban writes them: free names for generated sheets, and quoted names in formulas.

/** "汇总", or "汇总 (2)", "汇总 (3)" … when a sheet of the person's already has the name (31 characters at most). */
export function freeName(wanted: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  const clean = wanted.replace(/[\\/?*[\]:]/g, " ").slice(0, 31);
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = clean.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** A sheet name as formulas and links write it: always quoted, quotes doubled. */
export const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
