export { type Book, type BookImage, bookFileName } from './book';
export { buildEpub, bookTitle } from './epub';
export { buildMarkdown, escapeMarkdown } from './markdown';
export { articleImageUrls, fetchBookImages, sniffImageType } from './images';
export { escapeXml, htmlToXhtml } from './xhtml';
