import type { Article } from '../extract/types';
import { cutCodePoints, stripUnsafeChars } from './safe-text';

export interface BookImage {
  bytes: Uint8Array;
  mediaType: string;
}

/** A section or a whole issue, ready to export. */
export interface Book {
  paper: string;
  /** ISO date `YYYY-MM-DD`, or ''. */
  date: string;
  /** BCP 47: `zh-Hans`, `zh-Hant` (or `zh`). */
  lang: string;
  title: string;
  sourceUrl: string;
  /** The front page scan. */
  cover?: BookImage;
  sections: { label: string; articles: Article[] }[];
  /** Image bytes by absolute URL; images not here are left out of the EPUB. */
  images?: Map<string, BookImage>;
  /** `dcterms:modified` (ISO date-time); defaults to now. */
  modified?: string;
  /** Articles that had not arrived (failed, still loading, or left out) when the book was made. */
  missing?: MissingArticle[];
  /** Plain sentences on what the collection limits left out (e.g. "120 links over the cap of 100"). */
  notes?: string[];
}

export interface MissingArticle {
  section: string;
  title: string;
  url: string;
  /** Why it is missing, in words (an HTTP status, "timed out", "still loading"). */
  reason: string;
}

export const MISSING_HEADING = '未收录的文章';

const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** A safe download name such as `飞霞日报-2024-03-15-第01版：要闻.epub`. */
export function bookFileName(book: Book, ext: 'epub' | 'md'): string {
  // A title that only repeats the paper and date adds nothing to the name.
  const titleAddsSomething =
    (book.title ?? '')
      .replace(book.paper || '\u0000', '')
      .replace(book.date || '\u0000', '')
      .trim() !== '';
  const parts = [book.paper, book.date, titleAddsSomething ? book.title : '']
    .map((part) =>
      stripUnsafeChars(part ?? '')
        .replace(UNSAFE_FILE_CHARS, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((part, index, all) => part !== '' && all.indexOf(part) === index);
  // Cut on code points: slicing UTF-16 units could leave half an emoji (a lone surrogate).
  const base = cutCodePoints(parts.join('-') || 'qingdu', 120).replace(/^[.\s]+|[.\s]+$/g, '');
  return `${base || 'qingdu'}.${ext}`;
}
