package invest

import "slices"

// Project is one row of the ledger: a project from lead to production, or a
// capital increase (增资) on one, which is its own row pointing to the
// original project (IncreaseOf) and whose Amount is the added amount.
type Project struct {
	ID             string // 项目编号: the online approval platform's code where known
	Name           string // 项目名称
	County         string // 所在地代码: the 6-digit division code of the county (or county-level place)
	Zone           string // 所在园区代码: the development zone or sub-park, "" when none
	Investor       string // 投资方
	InvestorCode   string // 投资方代码: 统一社会信用代码 or a foreign registration
	InvestorLoc    string // 投资方所在地: 6-digit division code, or 2 letters for 境外; "" unknown
	Signed         Day    // 签约日期 of the first formal contract; 0 for a lead
	Event          string // 签约活动: the cohort, e.g. 第二十九届兰洽会
	Amount         Amount // 协议投资额 (亿元): the whole contract, or the amount added by an increase
	ContractStart  Day    // 合同开工日期
	ActualStart    Day    // 实际开工日期
	ContractProd   Day    // 合同投产日期
	ActualProd     Day    // 实际投产日期
	Terminated     Day    // 终止日期
	IncreaseOf     string
	Relocation     bool // 迁建: a relocation within the prefecture, not 招商引资
	Stage          Stage
	TerminationWhy string
	Industry       string // 行业代码: GB/T 4754 (C3311), "" unknown
	ChainNode      string // 产业链节点: chain code "/" node code, when set by hand
}

// IsIncrease reports whether p is a capital increase.
func (p *Project) IsIncrease() bool { return p.IncreaseOf != "" }

// Source is where funds in place come from (资金来源).
type Source uint8

// The six sources; the first three count as funds in place.
const (
	SourceShareholder Source = iota + 1 // 股东出资
	SourceOwn                           // 企业自有
	SourceOutsideBank                   // 外地金融机构
	SourceLocalBank                     // 本地金融机构
	SourceGovernment                    // 政府资金
	SourceSpecialBond                   // 专项债
)

// SourceNames are the sources' names as written in the ledger, by Source.
var SourceNames = []string{"", "股东出资", "企业自有", "外地金融机构", "本地金融机构", "政府资金", "专项债"}

// ParseSource returns the source named s exactly, or false.
func ParseSource(s string) (Source, bool) {
	i := slices.Index(SourceNames, s)
	if i <= 0 {
		return 0, false
	}
	return Source(i), true
}

func (s Source) String() string {
	if int(s) < len(SourceNames) {
		return SourceNames[s]
	}
	return ""
}

// Counts reports whether funds from s count as funds in place (rule 3):
// shareholders' capital, the company's own funds, loans from banks outside.
func (s Source) Counts() bool {
	return s == SourceShareholder || s == SourceOwn || s == SourceOutsideBank
}

// Funds is one row of funds in place: an amount received by a project in a
// month, its source, whether it carries evidence (凭证), and who paid when
// not the project's investor.
type Funds struct {
	Project  int // index into the ledger's projects
	Month    Month
	Amount   Amount
	Source   Source
	Evidence bool
	PayerLoc string // 出资方所在地; "" means the project's 投资方所在地
}

// Counted reports whether f counts as funds in place by its source and
// evidence (rule 3).
func (f *Funds) Counted() bool { return f.Evidence && f.Source.Counts() }

// Ledger is the projects and their funds rows.
type Ledger struct {
	Projects []Project
	Funds    []Funds
}
