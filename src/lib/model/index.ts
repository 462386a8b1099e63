export { loadModel, buildModel, readSurveyInputs, cacheModel, type Model } from './load-model';
export type { SurveyMetrics } from './build';
export { ALL, TOTAL } from './cells';
export type * from './types';
export type { SurveyThemes, ThemeRow, ThemeSide } from './themes';
