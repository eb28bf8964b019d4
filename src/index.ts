/**
 * support-policy: a company's support policy as typed, validated data and pure functions.
 * @packageDocumentation
 * @module support-policy
 */
export {
  SupportPolicyError,
  InvalidArgumentError,
  PolicyValidationError,
  CalculationError,
  isSupportPolicyError,
} from './errors.js';
export type { ErrorCode, ValidationIssue } from './errors.js';
export { toEpochMs } from './instant.js';
export type { InstantLike, SameInstantKind } from './instant.js';
export { compileCalendar } from './calendar/compileCalendar.js';
export { BusinessCalendar } from './calendar/BusinessCalendar.js';
export type { OpenInterval } from './calendar/openIntervals.js';
export type { HolidayEntry } from './calendar/holidays/expandHolidays.js';
export { spainNationalHolidays } from './calendar/holidays/spainNationalHolidays.js';
export type {
  CalendarDefinition,
  WeekDefinition,
  IntervalDefinition,
  HolidayRuleDefinition,
  HolidaySetDefinition,
  OverrideDefinition,
  OverrideRuleDefinition,
} from './calendar/schema.js';
export { parsePolicy, safeParsePolicy } from './policy/parsePolicy.js';
export type { SafeParsePolicyResult } from './policy/parsePolicy.js';
export { parsePolicyVersions, policyInForce } from './policy/policyVersions.js';
export type { PolicyVersions } from './policy/policyVersions.js';
export { policyFingerprint } from './policy/policyFingerprint.js';
export { parseDuration } from './policy/duration.js';
export type { DurationText, ParsedDuration } from './policy/duration.js';
export type { LocalizedText } from './policy/text.js';
export type { FactName } from './policy/facts.js';
export type { PolicyDefinition, Policy, Target, Plan, AddOn, AccountType, SeverityScale } from './policy/schema.js';
export { standardSupport } from './presets/standardSupport.js';
export { dedicatedSupport } from './presets/dedicatedSupport.js';
export { resolveEntitlement } from './policy/resolveEntitlement.js';
export type {
  AccountDefinition,
  ResolveEntitlementOptions,
  Entitlement,
  EntitlementReason,
  EntitlementSource,
  EntitledChannel,
  EntitledTarget,
  EntitledThreshold,
  SeverityTargets,
} from './policy/entitlementTypes.js';
export { classify } from './triage/classify.js';
export type {
  Classification,
  ClassificationBase,
  ClassificationFit,
  ClassifyOptions,
  MatchedCriterion,
} from './triage/classify.js';
export type { ProblemFacts } from './triage/facts.js';
export { assessScope } from './triage/assessScope.js';
export type { ScopeRequest, ScopeAssessment } from './triage/assessScope.js';
export { assessPartnerEligibility } from './triage/assessPartnerEligibility.js';
export type { PartnerFacts, PartnerEligibility } from './triage/assessPartnerEligibility.js';
export { routeRequest } from './triage/routeRequest.js';
export type { Route, RouteRequestOptions } from './triage/routeRequest.js';
export { createLedger } from './hours/createLedger.js';
export { applyEvent } from './hours/applyEvent.js';
export { replay } from './hours/replay.js';
export { balances } from './hours/balances.js';
export type { YearBalance } from './hours/balances.js';
export { statement } from './hours/statement.js';
export type { Statement } from './hours/statement.js';
export type { StatementRow } from './hours/conversations.js';
export type { LedgerState } from './hours/state.js';
export type { LedgerEvent, ConversationClass } from './hours/events.js';
export type { ChargeRule, DeductionRules } from './hours/charge.js';
export { measure } from './sla/measure.js';
export { measureMany } from './sla/measureMany.js';
export type { MeasureManyOptions, SlaTicket } from './sla/measureMany.js';
export { measureStream } from './sla/measureStream.js';
export type { MeasureStreamOptions } from './sla/measureStream.js';
export type { MeasureManyResult, SlaTicketFailure } from './sla/batchTypes.js';
export { columnsToResults } from './sla/columnsToResults.js';
export { compareDeadlines } from './sla/compareDeadlines.js';
export type {
  CompareDeadlinesResult,
  DeadlineChange,
  DeadlineChangeSummary,
  NextCheckChange,
  ThresholdChange,
} from './sla/compareDeadlines.js';
export type { SlaColumns, SlaTargetColumns, SlaTicketColumns, SlaThresholdColumns } from './sla/columnTypes.js';
export { startTicket, advance, measureState } from './sla/advance.js';
export type { SlaState } from './sla/advance.js';
export { restoreState } from './sla/storedState.js';
export type { StoredSlaState } from './sla/types.js';
export { complianceReport } from './sla/complianceReport.js';
export type { ComplianceReportOptions, ComplianceRow, ReportPeriod } from './sla/complianceReport.js';
export { drawDeadline } from './sla/drawDeadline.js';
export type { DrawDeadlineOptions } from './sla/drawDeadline.js';
export type { TicketEvent, Timeline } from './sla/types.js';
export type { FieldValue, RuleMatch, TicketFields } from './sla/types.js';
export type {
  MeasureOptions,
  MeasureResult,
  PolicyRef,
  TargetMeasurement,
  SlaThreshold,
  SlaSpan,
} from './sla/types.js';
export type { Metric, StatusCategory } from './sla/types.js';
