package store

import "github.com/qiangxian/qiangxian/internal/locale"

// The refusals of the chain area (refuse), in both languages.
func init() {
	locale.Register(map[string][2]string{
		"store.chain.code":              {"产业链代码 %q 不能为空，也不能含有“/”、“,”或空格", "the chain's code %q must be non-empty, without '/', ',' or spaces"},
		"store.chain.excellent":         {"%[3]d 年优秀%[1]s %[2]s 无法保存：%[4]v", "excellent %s %s of %d: %v"},
		"store.chain.key":               {"重点清单条目 %q：类型 %q 未知或没有名称", "key %q: unknown kind %q or no name"},
		"store.chain.lead":              {"%[1]s %[2]s 无法保存：%[3]v", "%s %s: %v"},
		"store.chain.leadFields":        {"%[1]s %[2]q 需要代码、名称和认定年份", "%s %q: needs a code, a name and the year it was named"},
		"store.chain.member":            {"%[1]s成员 %[2]s 无法保存：%[3]v", "%s member %s: %v"},
		"store.chain.noName":            {"产业链没有名称", "the chain has no name"},
		"store.chain.nodeInUse":         {"节点 %s 已有目标企业，不能删除", "node %s has target enterprises and cannot be removed"},
		"store.chain.notFound":          {"产业链 %v 不存在", "chain %v"},
		"store.chain.place":             {"地区 %s 无法保存：%v", "place %s: %v"},
		"store.chain.problems":          {"产业链信息有误：%v", "%v"},
		"store.chain.supply":            {"%[2]s 在 %[3]s %[4]d 年的%[1]s无法保存：%[5]v", "%s %s %s %d: %v"},
		"store.chain.supplyRatio":       {"节点 %[2]q 在 %[3]q 的%[1]s：节点须存在，比率须在 [0, 1] 之间", "%s of node %q in %q: the node must exist and the ratio be in [0, 1]"},
		"store.chain.task":              {"%[2]d 年的任务 %[1]q 需要标题、年份和状态（%[3]s、%[4]s或%[5]s）", "task %q of %d: needs a title, a year and a status %s, %s or %s"},
		"store.sizeList.entry":          {"名单第 %d 条 %s 无法保存：%v", "entry %d %s: %v"},
		"store.sizeList.name":           {"名单 %q（%d 年）无效，应为以下之一：%s", "list %q of %d (one of %s)"},
		"store.target.county":           {"县区代码 %q 不是本省的行政区划代码", "the county %q is no division code of the province"},
		"store.target.identified":       {"目标企业需要填写识别日期", "a target needs the day it was identified"},
		"store.target.move":             {"目标企业的状态不能这样变更：%v", "%v"},
		"store.target.moveDay":          {"状态变更需要填写日期", "a move needs its day"},
		"store.target.name":             {"目标企业需要填写名称", "a target needs its name"},
		"store.target.noProject":        {"项目台账中没有项目 %s", "the ledger has no project %s"},
		"store.target.node":             {"产业链 %d 没有节点 %q", "chain %d has no node %q"},
		"store.target.noneBecame":       {"没有目标企业转为项目 %s", "no target became project %s"},
		"store.target.notFound":         {"目标企业 %d 不存在", "target %d"},
		"store.target.projectElsewhere": {"项目 %[1]s 不在 %[4]s 的 %[2]s/%[3]s 上", "project %s is not on %s/%s in %s"},
		"store.target.projectExists":    {"项目台账中已有项目 %s", "the ledger has a project %s already"},
		"store.target.signed":           {"已签约的目标企业需要填写项目的%s和名称", "a signed target needs its project's %s and name"},
		"store.target.uscc":             {"%[1]q 不是有效的%[2]s", "%q is not a valid %s"},
	})
}
