package store

import "github.com/qiangxian/qiangxian/internal/locale"

// The refusals of the units area (refuse), in both languages.
func init() {
	locale.Register(map[string][2]string{
		"store.unit.attribute":      {"属性需要名称，起始年份不得晚于终止年份", "attribute needs a name and years with from ≤ to"},
		"store.unit.changeDay":      {"变更需要填写生效日期", "a change needs its effective date"},
		"store.unit.code":           {"单位代码 %q 无效", "unit code %q"},
		"store.unit.codeCycle":      {"从 %s 开始的代码变更形成循环", "the code changes from %s form a cycle"},
		"store.unit.declaration":    {"申报需要名称、年份和取值", "a declaration needs a name, a year and values"},
		"store.unit.declared":       {"%[1]s 已申报自 %[4]d 年起的%[2]s为 %[3]q", "%s already declared %s %q from %d"},
		"store.unit.division":       {"行政区划代码 %q 不是 6 位数字", "division code %q is not 6 digits"},
		"store.unit.hostOnlyZones":  {"只有开发区才有所在地", "only zones have a host"},
		"store.unit.kind":           {"未知的单位类型 %q", "unknown unit kind %q"},
		"store.unit.missing":        {"单位 %s 不存在", "unit %s does not exist"},
		"store.unit.needs":          {"%s需要填写%s", "a %s needs a %s"},
		"store.unit.noAttribute":    {"没有编号为 %d、在 %d 年及以前开始的属性", "attribute %d starting by %d"},
		"store.unit.noName":         {"单位名称不能为空", "empty name"},
		"store.unit.provinceParent": {"省没有上级单位", "a province has no parent"},
		"store.unit.subparkHost":    {"子园区填写所属开发区，而不是所在地", "a sub-park has a parent zone, not a host"},
		"store.unit.tooDeep":        {"单位层级过深", "unit hierarchy too deep"},
		"store.unit.wrongKind":      {"%[3]s的%[1]s %[2]s 是%[4]s，不符合要求", "the %s %s of a %s is a %s"},
		"store.unit.zoneParent":     {"开发区填写所在地，而不是上级单位", "a zone has a host, not a parent"},
	})
}
