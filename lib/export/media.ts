/**
 * An EPUB carries no remote resources: a `<video poster=…>` or `<audio src=…>` left in a chapter
 * would be fetched whenever the book is opened (a beacon the page planted) and needs the
 * `remote-resources` property. Video and audio become a link to the article's page; every other
 * element loses the attributes that load something.
 */

/** Elements that only exist to load something: removed with their content. */
const RESOURCE_ELEMENTS = 'source, track, embed, object, iframe, frame, frameset, applet, script, link, style, image';
/** Attributes that make an element (other than the images the book bundles) load a URL. */
const LOADING_ATTRS = ['src', 'srcset', 'poster', 'data', 'background', 'lowsrc', 'dynsrc', 'codebase', 'archive', 'ping'];

/** Rewrites `body` in place; `pageUrl` is where the reader can still play the media. */
export function dropRemoteMedia(body: HTMLElement, pageUrl: string, label: { video: string; audio: string }): void {
  const doc = body.ownerDocument;
  for (const media of Array.from(body.querySelectorAll('video, audio'))) {
    const p = doc.createElement('p');
    p.className = 'media';
    const text = media.localName === 'video' ? label.video : label.audio;
    if (/^https?:/i.test(pageUrl)) {
      const a = doc.createElement('a');
      a.setAttribute('href', pageUrl);
      a.textContent = text;
      p.append(a);
    } else p.textContent = text;
    media.replaceWith(p);
  }
  // A <picture> needs its <img>, which may be dropped as missing later: keep only the img.
  for (const picture of Array.from(body.querySelectorAll('picture'))) {
    const img = picture.querySelector('img');
    if (img) picture.replaceWith(img);
    else picture.remove();
  }
  for (const el of Array.from(body.querySelectorAll(RESOURCE_ELEMENTS))) el.remove();
  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (el.localName === 'img') continue; // images are mapped to bundled files (or dropped) by the caller
    for (const name of LOADING_ATTRS) if (el.hasAttribute(name)) el.removeAttribute(name);
  }
}
