package notice

import (
	"cmp"
	"time"

	"github.com/qiangxian/qiangxian/internal/method"
)

// Settings are the words of a notice that are not computed: who issues it,
// to whom, on what basis and approval, the reward and 工作要求 texts, the
// 附注 and the 版记. The method's [notice] table gives the defaults; the
// office may override them per method and per run until the run is
// published (the store keeps both as JSON of this struct).
type Settings struct {
	Issuer     string            `json:"issuer,omitempty"`     // 发文机关: 甘肃省人民政府办公厅
	Addressees string            `json:"addressees,omitempty"` // 主送: 各市（州）人民政府，省政府各部门：
	Approval   string            `json:"approval,omitempty"`   // the approval phrase when no approval record says it: 经省政府同意
	Basis      string            `json:"basis,omitempty"`      // the method's document: 《…考核办法（试行）》（甘政办发〔2021〕41号）
	Subject    string            `json:"subject,omitempty"`    // what is evaluated: 县域经济发展综合评价
	Rewards    map[string]string `json:"rewards,omitempty"`    // award name → the reward sentence
	Demands    string            `json:"demands,omitempty"`    // 工作要求 paragraph
	Note       string            `json:"note,omitempty"`       // 附注: （此件公开发布）
	CC         string            `json:"cc,omitempty"`         // 抄送
	Printer    string            `json:"printer,omitempty"`    // 印发机关
	VetoOmit   bool              `json:"veto_omit,omitempty"`  // leave vetoed units out of the notice
	Watermark  string            `json:"watermark,omitempty"`  // 示例 for demonstration documents
	Summary    []Phrase          `json:"summary,omitempty"`    // the 总体情况 phrases
	// The 公示 notice: the window in working days and where objections go.
	WindowDays int    `json:"window_days,omitempty"`
	Phone      string `json:"phone,omitempty"`
	Address    string `json:"address,omitempty"`
}

// Phrase is one phrase of the 总体情况 paragraph: a statistic of an
// indicator over the evaluated units, written into Text where %s stands.
// Stat is sum, mean, max, min or count_above (units above Above); Decimals
// is how the figure is written.
type Phrase struct {
	Indicator string  `json:"indicator"`
	Stat      string  `json:"stat"`
	Above     float64 `json:"above,omitempty"`
	Decimals  int     `json:"decimals,omitempty"`
	Text      string  `json:"text"` // 全省县域地区生产总值合计%s亿元
}

// The statistics a Phrase may take.
const (
	StatSum        = "sum"
	StatMean       = "mean"
	StatMax        = "max"
	StatMin        = "min"
	StatCountAbove = "count_above"
)

// Override returns s with every field that o sets replacing s's: the
// layering method file < method settings < run settings.
func (s Settings) Override(o Settings) Settings {
	s.Issuer = cmp.Or(o.Issuer, s.Issuer)
	s.Addressees = cmp.Or(o.Addressees, s.Addressees)
	s.Approval = cmp.Or(o.Approval, s.Approval)
	s.Basis = cmp.Or(o.Basis, s.Basis)
	s.Subject = cmp.Or(o.Subject, s.Subject)
	if len(o.Rewards) > 0 {
		r := map[string]string{}
		for k, v := range s.Rewards {
			r[k] = v
		}
		for k, v := range o.Rewards {
			r[k] = v
		}
		s.Rewards = r
	}
	s.Demands = cmp.Or(o.Demands, s.Demands)
	s.Note = cmp.Or(o.Note, s.Note)
	s.CC = cmp.Or(o.CC, s.CC)
	s.Printer = cmp.Or(o.Printer, s.Printer)
	s.VetoOmit = s.VetoOmit || o.VetoOmit
	s.Watermark = cmp.Or(o.Watermark, s.Watermark)
	if len(o.Summary) > 0 {
		s.Summary = o.Summary
	}
	s.WindowDays = cmp.Or(o.WindowDays, s.WindowDays)
	s.Phone = cmp.Or(o.Phone, s.Phone)
	s.Address = cmp.Or(o.Address, s.Address)
	return s
}

// Approval is the approval record of a run (from the lifecycle's approval
// step): the meeting and minute that approved it and who did.
type Approval struct {
	Meeting  string    // 省政府第×次常务会议
	MinuteNo string    // 会议纪要 number
	Date     time.Time // day of approval
	Approver string    // 省政府
}

// Phrase is the approval as the notice says it: 经省政府同意.
func (a Approval) Phrase() string {
	if a.Approver == "" {
		return ""
	}
	return "经" + a.Approver + "同意"
}

// Correction is what a re-run changed in the published award lists: the
// notice of a re-run says it in a 更正 paragraph.
type Correction struct {
	Replaces string // the 文号 of the notice corrected, "" when it had none
	Changes  []AwardChange
}

// AwardChange is one unit's award gained or lost by a re-run.
type AwardChange struct {
	Unit  string // its name as the notice writes it
	Award string // 先进县（工业主导型）
	Added bool   // gained (true) or withdrawn (false)
}

// Registration is the 文号 and 成文日期 registered after the notice was
// signed (登记回填); zero when not yet registered.
type Registration struct {
	DocNumber string
	Signed    time.Time
}

// FromMethod is the settings the method's [notice] table gives: the first
// layer, under the office's method and run settings.
func FromMethod(m *method.Method) Settings {
	n := m.Notice
	if n == nil {
		return Settings{}
	}
	s := Settings{Issuer: n.Issuer, Addressees: n.Addressees, Approval: n.Approval, Basis: n.Basis, Subject: n.Subject,
		Rewards: n.Rewards, Demands: n.Demands, Note: n.Note, CC: n.CC, Printer: n.Printer, VetoOmit: n.VetoOmit,
		WindowDays: n.WindowDays, Phone: n.Phone, Address: n.Address}
	for _, p := range n.Summary {
		s.Summary = append(s.Summary, Phrase{Indicator: p.Indicator, Stat: p.Stat, Above: p.Above, Decimals: p.Decimals, Text: p.Text})
	}
	return s
}
