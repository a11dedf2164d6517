/** Small text helpers shared by the extraction steps. */
import { classifyCounts, countScriptChars } from '../charsets';

/** Collapses whitespace (including NBSP and ideographic space) and trims. */
export function normalizeSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) n++;
  }
  return n;
}

/** The script of a text, as a BCP 47 tag. */
export function detectLang(text: string): 'zh-Hans' | 'zh-Hant' | 'zh' {
  const kind = classifyCounts(countScriptChars(text));
  if (kind === 'hans') return 'zh-Hans';
  if (kind === 'hant') return 'zh-Hant';
  return 'zh';
}

/** `2022-02-12`, `2022年2月12日`, `2022-02-12 00:00:00:0` → ISO date, else ''. */
export function toIsoDate(text: string | null | undefined): string {
  const m = /(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/.exec(text ?? '');
  if (!m) return '';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return '';
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Dates carried only by e-paper URLs: `/html/2022-02/12/` or `/202202/13/`. */
export function dateFromUrl(url: string): string {
  const m = /\/(\d{4})-?(\d{2})\/(\d{2})\//.exec(url);
  return m ? toIsoDate(`${m[1]}-${m[2]}-${m[3]}`) : '';
}

/**
 * A paragraph that is only a reporter credit (`■ 本报记者 张三`, `本報記者 李四 王五`):
 * it belongs in the byline, not the body. Credits that carry more (a dateline such as
 * `本报记者某某长沙报道`, `/文`, `供图`) stay in the body where the paper printed them.
 */
const PURE_BYLINE =
  /^[■●□◆▲★]?\s*(?:本[报報])?(?:特约|特約|实习|實習)?(?:记者|記者|通讯员|通訊員)(?:\s*[\u4e00-\u9fff·]{2,4}(?=\s|$|[、，,])[、，,]?)+$/;

export function pureByline(text: string): string {
  const t = normalizeSpace(text);
  if (t.length > 30 || !PURE_BYLINE.test(t)) return '';
  return t.replace(/^[■●□◆▲★]\s*/, '');
}
