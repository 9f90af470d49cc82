package store

import "github.com/qiangxian/qiangxian/internal/locale"

// The refusals of the zones area (refuse), in both languages.
func init() {
	locale.Register(map[string][2]string{
		"store.zone.changeKind":        {"变更类型 %q 无效", "change kind %q"},
		"store.zone.changeTo":          {"更名或合并需要另一个开发区，升级则不需要", "a rename or merger needs another zone, an upgrade none"},
		"store.zone.changes":           {"开发区变更记录相互矛盾：%v", "%v"},
		"store.zone.enterpriseName":    {"企业 %s 没有名称", "enterprise %s has no name"},
		"store.zone.enterpriseSubpark": {"企业 %s：%q 不是开发区 %s 的子园区", "enterprise %s: %q is not a sub-park of zone %s"},
		"store.zone.enterpriseTwice":   {"企业 %s 在开发区 %s 中出现两次", "enterprise %s appears twice in zone %s"},
		"store.zone.enterpriseUSCC":    {"企业 %q：统一社会信用代码 %q 无效", "enterprise %q: invalid unified social credit code %q"},
		"store.zone.enterpriseYear":    {"企业 %s 属于 %d 年，而不是 %d 年", "enterprise %s is of year %d, not %d"},
		"store.zone.enterpriseZone":    {"企业 %s：开发区 %q 不在本次替换的开发区之中", "enterprise %s: zone %q is not among the zones replaced"},
		"store.zone.field":             {"开发区 %s：%s", "zone %s: %s"},
		"store.zone.gradeEnterprise":   {"%s（开发区 %s）不是 %d 年的企业", "%s of zone %s is not an enterprise of %d"},
		"store.zone.gradeRank":         {"开发区 %s %d 年：组内名次 %v 无效", "zone %s %d: group rank %v"},
		"store.zone.gradeSource":       {"开发区 %s %d 年：来源 %q 无效", "zone %s %d: source %q"},
		"store.zone.landYear":          {"%s 的土地数据：年份 %q 无效", "land of %s: year %q"},
		"store.zone.landZone":          {"土地数据中的 %s 不是开发区", "land of %s: not a zone"},
		"store.zone.noEnterprise":      {"开发区 %[2]s 在 %[3]d 年没有企业 %[1]s", "enterprise %s of zone %s in %d"},
		"store.zone.noGrading":         {"没有 %d 年的亩均效益分类", "no grading of %d"},
		"store.zone.noMethod":          {"%d 年及以前没有开发区评价办法", "no zone method up to %d"},
		"store.zone.noTiers":           {"尚未上传分档文件", "no tiers file"},
		"store.zone.notFound":          {"开发区 %s 不存在", "zone %s"},
		"store.zone.notInRegistry":     {"%s 不是名录中的开发区", "%s is not a zone of the registry"},
		"store.zone.notZoneRun":        {"评价批次 %d 不是开发区评价批次", "run %d is not a zone run"},
		"store.zone.runPeriod":         {"开发区评价批次 %d：期间 %q 不是年份", "zone run %d: period %q is not a year"},
		"store.zone.runRank":           {"开发区 %s：组内名次 %v 无效", "zone %s: group rank %v"},
		"store.zone.runResults":        {"开发区评价批次需要各开发区的结果", "a zone run needs the zones' results"},
		"store.zone.runZone":           {"开发区 %q 为空或重复", "zone %q is empty or given twice"},
		"store.zone.site":              {"开发区 %s：%s", "zone %s: %s"},
		"store.zone.subparkField":      {"子园区 %s：%s", "sub-park %s: %s"},
		"store.zone.subparkHost":       {"子园区 %s：所在地 %s 不是市或县区", "sub-park %s: host %s is not a prefecture or county"},
		"store.zone.target":            {"%s %s %d 年的目标值 %v 无效", "target %s %s %d: %v"},
		"store.zone.year":              {"年份 %d 无效", "year %d"},
	})
}
