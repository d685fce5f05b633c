/**
 * What a file is, by its first bytes, never by its name or the sender's declared type (both are
 * the sender's to forge). A short table of the types citizens send, and of executables, which
 * are refused: Windows PE (`MZ`), ELF, Mach-O, Java classes, and scripts starting with `#!`.
 * (`file-type`, the usual library, is ESM-only and cannot be required by the hub on Node 20.)
 */
const SIGNATURES: { type: string; bytes: number[]; executable?: boolean }[] = [
  { type: 'application/x-msdownload', bytes: [0x4d, 0x5a], executable: true },
  { type: 'application/x-elf', bytes: [0x7f, 0x45, 0x4c, 0x46], executable: true },
  { type: 'application/x-mach-binary', bytes: [0xcf, 0xfa, 0xed, 0xfe], executable: true },
  { type: 'application/x-mach-binary', bytes: [0xce, 0xfa, 0xed, 0xfe], executable: true },
  { type: 'application/java-vm', bytes: [0xca, 0xfe, 0xba, 0xbe], executable: true },
  { type: 'text/x-shellscript', bytes: [0x23, 0x21], executable: true },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/x-ole-storage', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

export interface SniffedType {
  contentType: string;
  executable: boolean;
}

export function sniffAttachmentType(content: Buffer): SniffedType {
  for (const signature of SIGNATURES) {
    if (content.length >= signature.bytes.length && signature.bytes.every((b, i) => content[i] === b))
      return { contentType: signature.type, executable: !!signature.executable };
  }
  if (isHeic(content)) return { contentType: 'image/heic', executable: false };
  return {
    contentType: looksLikeText(content) ? 'text/plain' : 'application/octet-stream',
    executable: false,
  };
}

/** iPhone photos: an ISO box `ftyp` at offset 4 with a HEIF brand. */
function isHeic(content: Buffer): boolean {
  return (
    content.length >= 12 &&
    content.toString('latin1', 4, 8) === 'ftyp' &&
    /^(heic|heix|mif1|hevc)$/.test(content.toString('latin1', 8, 12))
  );
}

/** Text when the first kilobytes are valid UTF-8 without NUL bytes. */
function looksLikeText(content: Buffer): boolean {
  const head = content.subarray(0, 4096);
  if (head.includes(0)) return false;
  return !new TextDecoder('utf-8', { fatal: false }).decode(head).includes('\uFFFD');
}
