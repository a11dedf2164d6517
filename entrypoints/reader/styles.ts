import collectionCss from '@/components/collection/collection.css?inline';
import { proofreadingCss } from '@/components/proofreading/ProofreadingList';
import { readerCss } from '@/components/reader/reader.css';
import { themeCss } from '@/components/reader/themes';

/** All reader CSS, injected into the shadow root (page styles cannot reach it). */
export const readerStyles = `${readerCss}\n${themeCss('.collection-shell')}\n${collectionCss}\n${proofreadingCss}`;
