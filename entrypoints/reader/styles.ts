import readerCss from '@/components/reader/reader.css?inline';
import collectionCss from '@/components/collection/collection.css?inline';

/** All reader CSS, injected into the shadow root (page styles cannot reach it). */
export const readerStyles = `${readerCss}\n${collectionCss}`;
