/**
 * <lr-schema-form>: a scenario as a form generated from its JSON Schema. Objects become fieldsets,
 * arrays lists with add and remove, enums selects (or checkboxes for a set), text {zh, en} two
 * inputs, free-form maps key/value rows. Each problem is shown at its field (or the nearest field
 * drawn above it), with aria-invalid and aria-describedby, so the form reads with a screen reader
 * and works from the keyboard. A value of the wrong type is shown as text to correct, never
 * dropped. Edits go out as `form-edit` {path, value} or {path, remove: true}; the form never
 * changes its value itself. Everything from the file is text in the template: nothing is HTML.
 */
import { html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LangElement } from './lang-element';
import { base } from '../lib/styles';
import { emptyValue, SchemaWalker, type SchemaNode } from '../lib/schema-walk';
import { pathText } from '../../engine/incremental/scenario-diff';
import type { PathSegment } from '../../engine/scenario/json-path';
import type { Problem } from '../../engine/problem';

const LABELS: Record<string, string> = {
  id: '编号', name: '名称', description: '说明', sources: '来源文件', timeline: '测算期', start: '起始月份', months: '月数', jurisdiction: '辖区',
  asOf: '参数日期', parameters: '参数覆盖', rulePolicy: '规则处理方式', provisions: '计提项目', tiers: '分成层级', entity: '政府', split: '增值收益分成',
  ratios: '分成比例', cases: '分成例外', funding: '资金来源', appropriations: '预算安排', shortfall: '资金缺口处理', adjustments: '压力调整',
  salePriceFactor: '出让价格系数', saleDelayMonths: '出让推迟（月）', costFactor: '成本系数', rateShiftBp: '利率调整（基点）', zones: '片区', parcels: '宗地',
  area: '面积', holdings: '权属地块', households: '户数', landUse: '用途', jurisdictions: '所属政府', splitCase: '分成例外', acquisition: '收储',
  mode: '方式', date: '日期', price: '价款', unitPrice: '单价', components: '补偿构成', landCompensation: '土地补偿费', resettlement: '安置补助费',
  housingAndAttachments: '地上附着物和房屋', youngCrops: '青苗补偿', socialSecurity: '社会保障费', demolition: '拆迁费', other: '其他', payments: '分期支付',
  serviceFee: '征储服务费', development: '前期开发', works: '工程', item: '项目', managementFee: '代建管理费', holding: '管护', costPerYear: '年管护费',
  costPerMonth: '月管护费', unitCostPerYear: '单位年管护费', from: '起', until: '止', leases: '临时利用', rentPerYear: '年租金', totalRent: '总租金',
  tenant: '承租人', sale: '出让', businessFee: '出让业务费', verifiedCost: '核定成本', appraisedValue: '评估价值', amount: '金额', share: '比例',
  bonds: '专项债券', issueDate: '发行日期', principal: '本金', couponRate: '票面利率', termYears: '期限（年）', couponFrequency: '付息频率', repayment: '还本方式',
  pool: '资金池', opening: '期初余额', inflows: '注入', zoneMode: '片区运行方式', developer: '做地主体', compensationRate: '补偿费率', projects: '项目',
  preAllocations: '财政预拨', bondPolicy: '债券政策', quota: '限额', year: '年度', set: '路径覆盖', base: '基准情景', parcelsCsv: '宗地表 CSV',
  zh: '中文', en: 'English', repay: '返还方式', repayDate: '返还日期', fees: '费用', atMaturity: '到期处理', project: '项目', zone: '片区',
};

type Edit = { path: PathSegment[]; value?: unknown; remove?: boolean };

export class LrSchemaForm extends LangElement {
  static override properties = { schema: { attribute: false }, value: { attribute: false }, problems: { attribute: false } };
  schema: SchemaNode & { definitions?: Record<string, SchemaNode> } = {};
  value: unknown = {};
  problems: readonly Problem[] = [];
  private walker: SchemaWalker | null = null;
  private placed = new Map<string, Problem[]>();
  private placedKeys: string[] = [];

  static override styles = [
    base,
    css`
      fieldset { border: 1px solid #e2e2dc; border-radius: 6px; margin: 0.3rem 0; padding: 0.3rem 0.7rem 0.5rem; background: #fff; }
      fieldset fieldset { background: #fcfcfa; }
      legend, summary { font-weight: 600; font-size: 0.9rem; }
      details > summary { cursor: pointer; padding: 0.15rem 0; }
      details { margin: 0.25rem 0; }
      .field { display: grid; grid-template-columns: minmax(9rem, 14rem) minmax(0, 1fr); gap: 0.2rem 0.6rem; align-items: start; margin: 0.25rem 0; }
      .field > label, .field > .lbl { font-size: 0.85rem; padding-top: 0.2rem; }
      .field code, legend code, summary code { font-size: 0.75rem; color: #6b6b66; margin-left: 0.25rem; }
      input[type='text'], input[type='number'], select, textarea { width: 100%; max-width: 34rem; padding: 0.15rem 0.3rem; border: 1px solid #c9c9c2; border-radius: 4px; }
      [aria-invalid='true'] { border-color: #a8201a !important; background: #fff6f5; }
      .err { color: #a8201a; font-size: 0.82rem; margin: 0.1rem 0 0.2rem; }
      .err li { margin: 0; }
      ul.err { padding-left: 1rem; }
      .row { display: flex; gap: 0.3rem; align-items: center; }
      .kv { display: grid; grid-template-columns: minmax(8rem, 16rem) minmax(0, 1fr) auto; gap: 0.2rem 0.4rem; align-items: center; }
      .add { display: flex; gap: 0.3rem; align-items: center; flex-wrap: wrap; margin-top: 0.3rem; font-size: 0.85rem; }
      .add select { width: auto; }
      .checks label { display: inline-flex; gap: 0.2rem; margin-right: 0.8rem; font-size: 0.85rem; }
      button.small { font-size: 0.78rem; padding: 0 0.4rem; }
      .desc { font-size: 0.75rem; color: #6b6b66; }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('schema') || !this.walker) this.walker = new SchemaWalker(this.schema);
    if (changed.has('value') || changed.has('problems') || changed.has('schema')) {
      this.placed = this.walker.place(this.value, this.problems);
      this.placedKeys = [...this.placed.keys()];
    }
  }

  private edit(e: Edit) {
    this.dispatchEvent(new CustomEvent('form-edit', { bubbles: true, composed: true, detail: e }));
  }

  /** Focuses the field of a path (or the nearest drawn one above it). */
  focusPath(path: string): boolean {
    const placedAt = [...this.placed.entries()].find(([, ps]) => ps.some((p) => p.path === path))?.[0] ?? path;
    const el = this.renderRoot.querySelector(`[data-field="${CSS.escape(placedAt)}"]`) as HTMLElement | null;
    if (!el) return false;
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    const input = (el.matches('input,select,textarea,button') ? el : el.querySelector('input,select,textarea,button')) as HTMLElement | null;
    el.scrollIntoView({ block: 'center' });
    (input ?? el).focus();
    return true;
  }

  override render() {
    if (!this.walker) return nothing;
    return html`<form @submit=${(e: Event) => e.preventDefault()} novalidate>${this.node([], this.walker.resolve(this.schema), this.value, true)}</form>`;
  }

  private label(segs: PathSegment[]): string {
    const last = segs[segs.length - 1];
    if (last === undefined) return this.T('情景', 'Scenario');
    if (typeof last === 'number') return `#${last + 1}`;
    return this.lang === 'en' ? last : LABELS[last] ?? last;
  }

  private errors(path: string, id: string) {
    const ps = this.placed.get(path);
    if (!ps?.length) return nothing;
    return html`<ul class="err" id=${id} role="alert" data-errors-for=${path}>${ps.map((p) => html`<li data-code=${p.code}>${this.lang === 'en' ? p.message.en : p.message.zh}${p.hint ? html` <span class="desc">${p.hint}</span>` : nothing}</li>`)}</ul>`;
  }

  private hasProblemsUnder(path: string): boolean {
    return this.placedKeys.some((k) => k === path || k.startsWith(path + '.') || k.startsWith(path + '['));
  }

  private node(segs: PathSegment[], schema: SchemaNode | undefined, value: unknown, top = false): TemplateResult | typeof nothing {
    const w = this.walker!;
    const s = w.resolve(schema);
    const path = pathText(segs);
    if (!s) return this.rawField(segs, value, true);
    if (s.oneOf) return this.textField(segs, value);
    const type = Array.isArray(s.type) ? s.type[0] : s.type ?? (s.properties ? 'object' : s.enum ? 'enum' : undefined);
    if (s.enum) return this.enumField(segs, s, value);
    switch (type) {
      case 'object':
        if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) return this.rawField(segs, value, false);
        return s.properties ? this.objectField(segs, s, (value ?? {}) as Record<string, unknown>, top) : this.mapField(segs, s, (value ?? {}) as Record<string, unknown>);
      case 'array':
        if (value !== undefined && !Array.isArray(value)) return this.rawField(segs, value, false);
        if (w.resolve(s.items)?.enum) return this.setField(segs, s, (value ?? []) as unknown[]);
        return this.arrayField(segs, s, (value ?? []) as unknown[]);
      case 'integer':
      case 'number':
        return this.numberField(segs, s, value, type === 'integer');
      case 'boolean':
        return this.leaf(segs, html`<input type="checkbox" id=${this.fid(path)} .checked=${value === true} @change=${(e: Event) => this.edit({ path: segs, value: (e.target as HTMLInputElement).checked })} />`);
      case 'string':
        return this.stringField(segs, s, value);
      default:
        return this.rawField(segs, value, true);
    }
  }

  private fid(path: string) {
    return `f-${path || 'root'}`.replace(/[^\w-]/g, '_');
  }

  private leaf(segs: PathSegment[], control: TemplateResult, s?: SchemaNode) {
    const path = pathText(segs);
    const id = this.fid(path);
    return html`<div class="field" data-field=${path}>
      <label for=${id}>${this.label(segs)}${typeof segs[segs.length - 1] === 'string' && this.lang === 'zh' ? html`<code>${segs[segs.length - 1]}</code>` : nothing}</label>
      <div>${control}${this.errors(path, `${id}-err`)}${s?.description ? html`<div class="desc">${s.description}</div>` : nothing}</div>
    </div>`;
  }

  private invalid(path: string) {
    return this.placed.has(path) ? 'true' : 'false';
  }

  private stringField(segs: PathSegment[], s: SchemaNode, value: unknown) {
    const path = pathText(segs);
    const id = this.fid(path);
    const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return this.leaf(segs, html`<input type="text" id=${id} name=${path} .value=${text} aria-invalid=${this.invalid(path)} aria-describedby=${`${id}-err`}
      placeholder=${s.pattern ? this.T('按格式填写，如 2000万元、10%、2022-09', 'e.g. 2000万元, 10%, 2022-09') : ''}
      @change=${(e: Event) => this.edit({ path: segs, value: (e.target as HTMLInputElement).value })} />`);
  }

  private numberField(segs: PathSegment[], s: SchemaNode, value: unknown, integer: boolean) {
    const path = pathText(segs);
    const id = this.fid(path);
    if (value !== undefined && typeof value !== 'number') {
      // A number written as text ("24"): show it as it is, so the error beside it makes sense.
      return this.leaf(segs, html`<input type="text" id=${id} name=${path} .value=${typeof value === 'string' ? value : JSON.stringify(value)} aria-invalid=${this.invalid(path)} aria-describedby=${`${id}-err`}
        @change=${(e: Event) => { const t = (e.target as HTMLInputElement).value.trim(); this.edit({ path: segs, value: /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t }); }} />`);
    }
    return this.leaf(segs, html`<input type="number" id=${id} name=${path} step=${integer ? '1' : 'any'} .value=${value === undefined ? '' : String(value)}
      min=${s.minimum ?? nothing} max=${s.maximum ?? nothing} aria-invalid=${this.invalid(path)} aria-describedby=${`${id}-err`}
      @change=${(e: Event) => { const t = (e.target as HTMLInputElement).value; this.edit(t === '' ? { path: segs, remove: true } : { path: segs, value: Number(t) }); }} />`, s);
  }

  private enumField(segs: PathSegment[], s: SchemaNode, value: unknown) {
    const path = pathText(segs);
    const id = this.fid(path);
    const opts = s.enum ?? [];
    const known = opts.some((o) => o === value);
    return this.leaf(segs, html`<select id=${id} name=${path} aria-invalid=${this.invalid(path)} aria-describedby=${`${id}-err`}
      @change=${(e: Event) => { const i = Number((e.target as HTMLSelectElement).value); this.edit(i < 0 ? { path: segs, remove: true } : { path: segs, value: opts[i] }); }}>
      <option value="-1" ?selected=${value === undefined}>${this.T('（未设置）', '(not set)')}</option>
      ${!known && value !== undefined ? html`<option value="-2" selected>${JSON.stringify(value)}</option>` : nothing}
      ${opts.map((o, i) => html`<option value=${String(i)} ?selected=${o === value}>${String(o)}</option>`)}
    </select>`, s);
  }

  private textField(segs: PathSegment[], value: unknown) {
    const path = pathText(segs);
    const id = this.fid(path);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const o = value as Record<string, unknown>;
      const part = (k: 'zh' | 'en') => html`<div class="row"><span class="desc" style="width:3.5rem">${k === 'zh' ? '中文' : 'English'}</span>
        <input type="text" id=${`${id}-${k}`} name=${`${path}.${k}`} .value=${typeof o[k] === 'string' ? (o[k] as string) : o[k] === undefined ? '' : JSON.stringify(o[k])} aria-invalid=${this.invalid(path)}
          aria-label=${`${this.label(segs)} ${k}`} @change=${(e: Event) => this.edit({ path: [...segs, k], value: (e.target as HTMLInputElement).value })} /></div>`;
      return html`<div class="field" data-field=${path}><span class="lbl">${this.label(segs)}</span><div>${part('zh')}${part('en')}${this.errors(path, `${id}-err`)}</div></div>`;
    }
    return this.leaf(segs, html`<div class="row"><input type="text" id=${id} name=${path} .value=${typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)} aria-invalid=${this.invalid(path)} aria-describedby=${`${id}-err`}
        @change=${(e: Event) => this.edit({ path: segs, value: (e.target as HTMLInputElement).value })} />
      <button type="button" class="small" @click=${() => this.edit({ path: segs, value: { zh: typeof value === 'string' ? value : '', en: '' } })}>${this.T('中英分开', 'zh / en')}</button></div>`);
  }

  /** A value the form cannot draw by its schema (wrong type, unknown field): its JSON, to correct. */
  private rawField(segs: PathSegment[], value: unknown, free: boolean) {
    const path = pathText(segs);
    const id = this.fid(path);
    const text = value === undefined ? '' : JSON.stringify(value);
    return this.leaf(segs, html`<div class="row"><input type="text" id=${id} name=${path} .value=${text} aria-invalid=${this.invalid(path)} aria-describedby=${`${id}-err`}
        title=${free ? this.T('JSON 值', 'a JSON value') : this.T('类型不对：请改正，或删除此项', 'wrong type: correct it or remove it')}
        @change=${(e: Event) => { const t = (e.target as HTMLInputElement).value; let v: unknown = t; try { v = JSON.parse(t); } catch { v = t; } this.edit({ path: segs, value: v }); }} />
      ${segs.length ? html`<button type="button" class="small" @click=${() => this.edit({ path: segs, remove: true })} aria-label=${this.T(`删除 ${path}`, `Remove ${path}`)}>✕</button>` : nothing}</div>`);
  }

  private objectField(segs: PathSegment[], s: SchemaNode, value: Record<string, unknown>, top: boolean) {
    const w = this.walker!;
    const path = pathText(segs);
    const props = s.properties ?? {};
    const required = s.required ?? [];
    const shown = Object.keys(props).filter((k) => value[k] !== undefined || required.includes(k));
    const absent = Object.keys(props).filter((k) => !shown.includes(k) && k !== '$schema');
    const unknown = Object.keys(value).filter((k) => !(k in props));
    const children = html`
      ${this.errors(path, `${this.fid(path)}-err`)}
      ${shown.map((k) => this.node([...segs, k], props[k], value[k]))}
      ${unknown.map((k) => this.rawField([...segs, k], value[k], false))}
      ${absent.length ? html`<div class="add">
          <label for=${`${this.fid(path)}-add`}>${this.T('添加字段', 'Add a field')}</label>
          <select id=${`${this.fid(path)}-add`} @change=${(e: Event) => { const k = (e.target as HTMLSelectElement).value; if (k) this.edit({ path: [...segs, k], value: emptyValue(w, props[k]) }); (e.target as HTMLSelectElement).value = ''; }}>
            <option value="">…</option>
            ${absent.map((k) => html`<option value=${k}>${this.lang === 'en' ? k : `${LABELS[k] ?? k} ${k}`}</option>`)}
          </select></div>` : nothing}`;
    if (top) return html`<div data-field=${path}>${children}</div>`;
    const summary = this.itemSummary(segs, value);
    const openByDefault = segs.length <= 1 || this.hasProblemsUnder(path);
    return html`<details data-field=${path} ?open=${openByDefault}>
      <summary>${this.label(segs)}${summary ? html` <span class="desc">${summary}</span>` : nothing}${typeof segs[segs.length - 1] === 'string' && this.lang === 'zh' ? html`<code>${segs[segs.length - 1]}</code>` : nothing}
        ${this.hasProblemsUnder(path) ? html` <span class="error" aria-label=${this.T('有问题', 'has problems')}>●</span>` : nothing}</summary>
      <fieldset>${children}</fieldset>
    </details>`;
  }

  private itemSummary(segs: PathSegment[], value: Record<string, unknown>): string {
    if (typeof segs[segs.length - 1] !== 'number') return '';
    const name = value.name;
    const n = typeof name === 'string' ? name : name && typeof name === 'object' ? String((name as Record<string, unknown>)[this.lang] ?? (name as Record<string, unknown>).zh ?? '') : '';
    return [typeof value.id === 'string' ? value.id : '', n].filter(Boolean).join(' ');
  }

  private arrayField(segs: PathSegment[], s: SchemaNode, value: unknown[]) {
    const w = this.walker!;
    const path = pathText(segs);
    const items = w.resolve(s.items);
    const isObj = !!items?.properties;
    return html`<details data-field=${path} ?open=${segs.length <= 1 || this.hasProblemsUnder(path)}>
      <summary>${this.label(segs)} <span class="desc">(${value.length})</span>${this.lang === 'zh' && typeof segs[segs.length - 1] === 'string' ? html`<code>${segs[segs.length - 1]}</code>` : nothing}
        ${this.hasProblemsUnder(path) ? html` <span class="error">●</span>` : nothing}</summary>
      <fieldset>
        ${this.errors(path, `${this.fid(path)}-err`)}
        ${value.map((v, i) => html`<div class="row" style="align-items:start">
          <div style="flex:1;min-width:0">${this.node([...segs, i], items, v)}</div>
          <button type="button" class="small" style="margin-top:0.3rem" @click=${() => this.edit({ path: [...segs, i], remove: true })} aria-label=${this.T(`删除 ${path}[${i}]`, `Remove ${path}[${i}]`)}>✕</button>
        </div>`)}
        <div class="add"><button type="button" class="small" data-add=${path} @click=${() => this.edit({ path: [...segs, value.length], value: emptyValue(w, items) })}>+ ${this.T(isObj ? '添加一项' : '添加', isObj ? 'Add an item' : 'Add')}</button></div>
      </fieldset>
    </details>`;
  }

  /** An array of enum values as checkboxes (the provisions). */
  private setField(segs: PathSegment[], s: SchemaNode, value: unknown[]) {
    const path = pathText(segs);
    const opts = this.walker!.resolve(s.items)?.enum ?? [];
    const toggle = (o: unknown, on: boolean) => this.edit({ path: segs, value: on ? opts.filter((x) => x === o || value.includes(x)) : value.filter((x) => x !== o) });
    return html`<div class="field checks" data-field=${path} role="group" aria-label=${this.label(segs)}>
      <span class="lbl">${this.label(segs)}${this.lang === 'zh' ? html`<code>${segs[segs.length - 1]}</code>` : nothing}</span>
      <div>${opts.map((o) => html`<label><input type="checkbox" .checked=${value.includes(o)} @change=${(e: Event) => toggle(o, (e.target as HTMLInputElement).checked)} />${String(o)}</label>`)}
        ${value.filter((v) => !opts.includes(v)).map((v) => html`<span class="error">${JSON.stringify(v)}</span>`)}
        ${this.errors(path, `${this.fid(path)}-err`)}</div>
    </div>`;
  }

  /** A free map (parameters, weights, jurisdictions, set): key/value rows. */
  private mapField(segs: PathSegment[], s: SchemaNode, value: Record<string, unknown>) {
    const w = this.walker!;
    const path = pathText(segs);
    const vs = typeof s.additionalProperties === 'object' ? w.resolve(s.additionalProperties) : undefined;
    const nested = !!vs && (vs.properties !== undefined || vs.additionalProperties !== undefined || vs.type === 'object');
    const keys = Object.keys(value);
    const rename = (from: string, to: string) => {
      if (!to || to === from || to in value) return;
      const next: Record<string, unknown> = {};
      for (const k of keys) next[k === from ? to : k] = value[k];
      this.edit({ path: segs, value: next });
    };
    return html`<details data-field=${path} ?open=${segs.length <= 1 || this.hasProblemsUnder(path) || keys.length < 4}>
      <summary>${this.label(segs)} <span class="desc">(${keys.length})</span>${this.lang === 'zh' ? html`<code>${segs[segs.length - 1] ?? ''}</code>` : nothing}</summary>
      <fieldset>
        ${this.errors(path, `${this.fid(path)}-err`)}
        ${keys.map((k) => {
          const kp = pathText([...segs, k]);
          const v = value[k];
          if (nested) return html`<div class="row" style="align-items:start"><div style="flex:1">${this.node([...segs, k], vs, v)}</div>
            <button type="button" class="small" @click=${() => this.edit({ path: [...segs, k], remove: true })} aria-label=${this.T(`删除 ${kp}`, `Remove ${kp}`)}>✕</button></div>`;
          const text = typeof v === 'string' ? v : JSON.stringify(v);
          return html`<div class="kv" data-field=${kp}>
            <input type="text" .value=${k} aria-label=${this.T(`${kp} 的名称`, `name of ${kp}`)} @change=${(e: Event) => rename(k, (e.target as HTMLInputElement).value.trim())} />
            <input type="text" .value=${text} aria-label=${kp} aria-invalid=${this.invalid(kp)} aria-describedby=${`${this.fid(kp)}-err`}
              @change=${(e: Event) => { const t = (e.target as HTMLInputElement).value; let nv: unknown = t; if (!vs || vs.type !== 'string') { try { nv = JSON.parse(t); } catch { nv = t; } } this.edit({ path: [...segs, k], value: nv }); }} />
            <button type="button" class="small" @click=${() => this.edit({ path: [...segs, k], remove: true })} aria-label=${this.T(`删除 ${kp}`, `Remove ${kp}`)}>✕</button>
            ${this.placed.has(kp) ? html`<div style="grid-column:1/-1">${this.errors(kp, `${this.fid(kp)}-err`)}</div>` : nothing}
          </div>`;
        })}
        <div class="add"><label>${this.T('新键', 'New key')} <input type="text" style="width:16rem" data-new-key=${path}
          @change=${(e: Event) => { const k = (e.target as HTMLInputElement).value.trim(); if (k && !(k in value)) this.edit({ path: [...segs, k], value: emptyValue(w, vs) }); (e.target as HTMLInputElement).value = ''; }} /></label></div>
      </fieldset>
    </details>`;
  }
}

customElements.define('lr-schema-form', LrSchemaForm);

declare global {
  interface HTMLElementTagNameMap { 'lr-schema-form': LrSchemaForm }
}
