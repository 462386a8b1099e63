import type { Locale, SurveyConfig } from '../lib/config/types';
import { Z_95 } from '../lib/metrics/distributions';

export interface MethodEntry {
  name: string;
  formula: string;
  note: string;
}

/**
 * The methodology page's entries, generated from the settings and constants the code uses,
 * so the page cannot drift from the computation.
 */
export function methodEntries(config: SurveyConfig, locale: Locale): MethodEntry[] {
  const th = config.thresholds;
  const zh = locale === 'zh-CN';
  const weights = config.questions.filter((q) => q.role === 'indicator').map((q) => `${q.label[locale]} ${q.weight}`).join('，');
  return [
    {
      name: zh ? '题目均值与 0–100 得分' : 'Item mean and 0–100 score',
      formula: 'score = (x̄ − min) / (K − 1) × 100',
      note: zh ? '每题只用该题的有效作答（不适用、空白视为缺失，不按整份问卷剔除）。' : 'Each item uses its own valid answers (not applicable and blanks are missing; responses are never dropped as a whole).',
    },
    {
      name: zh ? '满意率（前两项）与不满意率（后两项）' : 'Top-2-box and bottom-2-box',
      formula: zh ? '最好两个等级的作答占比；Wilson 区间' : 'share in the two best levels; Wilson interval',
      note: `centre = (p̂ + z²/2n)/(1 + z²/n), half-width = z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n), z = ${Z_95}`,
    },
    {
      name: zh ? '均值的置信区间' : 'Interval of a mean',
      formula: 'x̄ ± t(0.975, n−1)·s/√n',
      note: zh ? '加权时用 Kish 有效样本量 n_eff = (Σw)²/Σw² 代替 n。' : "With weights, Kish's effective n = (Σw)²/Σw² replaces n.",
    },
    {
      name: zh ? '加权满意度指数' : 'Weighted satisfaction index',
      formula: 'Σ wᵢ·sᵢ / Σ wᵢ',
      note: (zh ? `权重：${weights}。区间用 delta 方法：Var = Σᵢⱼ cᵢcⱼ Cov(x̄ᵢ, x̄ⱼ)，协方差来自成对完整作答的交叉乘积。` : `Weights: ${weights}. Interval by the delta method: Var = Σᵢⱼ cᵢcⱼ Cov(x̄ᵢ, x̄ⱼ), covariances from pairwise-complete cross-products.`),
    },
    {
      name: 'NPS',
      formula: '100 × (promoters − detractors) / n',
      note: zh ? '推荐者 9–10 分，中立者 7–8 分，贬损者 0–6 分。区间为调整 Wald 法（Rocks 2016）：n′ = n + 3，推荐者与贬损者各加 0.75，Var = (p + d − (p − d)²)/n′。' : 'Promoters 9–10, passives 7–8, detractors 0–6. Adjusted-Wald interval (Rocks 2016): n′ = n + 3, add 0.75 to promoters and detractors, Var = (p + d − (p − d)²)/n′.',
    },
    {
      name: 'CES',
      formula: zh ? '1–7 分均值，及 5–7 分占比' : 'mean of the 1–7 item, and the share of 5–7',
      note: zh ? '均值用 t 区间，占比用 Wilson 区间。' : 't interval for the mean, Wilson for the share.',
    },
    {
      name: zh ? '变化与差距的检验' : 'Tests of changes and gaps',
      formula: zh ? '均值：Welch t（Satterthwaite 自由度）；占比：双比例 z 检验；NPS：z = ΔNPS/√(Var₁ + Var₂)；指数：z = Δ/√(se₁² + se₂²)' : 'means: Welch t (Satterthwaite df); shares: two-proportion z; NPS: z = ΔNPS/√(Var₁ + Var₂); index: z = Δ/√(se₁² + se₂²)',
      note: zh ? '细分群体与同期其余客户比较。' : 'A segment value is compared with the rest of the same period.',
    },
    {
      name: zh ? '多重比较（Benjamini–Hochberg）' : 'Multiple comparisons (Benjamini–Hochberg)',
      formula: 'q₍ᵢ₎ = min_{j ≥ i} m·p₍ⱼ₎/j',
      note: zh ? `同一张表（同一期的全部变化，或同一期的全部差距）内校正；q < ${th.alpha} 标为显著。` : `Corrected within one table (all changes into a period, or all gaps of a period); q < ${th.alpha} is marked significant.`,
    },
    {
      name: zh ? '小样本规则' : 'Small cells',
      formula: `n < ${th.suppress}: ${zh ? '不显示' : 'suppressed'}; ${th.suppress} ≤ n < ${th.directional}: ${zh ? '仅供参考' : 'directional'}`,
      note: zh ? '被隐藏的单元格不参与任何检验。' : 'Suppressed cells are never tested.',
    },
    {
      name: zh ? '关键驱动因素' : 'Key drivers',
      formula: zh ? 'Johnson 相对权重：Rxx = PΛPᵀ，Λ* = PΛ^½Pᵀ，β = Λ*⁻¹rxy，εⱼ = Σₖ Λ*ⱼₖ²βₖ²' : "Johnson's relative weights: Rxx = PΛPᵀ, Λ* = PΛ^½Pᵀ, β = Λ*⁻¹rxy, εⱼ = Σₖ Λ*ⱼₖ²βₖ²",
      note: zh
        ? `重要性 = εⱼ / R²（成对完整作答的相关矩阵）；表现 = ${config.drivers.performance === 'top2' ? '满意率' : '0–100 得分'}；十字线取均值划分四象限（Martilla & James 1977）。每个驱动因素少于 ${config.drivers.minPerDriver} 份完整作答时不显示权重；单期样本不足时合并最近 ${config.drivers.poolPeriods} 期。`
        : `Importance = εⱼ / R² (pairwise-complete correlations); performance = ${config.drivers.performance === 'top2' ? 'top-2-box' : '0–100 score'}; quadrants split at the means (Martilla & James 1977). Fewer than ${config.drivers.minPerDriver} complete answers per driver: no weights shown; a small period pools the last ${config.drivers.poolPeriods} periods.`,
    },
    {
      name: zh ? '客户意见主题' : 'Comment themes',
      formula: 'δ = log((yᵢ+α)/(nᵢ+α₀−yᵢ−α)) − log((yⱼ+α)/(nⱼ+α₀−yⱼ−α)), z = δ/√(1/(yᵢ+α) + 1/(yⱼ+α))',
      note: zh
        ? `带信息性 Dirichlet 先验的对数几率比（Monroe、Colaresi 与 Quinn 2008），比较${config.themes.dissatisfied === 'detractors' ? '贬损者与推荐者' : '不满意（后两项）与满意（前两项）受访者'}的意见；词语至少出现在 ${config.themes.minDocs} 条意见中；引用中的邮箱、电话、证件号已遮盖。`
        : `Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), ${config.themes.dissatisfied === 'detractors' ? 'detractors against promoters' : 'dissatisfied (bottom-2) against satisfied (top-2) respondents'}; terms in at least ${config.themes.minDocs} comments; e-mail addresses, phone and ID numbers in quotes are masked.`,
    },
    ...(config.transactions
      ? [{
          name: zh ? '客户终身价值' : 'Customer lifetime value',
          formula: zh ? '简单公式 Σₜ mₜ·rᵗ⁻¹/(1+d)ᵗ；模型：BG/NBD（Fader、Hardie 与 Lee 2005）× Gamma-Gamma（Fader 与 Hardie 2013）' : 'simple Σₜ mₜ·rᵗ⁻¹/(1+d)ᵗ; model: BG/NBD (Fader, Hardie & Lee 2005) × Gamma-Gamma (Fader & Hardie 2013)',
          note: zh
            ? `毛利率 ${config.transactions.margin}，年折现率 ${config.transactions.discountRate}，预测期 ${config.transactions.horizon} 个${config.transactions.timeUnit === 'week' ? '周' : '月'}；最大似然拟合，留出期检验预测。`
            : `Margin ${config.transactions.margin}, discount rate ${config.transactions.discountRate} a year, horizon ${config.transactions.horizon} ${config.transactions.timeUnit}s; maximum likelihood fits, checked on a holdout period.`,
        }]
      : []),
    ...(config.weighting
      ? [{
          name: zh ? '加权' : 'Weighting',
          formula: config.weighting.method === 'rake' ? (zh ? '迭代比例拟合（raking），至 1e-6 或 100 轮' : 'raking (iterative proportional fitting) to 1e-6 or 100 rounds') : (zh ? '事后分层 w = N_h/n_h' : 'post-stratification w = N_h/n_h'),
          note: zh ? `按期分别拟合；边际：${Object.keys(config.weighting.margins).join('、')}。` : `Fitted within each period; margins: ${Object.keys(config.weighting.margins).join(', ')}.`,
        }]
      : []),
  ];
}
