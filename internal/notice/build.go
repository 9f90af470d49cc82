package notice

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/report"
	"github.com/qiangxian/qiangxian/internal/store"
)

// Input is what a notice is built from: the run with its method, units,
// declared types and result rows of the method's top node, the notice
// settings already layered (method < method settings < run settings), and
// the records of approval, registration and correction.
type Input struct {
	Run          store.Run
	Method       *method.Method
	Units        map[string]store.Unit
	Types        map[string][]string
	Results      []store.Result // rows of the top node: overall and per type
	Lifecycle    store.Lifecycle
	Settings     Settings
	Approval     *Approval
	Registration Registration
	Correction   *Correction
	// Values are the run's figures for the 总体情况: indicator → unit →
	// value of the run's period.
	Values map[string]map[string]float64
	// Vetoes give the reason of each vetoed unit (unit → reason).
	Vetoes map[string]string
	// Today is the 成文日期 of a draft whose date is not registered.
	Today time.Time
}

// DefaultSubject is what is evaluated when the settings do not say.
const DefaultSubject = "县域经济发展综合评价"

// DocNumberDraft stands where the 文号 is not registered yet.
const DocNumberDraft = "〔    〕  号"

// Build builds the notice (通报) of in.Run.
func Build(in Input) (*Doc, error) {
	rn, err := report.BuildNotice(report.NoticeInput{Run: in.Run, Method: in.Method, Units: in.Units, Types: in.Types,
		Results: in.Results, Lifecycle: in.Lifecycle, Date: in.Today})
	if err != nil {
		return nil, fmt.Errorf("notice: %w", err)
	}
	s, m := in.Settings, in.Method
	issuer := cmp.Or(s.Issuer, report.DefaultIssuer)
	subject := cmp.Or(s.Subject, DefaultSubject)
	period := report.PeriodText(in.Run.Period)
	date := in.Registration.Signed
	if date.IsZero() {
		date = in.Today
	}
	d := &Doc{Masthead: issuer + "文件", Title: issuer + "关于" + period + subject + "结果的通报",
		DocNumber: cmp.Or(in.Registration.DocNumber, in.Lifecycle.DocNumber, DocNumberDraft),
		Addressee: cmp.Or(s.Addressees, "各市（州）人民政府，省直有关部门："), Signer: issuer,
		Date: report.DateText(date), Note: s.Note, CC: s.CC, Printer: s.Printer, PrintDate: report.DateText(date),
		Watermark: s.Watermark, Subject: period + subject}
	if d.Watermark == "" && (m.Sample || strings.Contains(in.Run.Note, method.SampleMark)) {
		d.Watermark = "示例"
	}
	overall := overallRows(in.Results, m.Root())
	add := func(k Kind, text string) { d.Body = append(d.Body, Para{Kind: k, Text: text}) }
	add(Body, intro(in, len(overall), period, subject))
	h := 0
	heading := func(t string) { add(Heading1, report.Ordinal(h)+"、"+t); h++ }
	if sum := summary(s.Summary, in.Values, overall); sum != "" {
		heading("总体情况")
		add(Body, period+"，"+sum+"。")
	}
	heading("评价结果")
	for i, sec := range rn.Awards {
		a := m.Awards[i]
		total, tied := 0, false
		for _, g := range sec.Groups {
			total += len(g.Codes)
			tied = tied || len(g.Codes) > a.Count
		}
		head := "（" + report.Ordinal(i) + "）" + a.Name + "（" + strconv.Itoa(total) + "个"
		if tied {
			head += "，含末位并列"
		}
		add(Heading2, head+"）")
		for _, g := range sec.Groups {
			names := cmp.Or(strings.Join(g.Names, "、"), "空缺")
			if g.Label == "" {
				d.Body = append(d.Body, Para{Kind: Body, Text: names, List: true})
			} else {
				d.Body = append(d.Body, Para{Kind: Labelled, Label: g.Label + "：", Text: names, List: true})
			}
		}
		if a.Kind == method.AwardRise {
			if m.RiseBaseline == method.BaselineRescored {
				add(Body, a.Name+"的名次上升按上年数据以本办法同口径重算的名次计算。")
			} else {
				add(Body, a.Name+"的名次上升按上年公布的综合名次计算。")
			}
		}
	}
	if v := vetoText(in, overall); v != "" && !s.VetoOmit {
		add(Body, v)
	}
	if r := rewardText(m, s); r != "" {
		heading("奖励措施")
		add(Body, r)
	}
	if s.Demands != "" {
		heading("工作要求")
		add(Body, s.Demands)
	}
	if c := correctionText(in.Correction); c != "" {
		add(Body, c)
	}
	if in.Run.Visibility == auth.VisFull {
		d.Annexes = annexes(in, overall, period, subject)
		for i := range d.Annexes {
			d.AnnexNote = append(d.AnnexNote, d.Annexes[i].Title)
			d.Annexes[i].Label = "附件"
			if len(d.Annexes) > 1 {
				d.Annexes[i].Label += strconv.Itoa(i + 1)
			}
		}
	}
	return d, nil
}

// intro is the opening paragraph: the basis, what was evaluated, the 公示,
// the approval, and the formula that announces the results.
func intro(in Input, n int, period, subject string) string {
	var b strings.Builder
	b.WriteString("根据")
	basis := in.Settings.Basis
	if basis == "" {
		basis = "《" + cmp.Or(in.Method.Title, subject+"办法") + "》"
	}
	b.WriteString(basis + "，对全省" + strconv.Itoa(n) + "个县（市、区）" + period + strings.TrimSuffix(subject, "综合评价") + "情况进行了综合评价")
	if l := in.Lifecycle; l.HasWindow() {
		b.WriteString("，评价结果于" + report.DateText(l.NoticeStart) + "至" + report.DateText(l.NoticeEnd) + "进行了公示")
	}
	b.WriteString("。")
	phrase := in.Settings.Approval
	if in.Approval != nil && in.Approval.Phrase() != "" {
		phrase = in.Approval.Phrase()
	}
	if phrase != "" {
		b.WriteString(phrase + "，")
	}
	b.WriteString("现将评价结果通报如下。")
	return b.String()
}

// overallRows are the units' overall rows (no group) of node root, best
// first.
func overallRows(rows []store.Result, root string) []store.Result {
	var out []store.Result
	for _, r := range rows {
		if r.Node == root && r.Group == "" && r.Unit != "" {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b store.Result) int {
		return cmp.Or(report.CmpRank(a.Rank, b.Rank), cmp.Compare(a.Unit, b.Unit))
	})
	return out
}

// summary writes the 总体情况 phrases with their figures over the
// evaluated units; a phrase whose indicator has no figures is left out.
func summary(ps []Phrase, values map[string]map[string]float64, overall []store.Result) string {
	var parts []string
	for _, p := range ps {
		v, ok := Statistic(p, values[p.Indicator], overall)
		if !ok {
			continue
		}
		parts = append(parts, strings.Replace(p.Text, "%s", strconv.FormatFloat(v, 'f', p.Decimals, 64), 1))
	}
	return strings.Join(parts, "，")
}

// Statistic computes p's statistic of the values of the units in rows;
// false when none of them has a value.
func Statistic(p Phrase, values map[string]float64, rows []store.Result) (float64, bool) {
	var xs []float64
	for _, r := range rows {
		if v, ok := values[r.Unit]; ok && !math.IsNaN(v) {
			xs = append(xs, v)
		}
	}
	if len(xs) == 0 {
		return 0, false
	}
	switch p.Stat {
	case StatSum, StatMean:
		s := 0.0
		for _, x := range xs {
			s += x
		}
		if p.Stat == StatMean {
			s /= float64(len(xs))
		}
		return s, true
	case StatMax:
		return slices.Max(xs), true
	case StatMin:
		return slices.Min(xs), true
	case StatCountAbove:
		n := 0
		for _, x := range xs {
			if x > p.Above {
				n++
			}
		}
		return float64(n), true
	}
	return 0, false
}

// vetoText names the vetoed units with their reasons, one sentence per
// reason.
func vetoText(in Input, overall []store.Result) string {
	byReason := map[string][]string{}
	var reasons []string
	for _, r := range overall {
		if !r.Vetoed {
			continue
		}
		why := cmp.Or(in.Vetoes[r.Unit], "约束性指标未达到要求")
		if _, ok := byReason[why]; !ok {
			reasons = append(reasons, why)
		}
		byReason[why] = append(byReason[why], unitName(in.Units, r.Unit))
	}
	var b strings.Builder
	for _, why := range reasons {
		b.WriteString(strings.Join(byReason[why], "、") + "因" + why + "，实行一票否决，不参加本年度评奖。")
	}
	return b.String()
}

// rewardText is the reward measures: the settings' sentence of each award,
// else what the method says (授牌, the amount per winner).
func rewardText(m *method.Method, s Settings) string {
	var parts, names []string
	for _, a := range m.Awards {
		names = append(names, a.Name)
		if t := s.Rewards[a.Name]; t != "" {
			parts = append(parts, strings.TrimSuffix(t, "。"))
			continue
		}
		var r []string
		if a.Reward != "" {
			r = append(r, a.Reward)
		}
		if !math.IsNaN(a.Amount) && a.Amount > 0 {
			r = append(r, "每个奖励"+strconv.FormatFloat(a.Amount, 'f', -1, 64)+"万元")
		}
		if len(r) > 0 {
			parts = append(parts, "对"+a.Name+strings.Join(r, "，"))
		}
	}
	if len(names) == 0 {
		return ""
	}
	out := "对获评" + strings.Join(names, "、") + "的县（市、区）予以通报表扬"
	if len(parts) > 0 {
		out += "；" + strings.Join(parts, "；")
	}
	return out + "。"
}

// correctionText is the 更正 paragraph of a re-run's notice.
func correctionText(c *Correction) string {
	if c == nil || len(c.Changes) == 0 {
		return ""
	}
	var parts []string
	for _, ch := range c.Changes {
		if ch.Added {
			parts = append(parts, ch.Unit+"增列为"+ch.Award)
		} else {
			parts = append(parts, ch.Unit+"不再列为"+ch.Award)
		}
	}
	of := "原通报"
	if c.Replaces != "" {
		of = "《" + c.Replaces + "》"
	}
	return "经复核，对" + of + "的评价结果作如下更正：" + strings.Join(parts, "；") + "。原通报与本通报不一致的，以本通报为准。"
}

// FullWidth writes the ASCII brackets and commas of stored award names
// (先进县(工业主导型)) as the full-width ones of Chinese text.
func FullWidth(s string) string {
	return strings.NewReplacer("(", "（", ")", "）", ",", "，", ":", "：", ";", "；").Replace(s)
}

// unitName is a county as a notice names it: with its prefecture.
func unitName(units map[string]store.Unit, code string) string {
	u, ok := units[code]
	if !ok {
		return code
	}
	if p, ok := units[u.Parent]; ok && p.Kind == store.UnitPrefecture {
		return p.Name + u.Name
	}
	return u.Name
}
