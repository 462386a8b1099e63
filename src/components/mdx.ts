/** The components an MDX report may use, given to MDX once. */
export { default as Kpi } from './Kpi.astro';
export { default as Trend } from './Trend.astro';
export { default as Likert } from './Likert.astro';
export { default as ScoreTable } from './ScoreTable.astro';
export { default as SegmentHeatmap } from './SegmentHeatmap.astro';
export { default as SegmentTable } from './SegmentTable.astro';
export { default as Value } from './Value.astro';
export { default as DriverMatrix } from "./DriverMatrix.astro";
export { default as PainPoints } from "./PainPoints.astro";
export { default as Themes } from './Themes.astro';
export { default as Actions } from './Actions.astro';
export { default as Retention } from './Retention.astro';
export { default as Clv } from './Clv.astro';
export { default as LoyaltyBySatisfaction } from './LoyaltyBySatisfaction.astro';
