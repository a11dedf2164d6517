/**
 * Structural EPUB checks for tests and e2e (not used at runtime): zip layout, container,
 * OPF manifest/spine consistency, nav document, and well-formed XHTML.
 */
import { strFromU8, unzipSync } from 'fflate';

const MIMETYPE = 'application/epub+zip';

/** Reads the first local file header: name, compression method and stored data. */
function firstEntry(bytes: Uint8Array): { name: string; method: number; data: Uint8Array } | null {
  if (bytes.length < 30) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== 0x04034b50) return null;
  const method = view.getUint16(8, true);
  const compressedSize = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const name = strFromU8(bytes.subarray(30, 30 + nameLength));
  const start = 30 + nameLength + extraLength;
  return { name, method, data: bytes.subarray(start, start + compressedSize) };
}

function resolvePath(baseDir: string, href: string): string {
  const parts = `${baseDir}${decodeURIComponent(href.split('#')[0])}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function parseXml(text: string, domParser: DOMParser, type: DOMParserSupportedType): Document | null {
  try {
    const doc = domParser.parseFromString(text, type);
    return doc.getElementsByTagName('parsererror').length > 0 ? null : doc;
  } catch {
    return null;
  }
}

/** Returns the problems found; an empty list means the EPUB passed. */
export function validateEpub(bytes: Uint8Array, domParser: DOMParser): string[] {
  const problems: string[] = [];
  const first = firstEntry(bytes);
  if (!first) return ['not a zip file'];
  if (first.name !== 'mimetype') problems.push(`first entry is ${first.name}, not mimetype`);
  else {
    if (first.method !== 0) problems.push('mimetype is compressed (must be stored)');
    else if (strFromU8(first.data) !== MIMETYPE) problems.push('mimetype content is not application/epub+zip');
  }

  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    return [...problems, `zip cannot be read: ${error instanceof Error ? error.message : String(error)}`];
  }
  const text = (path: string): string => strFromU8(files[path]);

  const container = files['META-INF/container.xml']
    ? parseXml(text('META-INF/container.xml'), domParser, 'application/xml')
    : null;
  if (!container) return [...problems, 'META-INF/container.xml missing or malformed'];
  const opfPath = container.getElementsByTagName('rootfile')[0]?.getAttribute('full-path') ?? '';
  if (!opfPath || !files[opfPath]) return [...problems, `container points to missing OPF "${opfPath}"`];
  const opf = parseXml(text(opfPath), domParser, 'application/xml');
  if (!opf) return [...problems, `${opfPath} is malformed`];
  const opfDir = opfPath.includes('/') ? opfPath.slice(0, opfPath.lastIndexOf('/') + 1) : '';

  const manifest = new Map<string, { path: string; mediaType: string; properties: string }>();
  for (const item of Array.from(opf.getElementsByTagName('item'))) {
    const id = item.getAttribute('id') ?? '';
    const path = resolvePath(opfDir, item.getAttribute('href') ?? '');
    manifest.set(id, {
      path,
      mediaType: item.getAttribute('media-type') ?? '',
      properties: item.getAttribute('properties') ?? '',
    });
    if (!files[path]) problems.push(`manifest item ${id} (${path}) is not in the zip`);
  }
  const listed = new Set([...manifest.values()].map((m) => m.path));
  for (const path of Object.keys(files)) {
    if (path === 'mimetype' || path.startsWith('META-INF/') || path === opfPath || path.endsWith('/')) continue;
    if (!listed.has(path)) problems.push(`${path} is not in the manifest`);
  }

  const spineIds = Array.from(opf.getElementsByTagName('itemref')).map((ref) => ref.getAttribute('idref') ?? '');
  if (spineIds.length === 0) problems.push('spine is empty');
  for (const id of spineIds) if (!manifest.has(id)) problems.push(`spine references unknown item ${id}`);
  const navItems = [...manifest.entries()].filter(([, m]) => m.properties.split(/\s+/).includes('nav'));
  if (navItems.length !== 1) problems.push(`expected one nav document, found ${navItems.length}`);
  for (const [id, item] of manifest) {
    const isChapter = item.mediaType === 'application/xhtml+xml' && !item.properties.split(/\s+/).includes('nav');
    if (isChapter && !spineIds.includes(id)) problems.push(`chapter ${id} is not in the spine`);
  }

  for (const path of Object.keys(files)) {
    if (!/\.x?html$/.test(path)) continue;
    if (!parseXml(text(path), domParser, 'application/xhtml+xml')) problems.push(`${path} is not well-formed XHTML`);
  }
  return problems;
}
