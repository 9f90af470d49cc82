// Package ledger generates the demo investment-attraction ledger (示例数据):
// projects and funds in place across Gansu's 86 counties, deterministic,
// whose province-level metrics under the counting rules of internal/invest
// reproduce the published provincial figures — projects signed and funds in
// place of 2020 and 2023, and the 第十九届兰洽会 cohort tracked to August
// 2015 (Targets). Investors, names and codes are invented; only the county
// codes and the totals are real.
//
// The files examples/gansu/invest/projects.csv and funds.csv are this
// package's output (go test ./internal/demo/ledger -run TestShipped -update
// rewrites them); the server's demo seeds the same ledger.
package ledger
