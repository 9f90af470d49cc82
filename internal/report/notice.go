// Package report builds the documents a run ends in — the notice (通报)
// issued as an official document, and each county's score sheet — from a
// run's stored result rows and its method outcome. It is pure: rows and
// outcomes in, document content out (and its layout as a .docx or as
// workbook sheets); the web package loads the inputs and checks who may
// have them.
package report

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
	"github.com/qiangxian/qiangxian/internal/store"
)

// DefaultIssuer is the issuing office of a notice when none is configured.
const DefaultIssuer = "县域经济发展综合评价工作领导小组办公室"

// NoticeInput is what a notice is built from.
type NoticeInput struct {
	Run       store.Run
	Method    *method.Method
	Units     map[string]store.Unit // every unit by code: names and prefectures
	Types     map[string][]string   // each evaluated unit's declared types, primary first
	Results   []store.Result        // the run's rows of the method's top node (others are ignored)
	Lifecycle store.Lifecycle       // the 公示 window and the 文号
	Issuer    string                // "" for DefaultIssuer
	Date      time.Time             // 成文日期: the day of publication, or today for a draft
}

// Notice is the content of a notice (通报): the head of the official
// document, the body with the award lists, and the attached ranking table
// as far as the run's visibility publishes it.
type Notice struct {
	Issuer     string // 发文机关, printed in red as the 红头 with 文件
	DocNumber  string // 文号; a placeholder when the run has none yet
	Title      string
	Sample     string // a warning line when the figures are sample data, else ""
	Addressees string // 主送机关
	Intro      []string
	Awards     []AwardSection
	Closing    []string
	Attachment *RankingTable // nil when the run publishes no table (visibility none)
	Date       string        // 成文日期 as written: 2023年6月8日
}

// AwardSection is one award of the method with its winners, per type for
// 先进县.
type AwardSection struct {
	Heading string // 一、十强县（10个）
	Groups  []AwardGroup
}

// AwardGroup is the winners of an award (in one type), best first.
type AwardGroup struct {
	Label string // the type for per-type awards, "" otherwise
	Names []string
	Codes []string
}

// RankingTable is the attached ranking (附件).
type RankingTable struct {
	Title  string
	Header []string
	Rows   [][]string
	Full   bool // every unit, not only the winners
}

// DocNumberPlaceholder stands where a run has no 文号 yet, for the analyst
// to fill in in WPS or Word.
const DocNumberPlaceholder = "〔    〕  号"

var chineseOrdinals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// PeriodText writes a period as the notice does: 2022年度, or the months of
// a cumulative period (2023年1—6月).
func PeriodText(period string) string {
	p, err := store.ParsePeriod(period)
	if err != nil {
		return period
	}
	if p.Kind == store.PeriodYear {
		return fmt.Sprintf("%d年度", p.Year)
	}
	return fmt.Sprintf("%d年1—%d月", p.Year, p.Month)
}

// DateText writes a day as GB/T 9704-2012 writes the 成文日期.
func DateText(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// overallRow is a unit's row of the top node outside any group.
type overallRow struct {
	store.Result
	groupRank map[string]float64
}

// BuildNotice builds the notice of in.Run.
func BuildNotice(in NoticeInput) (*Notice, error) {
	m := in.Method
	if m == nil {
		return nil, fmt.Errorf("report: the notice of run %d needs its method", in.Run.ID)
	}
	root := m.Root()
	rows := map[string]*overallRow{}
	for _, r := range in.Results {
		if r.Node != root {
			continue
		}
		o := rows[r.Unit]
		if o == nil {
			o = &overallRow{groupRank: map[string]float64{}}
			rows[r.Unit] = o
		}
		if r.Group == "" {
			gr := o.groupRank
			o.Result, o.groupRank = r, gr
		} else {
			o.groupRank[r.Group] = r.GroupRank
		}
	}
	var ranked []*overallRow
	for _, o := range rows {
		if o.Unit != "" {
			ranked = append(ranked, o)
		}
	}
	if len(ranked) == 0 {
		return nil, fmt.Errorf("report: run %d has no overall result on %s", in.Run.ID, root)
	}
	slices.SortFunc(ranked, func(a, b *overallRow) int { return cmp.Or(CmpRank(a.Rank, b.Rank), cmp.Compare(a.Unit, b.Unit)) })
	period := PeriodText(in.Run.Period)
	n := &Notice{Issuer: cmp.Or(in.Issuer, DefaultIssuer), DocNumber: cmp.Or(in.Lifecycle.DocNumber, DocNumberPlaceholder),
		Title:      "关于" + period + "县域经济发展综合评价结果的通报",
		Addressees: "各市（州）人民政府，省直有关部门：", Date: DateText(in.Date)}
	if m.Sample || in.Run.Note != "" && strings.Contains(in.Run.Note, method.SampleMark) {
		n.Sample = "（本通报所用数据为示例数据，仅用于演示）"
	}
	intro := fmt.Sprintf("根据《%s》，对全省%d个县（市、区）%s县域经济发展情况进行了综合评价", cmp.Or(m.Title, "县域经济发展综合评价办法"),
		len(ranked), period)
	if l := in.Lifecycle; l.HasWindow() {
		intro += fmt.Sprintf("，评价结果于%s至%s进行了公示，经复核并报领导小组审定", DateText(l.NoticeStart), DateText(l.NoticeEnd))
	}
	n.Intro = []string{intro + "。现将有关情况通报如下。"}
	name := func(code string) string { return unitName(in.Units, code) }
	for i, a := range m.Awards {
		sec := AwardSection{}
		total := 0
		if a.Kind == method.AwardPerType {
			for _, t := range m.Types {
				g := winners(ranked, a.Name+"("+t.Name+")", func(x, y *overallRow) int { return CmpRank(x.groupRank[t.Name], y.groupRank[t.Name]) })
				g.Label = t.Name
				total += len(g.Codes)
				sec.Groups = append(sec.Groups, g)
			}
		} else {
			by := func(x, y *overallRow) int { return CmpRank(x.Rank, y.Rank) }
			if a.Kind == method.AwardRise {
				by = func(x, y *overallRow) int {
					return cmp.Or(CmpRank(-x.RankChange, -y.RankChange), CmpRank(x.Rank, y.Rank))
				}
			}
			g := winners(ranked, a.Name, by)
			total += len(g.Codes)
			sec.Groups = append(sec.Groups, g)
		}
		for gi := range sec.Groups {
			for _, c := range sec.Groups[gi].Codes {
				sec.Groups[gi].Names = append(sec.Groups[gi].Names, name(c))
			}
		}
		sec.Heading = fmt.Sprintf("%s、%s（%d个%s）", Ordinal(i), a.Name, total, awardNote(a, sec.Groups, m.RiseBaseline))
		n.Awards = append(n.Awards, sec)
	}
	n.Closing = []string{"希望受到通报表扬的县（市、区）珍惜荣誉、再接再厉，持续巩固发展优势；其他县（市、区）要对标先进、找准差距，" +
		"奋力推动县域经济高质量发展。"}
	if in.Run.Visibility == auth.VisFull || in.Run.Visibility == auth.VisWinners {
		n.Attachment = rankingTable(in, ranked, period)
	}
	return n, nil
}

// awardNote is what the heading adds after the count: 并列 where tied
// units shared a place (more winners than places in a group), and the
// reward (授牌, 每个奖励5000万元), and for a rise the baseline of the
// rank changes.
func awardNote(a method.Award, groups []AwardGroup, baseline string) string {
	var parts []string
	if a.Kind == method.AwardRise {
		if baseline == method.BaselineRescored {
			parts = append(parts, "名次上升按上年同口径重算名次计算")
		} else {
			parts = append(parts, "名次上升按上年公布名次计算")
		}
	}
	for _, g := range groups {
		if len(g.Codes) > a.Count {
			parts = append(parts, "含末位并列")
			break
		}
	}
	if a.Reward != "" {
		parts = append(parts, a.Reward)
	}
	if !math.IsNaN(a.Amount) && a.Amount > 0 {
		parts = append(parts, "每个奖励"+strconv.FormatFloat(a.Amount, 'f', -1, 64)+"万元")
	}
	if len(parts) == 0 {
		return ""
	}
	return "，" + strings.Join(parts, "，")
}

// winners are the units whose awards include award, ordered by by.
func winners(ranked []*overallRow, award string, by func(x, y *overallRow) int) AwardGroup {
	var ws []*overallRow
	for _, o := range ranked {
		if slices.Contains(o.Awards, award) {
			ws = append(ws, o)
		}
	}
	slices.SortStableFunc(ws, by)
	g := AwardGroup{}
	for _, o := range ws {
		g.Codes = append(g.Codes, o.Unit)
	}
	return g
}

// rankingTable is the attachment at the run's visibility: every ranked
// unit for the full table, the award winners for winners only.
func rankingTable(in NoticeInput, ranked []*overallRow, period string) *RankingTable {
	t := &RankingTable{Title: period + "县域经济发展综合评价排名", Full: in.Run.Visibility == auth.VisFull,
		Header: []string{"综合排名", "县（市、区）", "所属市州", "类型", "综合得分", "名次变化", "获奖情况"}}
	for _, o := range ranked {
		if !t.Full && len(o.Awards) == 0 {
			continue
		}
		u := in.Units[o.Unit]
		types := strings.Join(in.Types[o.Unit], "、")
		awards := strings.Join(o.Awards, "、")
		if o.Vetoed {
			awards = strings.TrimPrefix(awards+"、一票否决", "、")
		}
		t.Rows = append(t.Rows, []string{RankText(o.Rank), u.Name, in.Units[u.Parent].Name, types, ScoreText(o.Score),
			ChangeText(o.RankChange), awards})
	}
	return t
}

// unitName is a county as a notice names it: with its prefecture, which
// tells apart counties of the same name.
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

// Ordinal is the i-th (from 0) Chinese ordinal of a heading: 一, 二 … 十,
// then Arabic numerals.
func Ordinal(i int) string {
	if i < len(chineseOrdinals) {
		return chineseOrdinals[i]
	}
	return strconv.Itoa(i + 1)
}

// CmpRank orders ranks ascending with missing ones last.
func CmpRank(a, b float64) int {
	switch an, bn := math.IsNaN(a), math.IsNaN(b); {
	case an && bn:
		return 0
	case an:
		return 1
	case bn:
		return -1
	}
	return cmp.Compare(a, b)
}

// RankText writes a rank: whole, or with one decimal when ties share a
// fractional one; a missing rank is a dash.
func RankText(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// ScoreText writes a score with two decimals.
func ScoreText(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// ChangeText writes a rank change: ↑3, ↓2, or 持平; a dash when unknown.
func ChangeText(v float64) string {
	switch {
	case math.IsNaN(v):
		return "—"
	case v > 0:
		return "↑" + RankText(v)
	case v < 0:
		return "↓" + RankText(-v)
	}
	return "持平"
}
