import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The evaluation corpus: every file here is uploaded to the knowledge base. */
export const documentsDirectory = fileURLToPath(new URL('../documents/', import.meta.url));

/** The corpus's file names, sorted so uploads happen in the same order on every run. */
export async function listDocuments(): Promise<string[]> {
  const entries = await readdir(documentsDirectory, { withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
}
