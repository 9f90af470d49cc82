// Package invest is the investment-attraction ledger (招商引资台账) and its
// metrics: projects from lead to production with their capital increases,
// funds in place by month with their source and evidence, and the counting
// rules (口径) that turn them into the figures a province publishes —
// projects signed, amounts signed, funds in place (with the part from outside
// the province and from abroad), year-on-year growth, cohort rates (到位率,
// 开工率, 建成率, 按期履约率) and overdue projects, for a province, its
// prefectures, counties and zones.
//
// The package is pure: slices and structs in, rows out; the command line
// reads the ledger from tables and the store keeps it, and both compute
// through Compute and Fold here, so that the CLI and the server agree.
package invest
