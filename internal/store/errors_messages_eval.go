package store

import "github.com/qiangxian/qiangxian/internal/locale"

// The refusals of the eval area (refuse), in both languages.
func init() {
	locale.Register(map[string][2]string{
		"store.calendar.notFound":    {"日历中没有 %s", "%s is not in the calendar"},
		"store.check.rule":           {"核查规则有误：%v", "%v"},
		"store.check.ruleIndicator":  {"核查规则 %q 引用的指标 %s 不存在", "rule %q names indicator %s"},
		"store.collection.indicator": {"指标 %s 不存在", "indicator %s"},
		"store.event.notFound":       {"事项 %s 不存在", "event %s"},
		"store.geo.features":         {"边界图数据有误：%d 个要素，%d 字节", "%d features in %d bytes"},
		"store.indicator.direction":  {"指标 %s：方向 %d 不是 1 或 -1", "indicator %s: direction %d is not 1 or -1"},
		"store.indicator.fields":     {"指标 %q 需要不含空格的代码和中文名称", "indicator %q needs a code without spaces and a Chinese name"},
		"store.method.notFound":      {"评价办法 %d 不存在", "method %d"},
		"store.notice.moved":         {"评价批次 %[2]d 的%[1]s已于 %[3]s 开始，至 %[4]s 结束：只能延长，不能移动或缩短", "the %s of run %d opened on %s and runs until %s: it may be lengthened, not moved or cut short"},
		"store.notice.settings":      {"公示设置有误：%v", "notice settings: %v"},
		"store.objection.decision":   {"处理决定无效：%v", "%v"},
		"store.obs.infinite":         {"数值为无穷大", "infinite value"},
		"store.obs.nothing":          {"没有要导入的数据", "nothing to import"},
		"store.obs.period":           {"期间 %s 无效", "bad period %s"},
		"store.obs.problems":         {"导入的数据有误：%v", "%v"},
		"store.obs.row":              {"第 %d 行：%v", "row %d: %v"},
		"store.obs.status":           {"状态 %q 无效，或未选中数据（%d 个）", "status %q for %d figures"},
		"store.obs.twice":            {"%s × %s × %s 重复", "%s × %s × %s given twice"},
		"store.obs.unknownIndicator": {"未知的指标 %s", "unknown indicator %s"},
		"store.obs.unknownStatus":    {"未知的状态 %s", "unknown status %s"},
		"store.obs.unknownUnit":      {"未知的单位 %s", "unknown unit %s"},
		"store.owed.fields":          {"第 %d 项待补报数据：需要单位和指标", "owed figure %d: unit and indicator are required"},
		"store.period":               {"期间 %q 无效：应为年份（如 2022）、月份（如 2023-M03）或季度（如 2023-Q1）", "period %q: want a year like 2022, 2023-M03 or 2023-Q1"},
		"store.result.award":         {"第 %d 个结果：奖项代码 %q 无效", "result %d: award code %q"},
		"store.result.infinite":      {"第 %d 个结果（%s，%s）：数值为无穷大", "result %d (%s, %s): infinite number"},
		"store.revision.kind":        {"修订需要类型", "a revision needs a kind"},
		"store.run.approvalRecord":   {"批准评价批次需要先填写批准记录", "an approval needs its record (Approve)"},
		"store.run.notFound":         {"评价批次 %d 不存在", "run %d"},
		"store.run.params":           {"评价参数不是一个 JSON 对象", "run parameters are not one JSON object"},
		"store.run.published":        {"评价批次 %d 已发布，不可更改", "run %d is published"},
		"store.targets.none":         {"没有目标值", "no targets"},
		"store.targets.row":          {"第 %d 个目标值（%s × %s × %s）重复或为无穷大", "target %d (%s × %s × %s) repeated or infinite"},
	})
}
