/**
 * A hostile e-paper, made on request by the fixture server (issue 13): a Founder-style issue
 * whose front page clobbers names, pre-creates our stylesheet id, fights spam hiding with its own
 * CSS and fires synthetic shortcut keys; a section listing 20,000 links; an article carrying
 * media beacons and Markdown breakers; a huge response, a never-ending one, and a redirect to
 * another origin (localhost vs 127.0.0.1: same server, different origin, so the log shows any
 * request that got through). Every response is bounded: the huge one stops at 16 MiB, the
 * never-ending one after 90 s or when the client goes away.
 */
import type http from 'node:http';

export const HOSTILE_DIR = '/hostile/html/2025-06/18/';
export const HOSTILE_FRONT = `${HOSTILE_DIR}node_1.htm`;
/** Paths that only a request sent to the other origin would reach. */
export const STOLEN_PREFIX = '/hostile/stolen/';
export const BEACON_PREFIX = '/hostile/beacon/';
export const MANY_LINKS = 20_000;
const HUGE_BYTES = 16 * 1024 * 1024;
const ENDLESS_MAX_MS = 90_000;

const ARTICLES = [
  { id: 1, title: '信标与断行符的一篇报道' },
  { id: 2, title: '一篇巨大的报道' },
  { id: 3, title: '永远不结束的报道' },
  { id: 4, title: '跳到别处的报道' },
];

function sectionNav(current: 1 | 2): string {
  const rows = [
    [1, '第01版：要闻'],
    [2, '第02版：长列表'],
  ]
    .map(([n, label]) => `<tr><td class="black"><a id=pageLink href=node_${n}.htm class="black">${label}</a></td></tr>`)
    .join('\n');
  return `<div class="dNav"><div class="banci">第0${current}版：<STRONG>${current === 1 ? '要闻' : '长列表'}</STRONG></div></div>
<div class="navhead">版面导航</div><div id="bmdh"><table><tbody>${rows}</tbody></table></div>`;
}

function titleNav(list: { id: number; title: string }[]): string {
  const rows = list
    .map(
      (a) =>
        `<tr><td class="black"><a href=content_${a.id}.htm?div=-1><div style="display:inline" id=mp${a.id}>${a.title}</div></a></td></tr>`,
    )
    .join('\n');
  return `<div class="navhead">标题导航</div><div id="btdh"><table><tbody>${rows}</tbody></table></div>`;
}

function page(title: string, head: string, body: string, property: string): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${title}--恶意日报数字报</title>${head}</head><body>
<div id="header"><div class="masthead"><a href="node_1.htm">恶意日报</a></div><div class="dSearch"><strong>2025年06月18日 星期三</strong></div></div>
${body}
</body></html>
<!--mpproperty <founder-date>2025-06-18</founder-date><founder-papername>恶意日报</founder-papername>${property} /mpproperty-->`;
}

/** The front page: every in-page attack at once. */
function frontPage(): string {
  const wall = Array.from(
    { length: 30 },
    (_, i) => `<a href="http://w${i}.zq${9100 + i}k.com/">久久精品国产亚洲综合${i}</a>`,
  ).join('|');
  const head = `<style id="qingdu-spam-style"></style>
<style>body [data-qingdu-hidden][data-qingdu-hidden]{display:block!important;visibility:visible!important}</style>`;
  const body = `${sectionNav(1)}
${titleNav(ARTICLES)}
<div class="dPic"><map name=PagePicMap><area coords="0,0,10,10" shape="rect" href="content_1.htm"></map><img src="../../../beacon/none.png" usemap=#PagePicMap width=10 height=10 alt=""></div>
<a id="__qingdu" name="__qingdu" href="#">页面自己的锚点</a>
<div id="page-own"><p>页面自己的内容：人民日报、光明日报与经济日报的读者来信。</p></div>
<form id="page-form" onsubmit="return false"><input id="q" name="q" value="人民日报"><select id="paper" name="paper"><option>人民日报</option><option>光明日报</option></select><textarea id="note" name="note">读者留言</textarea></form>
<div id="key-log">0</div>
<div class="sitemap-links">主站蜘蛛池模板: ${wall}</div>
<style>/* Later and more specific than any author rule of ours: only user-origin CSS beats it. */
html body div.sitemap-links[data-qingdu-hidden][data-qingdu-hidden]{display:block!important;visibility:visible!important}</style>
<script>
(function () {
  var seen = 0;
  document.addEventListener('keydown', function () { seen++; document.getElementById('key-log').textContent = String(seen); });
  // Synthetic presses of every Qingdu shortcut, for two seconds.
  var combos = [['KeyY', 'Y'], ['KeyJ', 'J'], ['KeyS', 'S']];
  var n = 0;
  var timer = setInterval(function () {
    combos.forEach(function (c) {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: c[1], code: c[0], altKey: true, shiftKey: true, bubbles: true, cancelable: true }));
    });
    if (++n >= 20) { clearInterval(timer); window.__syntheticDone = true; }
  }, 100);
})();
</script>`;
  return page('要闻', head, body, '<founder-type>2</founder-type><founder-title>第01版：要闻</founder-title>');
}

/** The section with 20,000 links (a hacked list); each target answers 404 at once. */
function longListPage(): string {
  const many = Array.from({ length: MANY_LINKS }, (_, i) => ({ id: 10_000 + i, title: `长列表第${i}条` }));
  return page('长列表', '', `${sectionNav(2)}\n${titleNav(many)}`, '<founder-type>2</founder-type>');
}

function articlePage(title: string, content: string): string {
  const body = `${sectionNav(1)}\n${titleNav(ARTICLES)}
<div class="dTit2"><h1><table><tbody><tr><td class="font02"></td></tr><tr><td class="font01">${title}</td></tr><tr><td class="font02"></td></tr></tbody></table></h1></div>
<div class="dContents"><DIV id=ozoom><founder-content>${content}</founder-content></DIV></div>`;
  return page(title, '', body, `<founder-type>1</founder-type><founder-title>${title}</founder-title>`);
}

/** The article with beacons (on the other origin) and text that would break a Markdown file. */
function beaconArticle(other: string): string {
  const beacon = `${other}${BEACON_PREFIX}`;
  return articlePage(
    ARTICLES[0].title,
    `<p>　　本报讯 这是一篇正常开头的报道，正文第一段。恶意日报的这一版面由测试服务器生成，专门用来检验阅读器在遇到不怀好意的网页时是否守得住底线。</p>
<p>　　报道里埋了视频和音频的信标，还有会把导出文件的结构打乱的段落。阅读器应当把正文完整地交给读者，而把这些东西挡在外面，导出的电子书和文本文件里也不能留下它们的痕迹。</p>
<video src="${beacon}v.mp4" poster="${beacon}poster.jpg" controls><source src="${beacon}v.webm" type="video/webm"><track src="${beacon}t.vtt" kind="captions"></video>
<audio src="${beacon}a.mp3" controls></audio>
<p><img src="data:image/png,x&gt; &lt;img src=x onerror=alert(1)&gt; [点我](http://phish.test/)" alt="图"></p>
<p>~~~</p><p>---</p><p>===</p><p># 假标题</p><p>&lt;img src=x onerror=alert(1)&gt;</p>
<p>　　正文最后一段，控制字符\u202e到此为止。</p>`,
  );
}

/** Serves the hostile site; returns false for paths it does not own. */
export function hostileRoute(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean {
  if (!pathname.startsWith('/hostile/')) return false;
  const host = req.headers.host ?? '127.0.0.1';
  const port = host.split(':')[1] ?? '80';
  // The same server under another name: another origin for the browser.
  const other = `http://localhost:${port}`;
  const html = (status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(text);
  };
  if (pathname.startsWith(STOLEN_PREFIX) || pathname.startsWith(BEACON_PREFIX)) {
    html(404, '<!doctype html><title>404</title>');
    return true;
  }
  const name = pathname.slice(HOSTILE_DIR.length);
  if (!pathname.startsWith(HOSTILE_DIR)) {
    html(404, '<title>404</title>');
    return true;
  }
  if (name === 'node_1.htm') html(200, frontPage());
  else if (name === 'node_2.htm') html(200, longListPage());
  else if (name === 'content_1.htm') html(200, beaconArticle(other));
  else if (name === 'content_2.htm') {
    // Huge: 16 MiB of a page, sent as fast as the client reads.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    const chunk = Buffer.from('<p>巨大的页面</p>'.repeat(4096));
    let sent = 0;
    const pump = (): void => {
      while (!res.destroyed && sent < HUGE_BYTES) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  } else if (name === 'content_3.htm') {
    // Never-ending: a byte now and then, until the client gives up (bounded at 90 s).
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.write('<!doctype html><title>');
    const timer = setInterval(() => {
      if (!res.destroyed) res.write(' ');
    }, 500);
    const stop = setTimeout(() => res.end('</title>'), ENDLESS_MAX_MS);
    res.on('close', () => {
      clearInterval(timer);
      clearTimeout(stop);
    });
  } else if (name === 'content_4.htm') {
    res.writeHead(302, { location: `${other}${STOLEN_PREFIX}content_4.htm`, 'cache-control': 'no-store' });
    res.end();
  } else html(404, '<!doctype html><title>404</title>');
  return true;
}
