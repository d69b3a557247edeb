import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { FileContent } from './detect-type.js';
import { IngestError } from './ingest-error.js';

/** What a DOCX or XLSX container may hold before we let a parser inflate it. */
export interface ArchiveLimits {
  /** Most entries in the central directory. */
  maximumEntries: number;
  /** Most bytes all entries may inflate to together. */
  maximumTotalUncompressedBytes: number;
  /** Highest uncompressed-to-compressed ratio for any entry larger than the exemption below. */
  maximumCompressionRatio: number;
  /** Entries up to this uncompressed size skip the ratio check (tiny XML parts compress very well). */
  compressionRatioExemptBytes: number;
}

/** What the guard learned about an accepted archive. */
export interface ArchiveInventory {
  entryCount: number;
  totalUncompressedBytes: number;
}

/**
 * Refuses decompression bombs and hostile ZIP containers before a DOCX or XLSX parser sees them.
 *
 * First the central directory alone is checked — entry count, declared sizes, compression
 * ratios, encrypted entries, unknown compression methods and names escaping the archive
 * (`../`, absolute paths, backslashes) — so an honest bomb is refused without inflating a byte.
 * Then each entry is inflated once as a stream and discarded: yauzl aborts an entry as soon as it
 * produces more bytes than its header declared, which catches bombs with lying headers while
 * holding only one stream chunk in memory.
 *
 * @throws IngestError `archive-rejected` with the rule that failed, or `corrupt` for a broken ZIP.
 */
export async function assertSafeArchive(content: FileContent, limits: ArchiveLimits): Promise<ArchiveInventory> {
  const zipFile = await openZip(content);
  try {
    if (zipFile.entryCount > limits.maximumEntries) {
      throw rejected(`it has ${zipFile.entryCount} entries (limit ${limits.maximumEntries})`);
    }
    const entries = await readCentralDirectory(zipFile, limits);
    for (const entry of entries) await inflateAndDiscard(zipFile, entry);
    const totalUncompressedBytes = entries.reduce((total, entry) => total + entry.uncompressedSize, 0);
    return { entryCount: entries.length, totalUncompressedBytes };
  } finally {
    zipFile.close();
  }
}

function rejected(rule: string): IngestError {
  return new IngestError('archive-rejected', `The document was refused as a possible decompression bomb: ${rule}`);
}

function corrupt(error: unknown): IngestError {
  const detail = error instanceof Error ? `: ${error.message}` : '';
  return new IngestError('corrupt', `The document's ZIP container is corrupt${detail}`, { cause: error });
}

async function openZip(content: FileContent): Promise<ZipFile> {
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false };
  try {
    return Buffer.isBuffer(content)
      ? await yauzl.fromBufferPromise(content, options)
      : await yauzl.openPromise(content.path, options);
  } catch (error) {
    throw corrupt(error);
  }
}

function readCentralDirectory(zipFile: ZipFile, limits: ArchiveLimits): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let totalUncompressedBytes = 0;
    const fail = (error: unknown): void => {
      zipFile.removeAllListeners();
      reject(error instanceof IngestError ? error : corrupt(error));
    };
    zipFile.on('error', fail);
    zipFile.on('end', () => {
      zipFile.removeAllListeners();
      resolve(entries);
    });
    zipFile.on('entry', (entry: Entry) => {
      try {
        checkEntry(entry, limits);
        totalUncompressedBytes += entry.uncompressedSize;
        if (totalUncompressedBytes > limits.maximumTotalUncompressedBytes) {
          throw rejected(`its entries inflate to more than ${limits.maximumTotalUncompressedBytes} bytes`);
        }
        entries.push(entry);
        zipFile.readEntry();
      } catch (error) {
        fail(error);
      }
    });
    zipFile.readEntry();
  });
}

function checkEntry(entry: Entry, limits: ArchiveLimits): void {
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
  const unsafeName = yauzl.validateFileName(name);
  if (unsafeName !== null) throw rejected(`entry "${name}" has an unsafe path`);
  if (entry.isEncrypted()) throw new IngestError('encrypted', `The document is encrypted (entry "${name}")`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw rejected(`entry "${name}" uses unsupported compression method ${entry.compressionMethod}`);
  }
  if (entry.uncompressedSize > limits.compressionRatioExemptBytes) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (ratio > limits.maximumCompressionRatio) {
      throw rejected(
        `entry "${name}" expands ${Math.round(ratio)}:1 to ${entry.uncompressedSize} bytes (limit ${limits.maximumCompressionRatio}:1)`,
      );
    }
  }
}

async function inflateAndDiscard(zipFile: ZipFile, entry: Entry): Promise<void> {
  try {
    const stream = await zipFile.openReadStreamPromise(entry);
    await pipeline(stream, new Writable({ write: (_chunk, _encoding, callback) => callback() }));
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (message.includes('too many bytes')) {
      throw rejected(`an entry inflates to more bytes than its header declares (${entry.uncompressedSize})`);
    }
    throw corrupt(error);
  }
}
