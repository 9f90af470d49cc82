package store

import "github.com/qiangxian/qiangxian/internal/locale"

// The refusals of the monitor area (refuse), in both languages.
func init() {
	locale.Register(map[string][2]string{
		"store.monitor.figure":           {"第 %d 个数据（%s %s %s）：需要单位、指标、月份和有限的数值，且不得重复", "figure %d (%s %s %s): unit, indicator, month, finite numbers, once"},
		"store.monitor.indicator":        {"指标 %q：需要代码、频率（monthly 或 quarterly）和方向（±1）", "indicator %q: a code, frequency monthly|quarterly and direction ±1 are required"},
		"store.monitor.noneYet":          {"%s 尚未收集任何数据", "nothing collected for %s yet"},
		"store.monitor.notCollected":     {"%[2]s 不收集监测指标 %[1]v", "no monitoring indicator %v is collected for %s"},
		"store.monitor.nothingCollected": {"%s 没有需要收集的监测指标（1 月数据随 2 月一并报送）", "no monitoring indicator is collected for %s (January comes with February)"},
		"store.monitor.problemLink":      {"问题的来源关联不完整：%s", "%s"},
		"store.monitor.release":          {"发布日程 %d-%02d：需要 1–12 的月份和发布日期", "release %d-%02d: a month 1–12 and a day are required"},
		"store.monitor.shortfall":        {"分解目标之和小于总目标：%s", "%s"},
		"store.monitor.stage":            {"阶段 %q 无效：应为初步（preliminary）或最终（final）", "stage %q: preliminary or final"},
		"store.monitor.target":           {"第 %d 个目标（%s %s %d）：需要类型（absolute 或 growth）、有限的数值和年份", "target %d (%s %s %d): kind absolute|growth, a finite value and a year are required"},
		"store.monitor.targetReason":     {"修改 %[2]s %[3]s 的 %[1]d 年目标需要说明理由", "revising the %d target of %s for %s needs a reason"},
	})
}
