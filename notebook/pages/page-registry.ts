/**
 * Every page of the notebook, once, in the order of the tabs: its id (the URL's `p`), its names,
 * the element that draws it, the module that defines that element (loaded the first time the page
 * is shown, so the first page loads only what it draws), and the bundled scenarios it opens on
 * when the URL names none — a page without them works on no scenario and hides the scenario bar.
 * Adding a page is an entry here and its module (see README, "How to add a notebook page").
 */
import type { Text } from '../lib/format';

export interface PageEntry {
  readonly id: string;
  readonly name: Text;
  /** Who the page is for, under its name in the tabs. */
  readonly who: Text;
  readonly tag: `lr-page-${string}`;
  readonly load: () => Promise<unknown>;
  /** The scenarios tried in order when the URL names none; null: the page needs no scenario. */
  readonly scenarios: readonly string[] | null;
}

export const PAGES = [
  { id: 'funding', name: { zh: '资金平衡', en: 'Funding' }, who: { zh: '财政部门', en: 'finance bureau' }, tag: 'lr-page-funding', load: () => import('./lr-page-funding'), scenarios: ['hainan-bonds', 'hainan-provincial'] },
  { id: 'zones', name: { zh: '片区平衡', en: 'Regional balance' }, who: { zh: '规划部门', en: 'planners' }, tag: 'lr-page-zones', load: () => import('./lr-page-zones'), scenarios: ['xinmi-zoning', 'hainan-provincial'] },
  { id: 'split', name: { zh: '收益分配', en: 'Revenue share' }, who: { zh: '政策制定', en: 'policymakers' }, tag: 'lr-page-split', load: () => import('./lr-page-split'), scenarios: ['hainan-provincial'] },
  { id: 'compare', name: { zh: '情景对比', en: 'Compare' }, who: { zh: '两个情景并排', en: 'side by side' }, tag: 'lr-page-compare', load: () => import('./lr-page-compare'), scenarios: ['hainan-bonds', 'hainan-provincial'] },
  { id: 'scenario', name: { zh: '情景编辑', en: 'Scenario' }, who: { zh: '输入与校验', en: 'inputs and checks' }, tag: 'lr-page-scenario', load: () => import('./lr-page-scenario'), scenarios: ['hainan-provincial'] },
  { id: 'evaluation', name: { zh: '绩效评价', en: 'Evaluation' }, who: { zh: '评分与等级', en: 'scores and grade' }, tag: 'lr-page-evaluation', load: () => import('./lr-page-evaluation'), scenarios: null },
  { id: 'stock', name: { zh: '存量盘活', en: 'Stock land' }, who: { zh: '处置进度与指标', en: 'disposal and quota' }, tag: 'lr-page-stock', load: () => import('./lr-page-stock'), scenarios: null },
  { id: 'analysis', name: { zh: '情景分析', en: 'Analysis' }, who: { zh: '敏感性与风险', en: 'sensitivity, risk' }, tag: 'lr-page-analysis', load: () => import('./lr-page-analysis'), scenarios: ['hainan-bonds', 'hainan-provincial'] },
  { id: 'reports', name: { zh: '报表', en: 'Reports' }, who: { zh: '方案与披露', en: 'plans, disclosure' }, tag: 'lr-page-reports', load: () => import('./lr-page-reports'), scenarios: ['hainan-provincial'] },
] as const satisfies readonly PageEntry[];

export type PageId = (typeof PAGES)[number]['id'];

/** The first page is the one a bare URL opens. */
export const FIRST_PAGE: PageId = PAGES[0].id;

export function pageEntry(id: PageId): PageEntry {
  return PAGES.find((p) => p.id === id)!;
}

export function isPageId(id: string | undefined): id is PageId {
  return PAGES.some((p) => p.id === id);
}
