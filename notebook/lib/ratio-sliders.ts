/**
 * The split ratio as sliders, for any number of tiers, on every page that moves it (the split
 * page's ratio, the compare page's B split): one tier has nothing to split; two tiers get one
 * slider, the first tier's weight out of 10 (Hainan 6 : 4); more get a weight slider per tier
 * (province 6 : city 2 : county 2), each labelled with its share of the whole.
 */
import { html, type TemplateResult } from 'lit';
import { movedRatio, type TierControl } from './controls';
import '../components/lr-slider';

export interface RatioSliderOptions {
  /** The control's URL key and the sliders' names: `ratio` (and `ratio-<tier>`), or `b.ratio`. */
  readonly name: string;
  /** A label in the page's language. */
  readonly T: (zh: string, en: string) => string;
  /** Called with the new `ratio` value when a slider moves. */
  readonly onRatio: (ratio: string) => void;
  /** The label before the tier names ("B "): empty on the split page. */
  readonly labelPrefix?: { readonly zh: string; readonly en: string };
}

export function ratioSliders(tiers: readonly TierControl[], o: RatioSliderOptions): TemplateResult | TemplateResult[] {
  const { T, name } = o;
  const pre = o.labelPrefix ?? { zh: '', en: '' };
  const move = (id: string) => (e: CustomEvent) => o.onRatio(movedRatio(tiers, id, String(e.detail.value)));
  if (tiers.length < 2) {
    return html`<lr-slider name=${name} label=${T(`${pre.zh}分成比例`, `${pre.en}Split`)} min="0" max="10" step="0.5" .value=${10} value-text="10" disabled
      note=${T('本情景只有一级政府，不分成。', 'This scenario has one tier: nothing to split.')}></lr-slider>`;
  }
  if (tiers.length === 2) {
    const [a, b] = tiers;
    return html`<lr-slider name=${name} label=${T(`${pre.zh}分成比例（${a.name.zh} : ${b.name.zh}）`, `${pre.en}Split (${a.name.en} : ${b.name.en})`)} min="5" max="8" step="0.5" .value=${Number(a.weight)}
      value-text=${`${a.weight} : ${b.weight}`} @value-input=${move(a.id)}></lr-slider>`;
  }
  return tiers.map((t) => html`<lr-slider name=${`${name}-${t.id}`} label=${T(`${pre.zh}${t.name.zh}分成权重`, `${pre.en}${t.name.en} weight`)} min="0" max="10" step="0.5" .value=${Number(t.weight)}
    value-text=${`${t.weight}（${t.percent}%）`} @value-input=${move(t.id)}></lr-slider>`);
}
