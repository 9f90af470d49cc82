// Package followup holds the rules of contract follow-up (履约监管) and
// scheduling (调度) of the investment ledger: a signed project's
// commitments — investment, tax, output, jobs by year, its 标准地 terms
// (investment and tax per 亩, energy per unit of output) and its start and
// production deadlines — judged against actuals as 正常, 预警 or 违约; the
// incentives promised to an investor flagged where the 《公平竞争审查条例》
// (in force 2024-08-01) forbids them; projects behind schedule; the typed
// link that ties a problem of the one 督办 loop to what raised it; and the
// overdue problems per responsible department.
//
// The package is pure: structs in, findings out. The store keeps the
// records and the pages show what these rules say.
package followup
