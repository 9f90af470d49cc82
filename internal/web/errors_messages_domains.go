package web

import "github.com/qiangxian/qiangxian/internal/locale"

// The messages of malformed requests of the zone, chain, follow-up and
// monitoring-collection handlers.
func init() {
	locale.Register(map[string][2]string{
		"bad.place":           {"地区 %q 不是全省、市州或县区的代码", "place %q is not the province, a prefecture or a county"},
		"bad.grantedDay":      {"承诺日期（granted）%q 应为 YYYY-MM-DD", "granted %q is not YYYY-MM-DD"},
		"bad.problemZone":     {"由开发区预警提出的问题需要开发区代码", "a problem from a zone warning needs the zone"},
		"bad.noProject":       {"台账中没有项目 %q", "no project %q in the ledger"},
		"bad.problemZoneFull": {"由开发区预警提出的问题需要开发区、年度和预警类别", "a problem from a zone warning needs the zone, the year and the warning"},
		"bad.noZoneYear":      {"%d 年没有开发区考核结果", "no zone assessment of %d"},
		"bad.zoneNoWarning":   {"开发区 %s 没有预警 %q（%d 年）：请以手工方式提出（source manual）", "zone %s has no warning %q in %d: raise it by hand (source manual)"},
		"bad.projectOnTrack":  {"项目 %s 在 %s 既未滞后也未违约：请以手工方式提出（source manual）", "project %s is neither behind schedule nor short of its contract on %s: raise it by hand (source manual)"},
		"bad.yearNumber":      {"%d 不是有效的年份", "%d is not a valid year"},
		"bad.priceDate":       {"价格日期（price_date）%q 应为 YYYY-MM-DD", "price_date %q is not YYYY-MM-DD"},
		"bad.zoneMismatch":    {"请求内容中的开发区 %q 与路径中的 %q 不一致", "the body names zone %q, the path %q"},
		"bad.amountYi":        {"金额 %q 应为以亿元计的数字", "amount %q: want a number (in 100 million yuan)"},
		"bad.chainNode":       {"产业链节点 %q 应写作“产业链代码/节点代码”", "chain_node %q: want chain code/node code"},
		"bad.notXlsx":         {"文件 %q 不是 .xlsx 工作簿", "file %q is not an .xlsx workbook"},
		"bad.asof":            {"判定日（asof）%q 应为 YYYY-MM-DD", "asof %q is not YYYY-MM-DD"},
		"bad.unknownForm":     {"未知的表单 %q", "unknown form %q"},
	})
}
