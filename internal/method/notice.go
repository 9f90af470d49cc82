package method

import (
	"fmt"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// NoticeText is the method's optional [notice] table: the words of the
// notice (通报) that belong to the method rather than to a run — the
// issuing body, the basis document, the approval phrase, the reward
// sentence of each award, the 工作要求, 附注 and 版记, and the phrases of
// the 总体情况 paragraph, each an indicator's statistic written into a
// sentence, so that another province words its own notice. The office may
// override every field per method and per run (package notice).
type NoticeText struct {
	Issuer     string            // 发文机关
	Addressees string            // 主送
	Approval   string            // 经省政府同意
	Basis      string            // 《…办法》（…〔2021〕41号）
	Subject    string            // 县域经济发展综合评价
	Rewards    map[string]string // award name → reward sentence
	Demands    string            // 工作要求
	Note       string            // 附注
	CC         string            // 抄送
	Printer    string            // 印发机关
	VetoOmit   bool              // leave vetoed units out of the notice
	Summary    []NoticePhrase
	WindowDays int // the 公示 window in working days
	Phone      string
	Address    string
}

// NoticePhrase is a phrase of the 总体情况: Stat (sum, mean, max, min,
// count_above) of Indicator over the evaluated units, written with
// Decimals into Text at %s.
type NoticePhrase struct {
	Indicator string
	Stat      string
	Above     float64
	Decimals  int
	Text      string
	path      string
}

// noticeStats are the statistics a phrase may take.
var noticeStats = []string{"sum", "mean", "max", "min", "count_above"}

func (r *reader) notice(doc map[string]any) *NoticeText {
	t := r.table(doc, "", "notice")
	if t == nil {
		return nil
	}
	const p = "notice"
	r.known(t, p, "issuer", "addressees", "approval", "basis", "subject", "rewards", "demands", "note", "cc",
		"printer", "veto_omit", "summary", "window_days", "phone", "address")
	n := &NoticeText{Issuer: r.str(t, p, "issuer", ""), Addressees: r.str(t, p, "addressees", ""),
		Approval: r.str(t, p, "approval", ""), Basis: r.str(t, p, "basis", ""), Subject: r.str(t, p, "subject", ""),
		Demands: r.str(t, p, "demands", ""), Note: r.str(t, p, "note", ""), CC: r.str(t, p, "cc", ""),
		Printer: r.str(t, p, "printer", ""), VetoOmit: r.boolean(t, p, "veto_omit", false),
		WindowDays: r.integer(t, p, "window_days", 0), Phone: r.str(t, p, "phone", ""), Address: r.str(t, p, "address", "")}
	if rw := r.table(t, p, "rewards"); rw != nil {
		n.Rewards = map[string]string{}
		for k := range rw {
			n.Rewards[k] = r.str(rw, p+".rewards", k, "")
		}
	}
	if v, ok := t["summary"]; ok {
		a, ok := v.([]any)
		if !ok {
			r.fail(p+".summary", locale.M("method.t.tables", "notice.summary"))
			return n
		}
		for i, x := range a {
			q := fmt.Sprintf("%s.summary[%d]", p, i)
			s, ok := x.(map[string]any)
			if !ok {
				r.fail(q, locale.M("method.t.table"))
				continue
			}
			r.known(s, q, "indicator", "stat", "above", "decimals", "text")
			n.Summary = append(n.Summary, NoticePhrase{Indicator: r.str(s, q, "indicator", ""), Stat: r.str(s, q, "stat", "sum"),
				Above: r.num(s, q, "above", 0), Decimals: r.integer(s, q, "decimals", 0), Text: r.str(s, q, "text", ""), path: q})
		}
	}
	return n
}

// notice checks the [notice] table: every phrase names an indicator of
// the method, a known statistic and a text with one %s; every reward names
// an award.
func (c *checker) notice() {
	n := c.m.Notice
	if n == nil {
		return
	}
	for _, ph := range n.Summary {
		if c.m.indicator(ph.Indicator) == nil {
			c.fail(ph.path+".indicator", locale.M("method.notice.indicator", ph.Indicator))
		}
		c.oneOf(ph.path+".stat", ph.Stat, noticeStats...)
		if strings.Count(ph.Text, "%s") != 1 {
			c.fail(ph.path+".text", locale.M("method.notice.text"))
		}
		if ph.Decimals < 0 || ph.Decimals > 6 {
			c.fail(ph.path+".decimals", locale.M("method.oneof", "0 … 6", fmt.Sprint(ph.Decimals)))
		}
	}
	for name := range n.Rewards {
		if !slices.ContainsFunc(c.m.Awards, func(a Award) bool { return a.Name == name }) {
			c.fail("notice.rewards."+name, locale.M("method.notice.award", name))
		}
	}
}

func init() {
	locale.Register(map[string][2]string{
		"method.notice.indicator": {"通报的总体情况引用了本方法没有的指标 %q", "the notice's summary names %q, which is not an indicator of the method"},
		"method.notice.text":      {"通报短语须含且只含一个 %%s（数值所在位置）", "a notice phrase needs exactly one %%s where the figure goes"},
		"method.notice.award":     {"通报的奖励措施引用了本方法没有的奖项 %q", "the notice's rewards name %q, which is not an award of the method"},
	})
}
