package store

import "github.com/qiangxian/qiangxian/internal/locale"

// The refusals of the followup area (refuse), in both languages.
func init() {
	locale.Register(map[string][2]string{
		"store.followup.default":   {"违约处理需要处理方式（%v）、日期和不小于 0 的金额", "a default action needs an action (%v), a day and an amount ≥ 0"},
		"store.followup.incentive": {"奖励需要类型（%v）、内容和不小于 0 的金额", "an incentive needs a kind (%v), its content and an amount ≥ 0"},
		"store.followup.leader":    {"%[1]s：%[2]s领导和牵头部门须同时填写", "%s: a %s leader needs the leading department, and the other way round"},
		"store.followup.negative":  {"%d %s：数值应不小于 0", "%d %s: figures must be ≥ 0"},
		"store.followup.noProject": {"项目台账中没有项目 %s", "no project %s in the ledger"},
		"store.followup.notSigned": {"项目 %s 尚未签约，无需跟踪", "project %s is not signed: nothing to follow up"},
		"store.followup.terms":     {"约定条款的数值应为不小于 0 的数", "terms must be numbers ≥ 0"},
		"store.followup.year":      {"需要 1990–2100 年之间的年份和类别（commit 或 actual），实际为 %d %q", "a year 1990–2100 and a side commit|actual, found %d %q"},
	})
}
