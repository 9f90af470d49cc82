package zonereport

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/notice"
	"github.com/qiangxian/qiangxian/internal/report"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Issuer is the zone notice's issuing office.
const Issuer = "省开发区建设发展领导小组办公室"

// GroupNames is a group's zones of one list, best first.
type GroupNames struct {
	Group string
	Names []string
}

// Item is a zone named in the notice, with why.
type Item struct {
	Code, Name string
	Note       string // 连续11年, the triggering years, 并列…
}

// ActionList is the zones a management action applies to.
type ActionList struct {
	Action       string
	Consequences string // what the action brings, from the rule (奖补万元 500、扩区优先 1), "" when none
	Items        []Item
}

// Notice is the zone assessment notice (开发区考核评价结果通报) of a held
// year: the 优秀 list by group, the zones with long 优秀 streaks, the
// zones under each management action with the years that triggered it, and
// the ranking by group as an attachment. It is built from a View alone.
type Notice struct {
	Year      int
	Title     string
	Intro     string
	Sample    bool
	Excellent []GroupNames
	Streaks   []Item // 优秀 for at least two held years running, longest first
	Actions   []ActionList
	Header    []string
	Rows      [][]string // 组别, 组内名次, 开发区, 得分, 等级, 连续年数, 动态管理
	// Sign-off (Sign): the approval phrase of the run's approval record
	// (经领导小组同意), the registered 文号 and 成文日期; "" until given.
	Approval, DocNumber, Date string
}

// Sign records the sign-off of the notice's run: the approval phrase the
// introduction says before "现将评价结果通报如下", the registered 文号 and
// the 成文日期 as written (2026年6月20日); "" for what is not there yet.
func (n *Notice) Sign(approval, docNumber, date string) {
	n.Approval, n.DocNumber, n.Date = approval, docNumber, date
	if approval != "" {
		n.Intro = strings.Replace(n.Intro, "现将评价结果通报如下。", approval+"，现将评价结果通报如下。", 1)
	}
}

// Best is the name of the top grade (优秀 in the demo method).
func (v *View) Best() string {
	if len(v.Grades) == 0 {
		return ""
	}
	return v.Grades[0]
}

// BuildNotice builds the notice of v's year.
func BuildNotice(v *View) *Notice {
	n := &Notice{Year: v.Year, Sample: v.Method.Sample,
		Title:  fmt.Sprintf("关于%d年度全省开发区考核评价结果的通报", v.Year),
		Header: []string{"组别", "组内名次", "开发区", "得分", "等级", "连续年数", "动态管理"}}
	title := v.Method.Title
	n.Intro = fmt.Sprintf("根据《%s》，对全省 %d 个开发区 %d 年度发展情况进行了考核评价，分 %d 组排名。现将评价结果通报如下。",
		title, len(v.Rows), v.Year, len(v.Groups))
	best := v.Best()
	for _, g := range v.Groups {
		gn := GroupNames{Group: g}
		for _, r := range v.Rows {
			if r.Group == g && r.Grade == best && best != "" {
				gn.Names = append(gn.Names, r.Zone.Name)
			}
		}
		n.Excellent = append(n.Excellent, gn)
	}
	for _, r := range v.Rows {
		if r.Grade == best && r.Streak >= 2 {
			n.Streaks = append(n.Streaks, Item{Code: r.Unit, Name: r.Zone.Name,
				Note: fmt.Sprintf("连续%d年被评为%s（%s—%d年）", r.Streak, best, r.StreakFrom, v.Year)})
		}
	}
	sortByStreak(n.Streaks, v)
	for k, g := range v.Method.Management {
		al := ActionList{Action: g.Action, Consequences: consequences(g.Consequences)}
		for _, r := range v.Rows {
			for _, w := range r.Warnings {
				if w.Rule != k {
					continue
				}
				note := strings.Join(w.Years, "、") + "年"
				if !math.IsNaN(w.Average) {
					note += "，两年平均名次 " + table.FormatNumber(w.Average)
				}
				if w.Tie {
					note += "；并列，须领导小组认定"
				}
				al.Items = append(al.Items, Item{Code: r.Unit, Name: r.Zone.Name, Note: note})
			}
		}
		n.Actions = append(n.Actions, al)
	}
	for _, r := range v.Rows {
		var acts []string
		for _, w := range r.Warnings {
			acts = append(acts, w.Action)
		}
		streak := ""
		if r.Grade != "" {
			streak = strconv.Itoa(r.Streak)
		}
		n.Rows = append(n.Rows, []string{r.Group, table.FormatNumber(r.GroupRank), r.Zone.Name, scoreText(r.Score),
			r.Grade, streak, strings.Join(acts, "、")})
	}
	return n
}

// consequences writes a rule's consequences by name: 奖补万元 500、扩区优先 1.
func consequences(c map[string]float64) string {
	names := make([]string, 0, len(c))
	for k := range c {
		names = append(names, k)
	}
	slices.Sort(names)
	for i, k := range names {
		names[i] = k + " " + table.FormatNumber(c[k])
	}
	return strings.Join(names, "、")
}

// sortByStreak orders items by streak, longest first (stable: view order).
func sortByStreak(items []Item, v *View) {
	streak := func(code string) int {
		r, _ := v.Row(code)
		return r.Streak
	}
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && streak(items[j].Code) > streak(items[j-1].Code); j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

func scoreText(s float64) string {
	if math.IsNaN(s) {
		return ""
	}
	return strconv.FormatFloat(s, 'f', 2, 64)
}

// Closing is the notice's closing paragraph.
const Closing = "希望受到表扬的开发区再接再厉；被预警的开发区要认真分析原因，制定整改措施，限期提升。"

// Doc lays the notice out on the county notice's document model
// (internal/notice), so that the .docx, PDF and OFD of /zones/notice
// print the same paragraphs: the issuer as masthead and signer, the
// registered 文号 (none until registered), the 优秀 list per group, the
// streaks, each management action, the closing, the ranking by group as
// the annex, the registered 成文日期 (empty until registered) and 附注.
func (n *Notice) Doc() *notice.Doc {
	annex := fmt.Sprintf("%d年度全省开发区考核评价分组排名", n.Year)
	d := &notice.Doc{Masthead: Issuer + "文件", DocNumber: n.DocNumber, Title: n.Title,
		Addressee: "各市（州）人民政府，兰州新区管委会，省直有关部门：", Signer: Issuer, Date: n.Date,
		Note: "（此件公开发布）", Subject: n.Title, AnnexNote: []string{annex}}
	if n.Sample {
		d.Watermark = "示例"
	}
	add := func(p notice.Para) { d.Body = append(d.Body, p) }
	add(notice.Para{Kind: notice.Body, Text: n.Intro})
	h := 0
	heading := func(t string) { add(notice.Para{Kind: notice.Heading1, Text: report.Ordinal(h) + "、" + t}); h++ }
	heading("考核评价为优秀的开发区")
	for _, g := range n.Excellent {
		add(notice.Para{Kind: notice.Labelled, Label: g.Group + "：", Text: cmp.Or(strings.Join(g.Names, "、"), "空缺"), List: true})
	}
	if len(n.Streaks) > 0 {
		heading("连续多年被评为优秀的开发区")
		for _, it := range n.Streaks {
			add(notice.Para{Kind: notice.Body, Text: it.Name + "：" + it.Note + "。"})
		}
	}
	heading("动态管理")
	for _, a := range n.Actions {
		var names []string
		for _, it := range a.Items {
			names = append(names, it.Name+"（"+it.Note+"）")
		}
		label := a.Action
		if a.Consequences != "" && len(names) > 0 {
			label += "（" + a.Consequences + "）"
		}
		add(notice.Para{Kind: notice.Labelled, Label: label + "：", Text: cmp.Or(strings.Join(names, "、"), "空缺"), List: true})
	}
	add(notice.Para{Kind: notice.Body, Text: Closing})
	d.Annexes = []notice.Annex{{Label: "附件", Title: annex, Header: n.Header, Rows: n.Rows,
		Right:  []bool{false, true, false, true, false, true, false},
		Widths: []float64{10, 9, 27, 10, 9, 9, 26}}}
	return d
}
