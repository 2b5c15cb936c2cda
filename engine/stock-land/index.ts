/**
 * Stock-land revitalisation (盘活存量土地): the inventory by county and category, the disposal plan
 * and its simulation, the 增存挂钩 quota, the overall target, and idle land. Re-exports only.
 */
export * from './area-mu';
export * from './inventory';
export * from './quota';
export * from './disposal-plan';
export * from './plan-file';
export * from './revitalisation';
export * from './idle-land';
export * from './idle-land-status';
export * from './progress';
