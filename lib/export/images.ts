/** Image helpers for export: media type sniffing and polite fetching of article images. */
import type { Article } from '../extract/types';
import type { BookImage } from './book';

/** The media type from the file's magic bytes (servers often send the wrong one), or ''. */
export function sniffImageType(bytes: Uint8Array): string {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'image/gif';
  if (
    b.length >= 12 &&
    b[0] === 0x52 &&
    b[1] === 0x49 &&
    b[2] === 0x46 &&
    b[3] === 0x46 &&
    b[8] === 0x57 &&
    b[9] === 0x45 &&
    b[10] === 0x42 &&
    b[11] === 0x50
  )
    return 'image/webp';
  return '';
}

export function imageExtension(mediaType: string): string {
  return (
    { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg' }[mediaType] ??
    'bin'
  );
}

/** Every image URL of the articles (absolute), in reading order, without repeats. */
export function articleImageUrls(articles: Article[]): string[] {
  const seen = new Set<string>();
  for (const article of articles) {
    for (const image of article.images ?? []) {
      try {
        seen.add(new URL(image.src, article.url).href);
      } catch {
        // An unparsable src cannot be fetched; leave it out.
      }
    }
  }
  return [...seen];
}

type FetchBytes = (
  url: string,
  signal: AbortSignal,
) => Promise<{ ok: boolean; status: number; bytes: ArrayBuffer; contentType: string | null }>;

/**
 * Fetches images through the caller's (polite) fetcher; a failed or non-image response is
 * dropped, never fatal. The fetcher paces the requests.
 */
export async function fetchBookImages(
  urls: string[],
  fetchPage: FetchBytes,
  signal: AbortSignal,
): Promise<Map<string, BookImage>> {
  const images = new Map<string, BookImage>();
  let next = 0;
  // Two workers: enough to keep a polite fetcher busy without queueing every URL at once.
  const worker = async (): Promise<void> => {
    while (next < urls.length && !signal.aborted) {
      const url = urls[next++];
      try {
        const page = await fetchPage(url, signal);
        if (!page.ok) continue;
        const bytes = new Uint8Array(page.bytes);
        const mediaType = sniffImageType(bytes);
        if (mediaType) images.set(url, { bytes, mediaType });
      } catch {
        // Missing or refused images are left out.
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return images;
}
