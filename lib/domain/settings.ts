// Tunable rules of DOMAIN.md §5–6, stored in the Setting table (admin-editable) with these
// defaults.
export const DEFAULT_SETTINGS = {
  /** 退单 window after dispatch, in working hours. */
  returnWindowWorkingHours: 2,
  /** Approved returns per ticket before a manager must override. */
  maxApprovedReturns: 1,
  /** 延期: at most this many working days, once. */
  maxExtensionWorkingDays: 7,
  /** 重办 allowed per ticket by default. */
  maxReopens: 1,
  /** Days the evaluation link stays valid before the ticket closes as 未评价. */
  evaluationWindowDays: 7,
  /** Unanswered callback attempts before 未评价. */
  maxCallbackAttempts: 3,
  /** 临期 when less than this fraction of the time is left. */
  nearDueFraction: 0.2,
  /** Weight of 基本满意 in 满意率. */
  satisfactionBasicWeight: 1,
} as const;

export type Settings = { -readonly [K in keyof typeof DEFAULT_SETTINGS]: number };
