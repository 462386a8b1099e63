/**
 * The sample's improvement actions (data/actions.csv). They tell the story the responses
 * carry: the 2026-Q2 enterprise support incident and the dedicated channel that fixed it
 * (A01, a significant jump), a UI refresh that did not move 易用性 (A02), and one action in
 * each remaining state, one of them overdue on 2026-12-31.
 */

export const ACTION_HEADER = ['id', 'title', 'question', 'segment', 'owner', 'status', 'start', 'due', 'done', 'target', 'notes'] as const;

export type ActionRow = Record<(typeof ACTION_HEADER)[number], string>;

export const ACTIONS: readonly ActionRow[] = [
  {
    id: 'A01',
    title: '企业客户专属客服通道',
    question: 'q_response',
    segment: 'plan=企业版',
    owner: '客户成功部 王敏',
    status: 'done',
    start: '2026-04-20',
    due: '2026-08-31',
    done: '2026-09-15',
    target: '75',
    notes: '二季度企业版客服评分骤降后启动：专属群、2 小时首次响应承诺',
  },
  {
    id: 'A02',
    title: '新版操作界面与新手引导',
    question: 'q_usability',
    segment: '',
    owner: '产品部 陈刚',
    status: '已完成',
    start: '2025-07-01',
    due: '2025-09-30',
    done: '2025-09-26',
    target: '80',
    notes: '界面改版已上线, 易用性评分未见明显变化',
  },
  {
    id: 'A03',
    title: '工单自动分派与超时提醒',
    question: 'q_response',
    segment: '',
    owner: '客服中心 刘洋',
    status: 'in_progress',
    start: '2026-10-08',
    due: '2027-03-31',
    done: '',
    target: '75',
    notes: '覆盖全部套餐；一期已完成"超时提醒"',
  },
  {
    id: 'A04',
    title: '发票自助开具与电子发票',
    question: 'q_billing',
    segment: '',
    owner: '财务部 赵丽',
    status: 'planned',
    start: '2027-01-15',
    due: '2027-04-30',
    done: '',
    target: '70',
    notes: '',
  },
  {
    id: 'A05',
    title: '代理商上手培训计划',
    question: 'q_onboarding',
    segment: 'channel=代理商',
    owner: '渠道部 孙杰',
    status: 'dropped',
    start: '2025-10-01',
    due: '2026-03-31',
    done: '',
    target: '75',
    notes: '代理商合作调整，计划取消',
  },
  {
    id: 'A06',
    title: '移动端卡顿优化',
    question: 'q_stability',
    segment: '',
    owner: '研发部 周涛',
    status: 'in_progress',
    start: '2026-03-01',
    due: '2026-10-31',
    done: '',
    target: '80',
    notes: '已延期：依赖底层框架升级',
  },
];
