/**
 * Wires lib/ together for one page: the automatic pass (issue detection, spam hiding, rules)
 * and the actions the popup, commands and menus ask for. Publishes the test surface
 * attributes on <html>. Every step is guarded: a failure is recorded in `problems` and the
 * page is never broken.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { classifyCounts, countScriptChars } from '@/lib/charsets';
import { convertText, detectScript, makeConverter, otherScriptTarget, PageConverter } from '@/lib/convert';
import { hansSourceOf, REPAIR_VARIANTS, type RepairVariant, type RoundTripPair, roundTrip } from '@/lib/convert/repair';
import { showRepairMarks } from '@/lib/convert/repair-marks';
import { type RepairOffer, repairOffer } from '@/lib/convert/repair-offer';
import { PageRepairer, previewRepair, visibleTextSample } from '@/lib/convert/repair-page';
import type { ConvertFn, HantVariant, Target } from '@/lib/convert/types';
import { looksLikeEpaper } from '@/lib/epaper/quick';
import type { Issue } from '@/lib/epaper/types';
import { type OpenCCModule, qingduGlobal, type ReaderHost, type ReaderMode, type RepairFix } from '@/lib/messaging/bridge';
import { type LazyBundle, onMessage, type PageState, type RepairOfferState, sendMessage } from '@/lib/messaging/protocol';
import { loadSettings, ruleFor, type Settings, type SiteRule, updateSettings, watchSettings } from '@/lib/settings';
import { defaultSettings } from '@/lib/settings/schema';
import {
  countHidden,
  detectHijack,
  hideVerdicts,
  isHiddenSpam,
  isSpamShown,
  scanForSpam,
  setSpamShown,
  watchForSpam,
} from '@/lib/spam';
import type { HijackReport } from '@/lib/spam/types';
import { showHijackBanner } from './banner';
import { t } from './i18n';
import { listenForShortcuts } from './shortcuts';

const ATTR = {
  ready: 'data-qingdu',
  epaper: 'data-qingdu-epaper',
  script: 'data-qingdu-script',
  converted: 'data-qingdu-converted',
  spam: 'data-qingdu-spam',
  repaired: 'data-qingdu-repaired',
} as const;

/** The repair variant closest to the reader's chosen Traditional (tried first on a tie). */
function preferredRepairVariant(variant: HantVariant): RepairVariant {
  return variant === 'twp' ? 'tw' : variant;
}

/** Characters of context on each side of a fix in the proofreading list. */
const CONTEXT = 8;

export class PageController {
  private issue: Issue | null = null;
  private settings: Settings = structuredClone(defaultSettings);
  private rule: SiteRule | null = null;
  private hijack: HijackReport | null = null;
  private originalScript: PageState['script'] = 'none';
  private readonly converter: PageConverter;
  private readonly convertFns = new Map<Target, ConvertFn>();
  private stopSpamWatch: (() => void) | null = null;
  private spamEnabled = true;
  private problems: string[] = [];
  private readonly root: HTMLElement;
  /** Resolves once the page is detected; messages wait for it so they never see half a state. */
  private markReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => {
    this.markReady = resolve;
  });
  /** User actions run one after another: a second toggle waits for the first to finish. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly bundles = new Map<LazyBundle, Promise<void>>();
  // ----- Traditional repair: a layer under the conversion (repair first, then convert) -----
  private readonly repairer: PageRepairer;
  /** undefined: not estimated yet; null: nothing to repair. */
  private offer: RepairOffer | null | undefined;
  /** Characters changed when the repair was applied (kept while a conversion sits on top). */
  private repairFixes = 0;
  private repairFn: ConvertFn | null = null;
  private readonly toHansFrom = new Map<RepairVariant, ConvertFn>();
  private marksShown = true;
  private clearMarks: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly url: string,
  ) {
    this.root = doc.documentElement;
    this.converter = new PageConverter(doc);
    this.repairer = new PageRepairer(doc);
  }

  async start(ctx: ContentScriptContext): Promise<void> {
    this.listen(ctx);
    this.settings = await loadSettings();
    this.rule = ruleFor(this.settings, new URL(this.url).hostname);

    // The systems' profiles load lazily, only on pages that look like an e-paper.
    const epaperDone = this.stepAsync('epaper', async () => {
      if (!looksLikeEpaper(this.doc, this.url)) return;
      if (!qingduGlobal().epaper) await this.loadBundle('epaper');
      this.issue = qingduGlobal().epaper?.detectIssue(this.doc, this.url) ?? null;
      if (this.issue) this.root.setAttribute(ATTR.epaper, this.issue.system);
    });
    this.spamEnabled = this.rule?.spam ?? this.settings.spamHiding;
    this.step('spam', () => this.runSpamPass());
    this.step('hijack', () => {
      this.hijack = detectHijack(this.doc);
      if (this.hijack.hijacked) showHijackBanner(this.doc, this.hijack.reasons);
    });
    this.step('script', () => {
      this.originalScript = detectScript(this.doc);
      this.publishScript();
    });
    await epaperDone;
    this.markReady();
    // Before `ready`, so a key pressed as soon as the page reports ready is heard.
    await this.stepAsync('shortcuts', async () => {
      const stop = listenForShortcuts(this.doc, await sendMessage('bgShortcuts'), (command) => {
        const action = this.enqueue(() =>
          command === 'toggle-reader'
            ? this.toggleReader()
            : command === 'toggle-script'
              ? this.toggleConvert()
              : command === 'toggle-repair'
                ? this.toggleRepair()
                : Promise.resolve(this.setSpamVisible(!isSpamShown(this.doc))),
        );
        action.catch((err) => this.problems.push(`${command}: ${String(err)}`));
      });
      ctx.onInvalidated(stop);
    });
    // Rules that act on load: always-repair, always-convert and auto-reader. The repair goes
    // first: a conversion is the layer on top of it.
    await this.stepAsync('rule-repair', async () => {
      if (this.rule?.repair && (this.originalScript === 'hant' || this.originalScript === 'mixed')) {
        await this.enqueue(() => this.applyRepair());
      }
    });
    await this.stepAsync('rule-convert', async () => {
      const want = this.rule?.convert;
      if (!want || this.originalScript === 'none') return;
      const shows = this.originalScript === 'mixed' ? null : this.originalScript;
      if (shows === want) return;
      await this.enqueue(() => this.convertTo(want === 'hans' ? 'hans' : this.settings.hantVariant));
    });
    await this.stepAsync('rule-reader', async () => {
      if (this.rule?.reader && this.issue?.kind === 'article') await this.enqueue(() => this.openReader({ kind: 'article' }));
    });
    this.root.setAttribute(ATTR.ready, 'ready');
    const unwatch = watchSettings((s) => {
      this.settings = s;
      this.rule = ruleFor(s, new URL(this.url).hostname);
    });
    ctx.onInvalidated(() => {
      unwatch();
      this.stopSpamWatch?.();
      this.converter.unwatch();
      this.repairer.unwatch();
      this.hideRepairMarks();
    });
  }

  /** Records an unexpected failure of the whole start and still marks the pass done. */
  fail(err: unknown): void {
    this.problems.push(`start: ${String(err)}`);
    this.markReady();
    this.root.setAttribute(ATTR.ready, 'ready');
    if (!this.root.hasAttribute(ATTR.spam)) this.root.setAttribute(ATTR.spam, '0');
    if (!this.root.hasAttribute(ATTR.script)) this.root.setAttribute(ATTR.script, 'none');
  }

  private step(name: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.problems.push(`${name}: ${String(err)}`);
    }
  }

  private async stepAsync(name: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.problems.push(`${name}: ${String(err)}`);
    }
  }

  // ----- spam -----

  private spamOptions() {
    return { extraSelectors: this.rule?.hideSelectors ?? [] };
  }

  private runSpamPass(): void {
    if (this.spamEnabled) {
      // User-origin CSS first, so no page rule can show what gets hidden (issue 13).
      sendMessage('bgInsertSpamCss').catch(() => {});
      hideVerdicts(this.doc, scanForSpam(this.doc, this.spamOptions()));
      this.stopSpamWatch = watchForSpam(this.doc, () => this.publishSpamCount(), this.spamOptions());
    }
    this.publishSpamCount();
  }

  private publishSpamCount(): void {
    const count = countHidden(this.doc);
    this.root.setAttribute(ATTR.spam, String(count));
    sendMessage('bgSpamCount', { count: isSpamShown(this.doc) ? 0 : count }).catch(() => {});
  }

  private setSpamVisible(shown: boolean): void {
    if (!this.spamEnabled && !shown) {
      // Hiding was off for this site: the user asked for it now, so run the pass.
      this.spamEnabled = true;
      this.runSpamPass();
    }
    setSpamShown(this.doc, shown);
    this.publishSpamCount();
  }

  // ----- script conversion -----

  private publishScript(): void {
    const target = this.converter.target;
    const shows = target ? (target === 'hans' ? 'hans' : 'hant') : this.originalScript;
    this.root.setAttribute(ATTR.script, shows);
    if (target) this.root.setAttribute(ATTR.converted, target);
    else this.root.removeAttribute(ATTR.converted);
  }

  /** Loads a lazy bundle once, however many callers ask at the same time. */
  private loadBundle(bundle: LazyBundle): Promise<void> {
    let pending = this.bundles.get(bundle);
    if (!pending) {
      pending = sendMessage('bgLoadBundle', { bundle }).then((ok) => {
        if (!ok) throw new Error(`could not load ${bundle}`);
      });
      pending.catch(() => this.bundles.delete(bundle));
      this.bundles.set(bundle, pending);
    }
    return pending;
  }

  /** Runs a user action after the ones before it (a double click toggles twice, in order). */
  private enqueue<R>(action: () => Promise<R>): Promise<R> {
    const run = this.queue.then(action, action);
    this.queue = run.catch(() => {});
    return run;
  }

  async converterFor(target: Target): Promise<ConvertFn> {
    const cached = this.convertFns.get(target);
    if (cached) return cached;
    const which = target === 'hans' ? 'hans' : 'hant';
    if (!qingduGlobal().opencc?.[which]) await this.loadBundle(which === 'hans' ? 'opencc-hans' : 'opencc-hant');
    const mod = qingduGlobal().opencc?.[which];
    if (!mod) throw new Error('converter did not load');
    const fn = makeConverter(mod, target);
    this.convertFns.set(target, fn);
    return fn;
  }

  private nextTarget(): Target {
    return otherScriptTarget(this.originalScript, this.settings.hantVariant);
  }

  async convertTo(target: Target): Promise<void> {
    const fn = await this.converterFor(target);
    // A repaired page is converted on top of the repair; only the top layer watches the page.
    this.repairer.unwatch();
    this.hideRepairMarks();
    this.converter.apply(target, fn);
    this.converter.watch();
    this.publishScript();
    await qingduGlobal().reader?.refreshConversion();
  }

  async restore(): Promise<void> {
    this.converter.unwatch();
    this.converter.restore();
    // Back to the repaired text: re-repair, so text the page added meanwhile is repaired too.
    if (this.repairer.isApplied) this.reapplyRepair();
    this.publishScript();
    await qingduGlobal().reader?.refreshConversion();
  }

  private async toggleConvert(target?: Target): Promise<void> {
    if (this.converter.target && (!target || target === this.converter.target)) await this.restore();
    else await this.convertTo(target ?? this.nextTarget());
  }

  private async convertSelection(text: string): Promise<{ converted: string; copied: boolean }> {
    const shows = classifyCounts(countScriptChars(text));
    const target = otherScriptTarget(shows, this.settings.hantVariant);
    const converted = convertText(text, await this.converterFor(target));
    return { converted, copied: await copyToClipboard(this.doc, converted) };
  }

  // ----- Traditional repair -----

  private async ensureOpencc(which: 'hans' | 'hant'): Promise<OpenCCModule> {
    if (!qingduGlobal().opencc?.[which]) await this.loadBundle(which === 'hans' ? 'opencc-hans' : 'opencc-hant');
    const mod = qingduGlobal().opencc?.[which];
    if (!mod) throw new Error('converter did not load');
    return mod;
  }

  private async hansFrom(variant: RepairVariant): Promise<ConvertFn> {
    let fn = this.toHansFrom.get(variant);
    if (!fn) {
      fn = makeConverter(await this.ensureOpencc('hans'), 'hans', hansSourceOf(variant));
      this.toHansFrom.set(variant, fn);
    }
    return fn;
  }

  /** The round trips of every variant, the reader's own first; only the chosen one stays cached. */
  private async repairPairs(): Promise<Map<RepairVariant, RoundTripPair>> {
    const hant = await this.ensureOpencc('hant');
    const preferred = preferredRepairVariant(this.settings.hantVariant);
    const pairs = new Map<RepairVariant, RoundTripPair>();
    for (const v of [preferred, ...REPAIR_VARIANTS.filter((x) => x !== preferred)]) {
      pairs.set(v, { toHans: await this.hansFrom(v), toHant: this.convertFns.get(v) ?? makeConverter(hant, v) });
    }
    return pairs;
  }

  /** Estimates the repair on the page's original text (a conversion on top is taken off meanwhile). */
  private async computeOffer(): Promise<RepairOffer | null> {
    if (this.offer !== undefined) return this.offer;
    if (this.originalScript !== 'hant' && this.originalScript !== 'mixed') {
      this.offer = null;
      return null;
    }
    const target = this.converter.target;
    if (target) {
      this.converter.unwatch();
      this.converter.restore();
    }
    try {
      const pairs = await this.repairPairs();
      const offer = repairOffer(this.originalScript, visibleTextSample(this.doc), pairs, (v) =>
        previewRepair(this.doc, roundTrip(pairs.get(v) as RoundTripPair)),
      );
      if (offer) this.convertFns.set(offer.variant, (pairs.get(offer.variant) as RoundTripPair).toHant);
      this.offer = offer;
      return offer;
    } finally {
      if (target) await this.convertTo(target);
    }
  }

  private repairOfferState(): RepairOfferState {
    if (this.repairer.isApplied) return { fixes: this.repairFixes, variant: this.offer?.variant ?? null, applied: true };
    return { fixes: this.offer?.fixes ?? 0, variant: this.offer?.variant ?? null, applied: false };
  }

  private publishRepair(): void {
    if (this.repairer.isApplied) this.root.setAttribute(ATTR.repaired, String(this.repairFixes));
    else this.root.removeAttribute(ATTR.repaired);
  }

  private showMarksIfWanted(): void {
    this.hideRepairMarks();
    if (!this.marksShown || !this.repairer.isApplied || this.converter.target) return;
    this.clearMarks = showRepairMarks(this.doc, this.repairer.stats().places, (before, after) =>
      t('repairMarkTip', [before, after]),
    );
  }

  private hideRepairMarks(): void {
    this.clearMarks?.();
    this.clearMarks = null;
  }

  /** Re-runs the applied repair from the original text (after a conversion on top is undone). */
  private reapplyRepair(): void {
    if (!this.repairFn) return;
    this.repairFixes = this.repairer.apply(this.repairFn).fixes;
    this.repairer.watch();
    this.showMarksIfWanted();
    this.publishRepair();
  }

  /** Repairs the page, under any conversion applied now; false when there is nothing to repair. */
  async applyRepair(): Promise<boolean> {
    const offer = await this.computeOffer();
    if (!offer) return false;
    const pair: RoundTripPair = { toHans: await this.hansFrom(offer.variant), toHant: await this.converterFor(offer.variant) };
    const target = this.converter.target;
    if (target) {
      this.converter.unwatch();
      this.converter.restore();
    }
    this.repairFn = roundTrip(pair);
    this.repairFixes = this.repairer.apply(this.repairFn).fixes;
    this.repairer.watch();
    this.publishRepair();
    if (target) await this.convertTo(target);
    else {
      this.showMarksIfWanted();
      await qingduGlobal().reader?.refreshConversion();
    }
    return true;
  }

  /** Undoes the repair exactly, keeping any conversion (it is re-applied on the original text). */
  async undoRepair(): Promise<void> {
    const target = this.converter.target;
    if (target) {
      this.converter.unwatch();
      this.converter.restore();
    }
    this.hideRepairMarks();
    this.repairer.unwatch();
    this.repairer.restore();
    this.repairFn = null;
    this.repairFixes = 0;
    this.publishRepair();
    if (target) await this.convertTo(target);
    else await qingduGlobal().reader?.refreshConversion();
  }

  private async toggleRepair(): Promise<void> {
    if (this.repairer.isApplied) await this.undoRepair();
    else await this.applyRepair();
  }

  private setRepairMarks(shown: boolean): void {
    this.marksShown = shown;
    if (shown) this.showMarksIfWanted();
    else this.hideRepairMarks();
  }

  /** The fixes in document order with context, for the reader's proofreading list. */
  private repairFixList(): RepairFix[] {
    if (!this.repairer.isApplied || this.converter.target) return [];
    return this.repairer.stats().places.map((p) => {
      const data = p.node.data;
      const head = data.slice(Math.max(0, p.start - CONTEXT), p.start);
      const tail = data.slice(p.end, p.end + CONTEXT);
      return { before: p.before, after: p.after, head, tail };
    });
  }

  // ----- reader -----

  private readerHost(): ReaderHost {
    const self = this;
    return {
      issue: this.issue,
      // A getter: a reader reopened in another mode starts from the latest preferences.
      get prefs() {
        return self.settings.reader;
      },
      savePrefs: (p) => {
        this.settings = { ...this.settings, reader: p };
        updateSettings((s) => ({ ...s, reader: p })).catch(() => {});
      },
      t,
      currentConversion: async () => {
        const target = this.converter.target;
        return target ? { target, convert: await this.converterFor(target) } : null;
      },
      onClosed: () => {},
      isSpam: (el) => isHiddenSpam(el),
      repairFixes: () => this.repairFixList(),
      currentRepair: () =>
        this.repairer.isApplied && this.repairFn && this.offer ? { variant: this.offer.variant, convert: this.repairFn } : null,
    };
  }

  private async openReader(mode: ReaderMode): Promise<void> {
    if (!qingduGlobal().reader) await this.loadBundle('reader');
    const reader = qingduGlobal().reader;
    if (!reader) throw new Error('reader did not load');
    reader.open(this.readerHost(), mode);
  }

  private async toggleReader(): Promise<void> {
    const reader = qingduGlobal().reader;
    if (reader?.isOpen()) reader.close();
    else await this.openReader({ kind: 'article' });
  }

  // ----- messages -----

  state(): PageState {
    const target = this.converter.target;
    return {
      url: this.url,
      pageLang: this.doc.documentElement.lang || undefined,
      issue: this.issue,
      noIssueReason: this.issue ? undefined : 'not-epaper',
      script: (this.root.getAttribute(ATTR.script) as PageState['script']) ?? 'none',
      converted: target,
      convertTarget: target ? 'restore' : this.nextTarget(),
      spamCount: countHidden(this.doc),
      spamShown: isSpamShown(this.doc),
      spamEnabled: this.spamEnabled,
      hijack: this.hijack,
      readerOpen: qingduGlobal().reader?.isOpen() ?? false,
      problems: this.problems.slice(-5),
      ...(this.repairer.isApplied ? { repaired: this.repairFixes, repairMarks: this.marksShown } : {}),
    };
  }

  private listen(ctx: ContentScriptContext): void {
    const guard =
      <A, R>(name: string, fn: (a: A) => Promise<R> | R) =>
      async (a: A): Promise<R> => {
        await this.ready;
        try {
          return await this.enqueue(async () => fn(a));
        } catch (err) {
          this.problems.push(`${name}: ${String(err)}`);
          throw err;
        }
      };
    const offs = [
      onMessage('pageGetState', async () => {
        await this.ready;
        return this.state();
      }),
      onMessage(
        'pageToggleConvert',
        guard('convert', async (m: { data: { target?: Target } }) => {
          await this.toggleConvert(m.data?.target);
          return this.state();
        }),
      ),
      onMessage(
        'pageSetSpamShown',
        guard('spam', (m: { data: { shown: boolean } }) => {
          this.setSpamVisible(m.data.shown);
          return this.state();
        }),
      ),
      onMessage(
        'pageToggleReader',
        guard('reader', async () => {
          await this.toggleReader();
          return this.state();
        }),
      ),
      onMessage(
        'pageReadCollection',
        guard('collection', async (m: { data: { scope: 'section' | 'issue' } }) => {
          await this.openReader({ kind: 'collection', scope: m.data.scope });
          return this.state();
        }),
      ),
      onMessage(
        'pageRepairOffer',
        guard('repair', async () => {
          await this.computeOffer();
          return this.repairOfferState();
        }),
      ),
      onMessage(
        'pageToggleRepair',
        guard('repair', async () => {
          await this.toggleRepair();
          return this.state();
        }),
      ),
      onMessage(
        'pageSetRepairMarks',
        guard('repair-marks', (m: { data: { shown: boolean } }) => {
          this.setRepairMarks(m.data.shown);
          return this.state();
        }),
      ),
      onMessage(
        'pageConvertSelection',
        guard('selection', (m: { data: { text: string } }) => this.convertSelection(m.data.text)),
      ),
    ];
    ctx.onInvalidated(() => {
      for (const off of offs) off();
    });
  }
}

/** Copies text; content scripts may lack clipboard focus, so fall back to execCommand. */
async function copyToClipboard(doc: Document, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('data-qingdu-ui', '');
    area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
    (doc.body ?? doc.documentElement).append(area);
    area.select();
    let ok = false;
    try {
      ok = doc.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}
