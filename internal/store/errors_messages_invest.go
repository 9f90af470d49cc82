package store

import "github.com/qiangxian/qiangxian/internal/locale"

// The refusals of the investment ledger (refuse), in both languages. The
// English texts are the store's own, so that Error() reads as before;
// Chinese terms in them come as arguments.
func init() {
	locale.Register(map[string][2]string{
		"store.invest.noProjects":   {"导入的项目表没有项目", "no projects"},
		"store.invest.projectID":    {"第 %[1]d 个项目需要唯一的%[2]s和所在地", "project %d needs a unique %s and a place"},
		"store.invest.increaseOf":   {"增资项目 %[1]s 所指的 %[2]s 不是原始项目", "increase %s names %s, which is not an original project"},
		"store.invest.noFunds":      {"导入的到位资金表没有记录", "no funds rows"},
		"store.invest.fundsRow":     {"第 %d 条到位资金记录需要月份和资金来源", "funds row %d needs a month and a source"},
		"store.invest.revision":     {"台账没有第 %d 版", "revision %d"},
		"store.invest.fundsUnknown": {"到位资金所属的项目 %s 不在台账中", "funds of %s, which is not in the ledger"},
		"store.invest.report":       {"报表无法办理：%v", "%v"},
		"store.invest.noTask":       {"%v 没有报送任务", "no reporting task for %v"},
		"store.invest.settle":       {"重复项目无法认定：%v", "%v"},
		"store.invest.notCurrent":   {"项目 %s 不在当前台账中", "project %s is not in the current ledger"},
		"store.invest.project":      {"项目 %s 不存在", "project %s"},
		"store.invest.stage":        {"项目阶段不能这样变更：%v", "%v"},
	})
}
