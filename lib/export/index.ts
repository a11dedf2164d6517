export { type Book, type BookImage, bookFileName, MISSING_HEADING, type MissingArticle } from './book';
export { bookTitle, buildEpub } from './epub';
export { articleImageUrls, fetchBookImages, sniffImageType } from './images';
export { buildMarkdown, escapeMarkdown } from './markdown';
export { escapeXml, htmlToXhtml } from './xhtml';
