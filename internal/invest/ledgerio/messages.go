// Package ledgerio reads the investment ledger from tables (CSV files or
// workbook sheets, as internal/table and internal/xlsx give them) into the
// invest package's types, reporting every problem at its cell. It does no
// I/O of its own.
package ledgerio

import "github.com/qiangxian/qiangxian/internal/locale"

func init() {
	locale.Register(map[string][2]string{
		"invest.industry":  {"行业代码应为 GB/T 4754 代码（门类字母加 2–4 位数字，如 C3311），实际为 %q", "行业代码 must be a GB/T 4754 code (a section letter and 2 to 4 digits, e.g. C3311), found %q"},
		"invest.chainnode": {"产业链节点应写作“链代码/节点代码”，实际为 %q", "产业链节点 must be written chain code/node code, found %q"},
		"invest.noid":      {"项目编号为空", "the 项目编号 is empty"},
		"invest.dupid":     {"项目编号 %q 重复（第 %d 行已有）", "项目编号 %q appears twice (already on line %d)"},
		"invest.county":    {"所在地代码应为甘肃的 6 位行政区划代码（62 开头），实际为 %q", "所在地代码 must be a 6-digit Gansu division code (starting with 62), found %q"},
		"invest.loc":       {"应为 6 位行政区划代码或 2 位字母的境外代码，实际为 %q", "expected a 6-digit division code or a 2-letter code for 境外, found %q"},
		"invest.uscc":      {"投资方代码 %q 不是有效的统一社会信用代码（境内投资方须填 18 位代码，校验位须正确）", "投资方代码 %q is not a valid 统一社会信用代码 (a domestic investor needs the 18-character code with a correct check character)"},
		"invest.date":      {"日期应为 YYYY-MM-DD，实际为 %q", "the date must be YYYY-MM-DD, found %q"},
		"invest.month":     {"月份应为 YYYY-MM，实际为 %q", "the month must be YYYY-MM, found %q"},
		"invest.amount":    {"金额应为以亿元计的数值，实际为 %q", "the amount must be a number of 亿元, found %q"},
		"invest.noamount":  {"金额为空", "the amount is empty"},
		"invest.negative":  {"协议投资额不能为负数：%q", "协议投资额 cannot be negative: %q"},
		"invest.source":    {"资金来源应为 股东出资、企业自有、外地金融机构、本地金融机构、政府资金、专项债 之一，实际为 %q", "资金来源 must be one of 股东出资, 企业自有, 外地金融机构, 本地金融机构, 政府资金, 专项债; found %q"},
		"invest.unknownid": {"未知的项目编号 %q（项目表中没有）", "unknown 项目编号 %q (not in the projects table)"},
		"invest.increase":  {"增资对象 %q 不是项目表中的原项目", "增资对象 %q is not an original project of the projects table"},
		"invest.flag":      {"迁建应为 是/否、1/0 或 true/false，实际为 %q", "迁建 must be 是/否, 1/0 or true/false, found %q"},
		"invest.year":      {"年份应为 4 位数字，实际为 %q", "the year must have 4 digits, found %q"},
		"invest.target":    {"目标值应为非负数值（亿元），实际为 %q", "the target must be a non-negative number (亿元), found %q"},
		"invest.duptarget": {"单位 %s %d 年的目标重复（第 %d 行已有）", "the target of %s for %d appears twice (already on line %d)"},
		"invest.unit":      {"单位代码为空", "the unit code is empty"},
	})
}

// Column names of the projects table, as in the import template.
const (
	ColID            = "项目编号"
	ColName          = "项目名称"
	ColCounty        = "所在地代码"
	ColInvestor      = "投资方"
	ColInvestorCode  = "投资方代码"
	ColInvestorLoc   = "投资方所在地"
	ColSigned        = "签约日期"
	ColEvent         = "签约活动"
	ColAmount        = "协议投资额"
	ColContractStart = "合同开工日期"
	ColActualStart   = "实际开工日期"
	ColContractProd  = "合同投产日期"
	ColActualProd    = "实际投产日期"
	ColTerminated    = "终止日期"
	ColIncreaseOf    = "增资对象"
	ColZone          = "所在园区代码"
	ColRelocation    = "迁建"
	ColIndustry      = "行业代码"  // optional: GB/T 4754 code of the project's industry
	ColChainNode     = "产业链节点" // optional: chain code/node code, when the industry does not decide
)

// Column names of the funds table.
const (
	ColMonth    = "月份"
	ColFunds    = "金额"
	ColSource   = "资金来源"
	ColEvidence = "凭证"
	ColPayerLoc = "出资方所在地"
)

// ProjectColumns are the required columns of the projects table, in the
// template's order; ColZone, ColRelocation, ColIndustry and ColChainNode
// are optional.
var ProjectColumns = []string{ColID, ColName, ColCounty, ColInvestor, ColInvestorCode, ColInvestorLoc, ColSigned,
	ColEvent, ColAmount, ColContractStart, ColActualStart, ColContractProd, ColActualProd, ColTerminated, ColIncreaseOf}

// FundsColumns are the required columns of the funds table; ColPayerLoc is
// optional.
var FundsColumns = []string{ColID, ColMonth, ColFunds, ColSource, ColEvidence}
