package cli

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// sampleNote marks every row of an output made from sample data.
const sampleNote = "示例数据（生成的示例数据，不是真实统计数据）"

// stageSheet names the sheet of each data set.
var stageSheet = map[string]string{
	engine.StageRaw:     "原始数据",
	engine.StageImputed: "插补后数据",
	engine.StageTreated: "离群值处理后数据",
	method.StageScored:  "指标得分数据",
}

// methodSheets lays the outcome out as a workbook: 综合排名, 分类排名 per
// type, 获奖名单, 各指标得分, every step's data set, 权重, 方法 and 说明. With
// sample data, every sheet has a last column 数据说明 saying 示例数据 on every
// row.
func methodSheets(o *method.Outcome, lang locale.Lang) []xlsx.Sheet {
	var sheets []xlsx.Sheet
	add := func(name string, rows [][]any) {
		if o.Sample {
			// A last column rather than a title row, so that every sheet
			// stays a table that reads back with its header in row 1.
			rows[0] = append(rows[0], "数据说明")
			for i := 1; i < len(rows); i++ {
				rows[i] = append(rows[i], sampleNote)
			}
		}
		sheets = append(sheets, xlsx.Sheet{Name: name, Rows: rows, BoldHeader: true, FreezeHeader: true})
	}
	awards := unitAwards(o)
	unitCols := func(u int) []any {
		return []any{o.Units[u].Code, o.Units[u].Name, strings.Join(o.Units[u].Types, "+")}
	}

	head := []any{"名次", "代码", "名称", "类型", "总分", "减分", "一票否决"}
	if o.RankChange != nil {
		head = append(head, "上期名次", "名次变化")
	}
	if o.Grades != nil {
		head = append(head, "等级")
	}
	rows := [][]any{append(head, "奖项")}
	for _, u := range byRank(o) {
		r := append([]any{o.Rank[u]}, unitCols(u)...)
		r = append(r, o.Overall[u], o.Deduction[u], yesNo(o.Vetoed[u]))
		if o.RankChange != nil {
			r = append(r, o.PrevRank[u], o.RankChange[u])
		}
		if o.Grades != nil {
			r = append(r, o.Grades[u])
		}
		rows = append(rows, append(r, strings.Join(awards[u], "、")))
	}
	add("综合排名", rows)

	aggs, _ := aggregateCols(o)
	root := o.Method.Root()
	for _, tr := range o.Types {
		head := []any{"名次", "代码", "名称", "类型", "得分"}
		for _, code := range aggs {
			if code != root {
				head = append(head, nodeName(o.Method, code))
			}
		}
		rows := [][]any{append(head, "奖项")}
		order := make([]int, len(tr.Members))
		for k := range order {
			order[k] = k
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmpNA(tr.Rank[a], tr.Rank[b]) })
		for _, k := range order {
			u := tr.Members[k]
			r := append([]any{tr.Rank[k]}, unitCols(u)...)
			r = append(r, tr.Score[k])
			for _, code := range aggs {
				if code != root {
					r = append(r, tr.Aggregated.Col(code)[k])
				}
			}
			rows = append(rows, append(r, strings.Join(awards[u], "、")))
		}
		add(sheetName("分类排名-"+tr.Type), rows)
	}

	rows = [][]any{{"奖项", "类型", "序号", "代码", "名称", "依据", "说明", "奖励"}}
	for _, a := range o.Awards {
		basis := "综合排名名次"
		switch a.Award.Kind {
		case method.AwardPerType:
			basis = "分类排名名次"
		case method.AwardRise:
			basis = "名次上升位数"
		}
		reward := a.Award.Reward
		if !math.IsNaN(a.Award.Amount) {
			reward = strings.TrimPrefix(reward+"、"+fmtNum(a.Award.Amount)+"万元", "、")
		}
		for i, u := range a.Winners {
			note := ""
			switch {
			case a.Decision != nil && i >= len(a.Winners)-a.Decided:
				note = "末位并列，经评价办公室认定（" + a.Decision.Reference + "）"
				if a.Extra > 0 {
					note += "，并列获奖"
				}
			case i >= a.Award.Count:
				note = "末位并列，同时获奖"
			}
			rows = append(rows, []any{a.Award.Name, a.Type, i + 1, o.Units[u].Code, o.Units[u].Name, basis + " " + fmtNum(a.Key[i]), note, reward})
		}
		for _, u := range a.Pending {
			rows = append(rows, []any{a.Award.Name, a.Type, "", o.Units[u].Code, o.Units[u].Name, "",
				fmt.Sprintf("末位并列，按办法无法区分，待认定（%d 个名额）", a.Places), reward})
		}
		for _, s := range a.Skipped {
			why := map[string]string{"veto": "一票否决，不得获奖，由后续单位递补", "ineligible": "不在评选范围，由后续单位递补",
				"other_type":   "已在其他类型获得该奖项（保留名次较高的类型），由后续单位递补",
				"no_double":    "已获得奖励更高的奖项（不兼得），由后续单位递补",
				"min_score":    "未达到获奖最低分，由后续单位递补",
				"disqualified": "因事件或约束性指标取消该奖项评选资格，由后续单位递补"}[s.Reason]
			if s.Reason == "ineligible" && a.Award.Note != "" {
				why += "（" + a.Award.Note + "）"
			}
			rows = append(rows, []any{a.Award.Name, a.Type, "", o.Units[s.Unit].Code, o.Units[s.Unit].Name, "", why})
		}
	}
	add("获奖名单", rows)

	scored := o.Stages[len(o.Stages)-1].Data
	add("各指标得分", datasetRows(o, scored))
	for _, st := range o.Stages {
		if st.Name != method.StageScored {
			add(stageSheet[st.Name], datasetRows(o, st.Data))
		}
	}
	for _, tr := range o.Types {
		add(sheetName("汇总-"+tr.Type), memberRows(o, tr))
	}

	head = []any{"代码", "名称", "层级", "上级", "权重来源"}
	for _, tr := range o.Types {
		head = append(head, tr.Type)
	}
	rows = [][]any{head}
	tree, _ := o.Method.Tree(o.Types[0].Type)
	for _, n := range tree.Nodes {
		r := []any{n.Code, nodeName(o.Method, n.Code), n.Level, n.Parent, ""}
		if n.Parent != "" {
			r[4] = weightSourceLabel(o.Method, n.Parent)
		}
		for _, tr := range o.Types {
			r = append(r, tr.Weights[n.Code])
		}
		rows = append(rows, r)
	}
	add("权重", rows)
	add("权重来源", weightSourceRows(o))

	rows = [][]any{{o.Method.File}}
	for _, line := range strings.Split(strings.TrimRight(string(o.Method.Source), "\n"), "\n") {
		rows = append(rows, []any{line})
	}
	add("方法", rows)

	rows = [][]any{{"项目", "内容"}, {"评价", o.Method.Title}, {"期别", o.Period}, {"方法文件", o.Method.File}}
	if o.Sample {
		rows = append(rows, []any{"数据", "示例数据：由生成程序产生，不是真实统计数据"})
	}
	for _, ef := range o.Effects {
		rows = append(rows, []any{"事件", fmt.Sprintf("%s %s %s（%s %s）：%s %g", ef.Event.Unit, ef.Event.Date, ef.Event.Type,
			ef.Event.Department, ef.Event.Document, ef.Effect, ef.Points)})
	}
	for _, wn := range o.Warnings {
		rows = append(rows, []any{"提示", wn.Msg.In(lang)})
	}
	add("说明", rows)
	return sheets
}

// weightSourceLabel says how the children of node parent are weighted:
// the method and its conventions, in Chinese.
func weightSourceLabel(m *method.Method, parent string) string {
	var wf *method.WeightsFrom
	for _, n := range m.Nodes {
		if n.Code == parent {
			wf = n.WeightsFrom
		}
	}
	if wf == nil {
		return method.MethodName(method.WeightsFixed, "zh")
	}
	name := method.MethodName(wf.Method, "zh")
	if wf.Method == method.WeightsAHP {
		return fmt.Sprintf("%s（%s，RI 表 %s，CR 上限 %g）", name, wf.Priority, wf.RI, wf.MaxCR)
	}
	sample := "全部单位"
	if wf.PerType {
		sample = "各类型分别计算"
	}
	values := map[string]string{method.ValuesScores: "得分", method.ValuesRaw: "原始数值"}[wf.Values]
	if wf.Method == method.WeightsEntropy {
		return fmt.Sprintf("%s（standardise = %s，%s，%s）", name, wf.Standardise, values, sample)
	}
	return fmt.Sprintf("%s（%s，%s）", name, values, sample)
}

// weightSourceRows lays out how every aggregate's children were weighted
// under every type: one row per child, with the method's results (λmax, CI,
// RI and CR of AHP; the entropy or CRITIC information of every child).
func weightSourceRows(o *method.Outcome) [][]any {
	rows := [][]any{{"上级", "上级名称", "类型", "权重来源", "下级", "下级名称", "权重", "熵值", "CRITIC 信息量",
		"λmax", "CI", "RI", "CR", "计算单位数", "未计入的单位（缺失值）"}}
	for _, tr := range o.Types {
		for k := len(tr.Sources) - 1; k >= 0; k-- {
			s := tr.Sources[k]
			for j, c := range s.Children {
				r := []any{s.Node, nodeName(o.Method, s.Node), tr.Type, weightSourceLabel(o.Method, s.Node), c, nodeName(o.Method, c),
					s.Weights[j], "", "", "", "", "", "", "", ""}
				switch {
				case s.AHP != nil:
					r[9], r[10], r[11], r[12] = s.AHP.LambdaMax, s.AHP.CI, s.AHP.RI, s.AHP.CR
				case s.Rule != nil:
					r[13], r[14] = s.Units, strings.Join(s.Left, "、")
				}
				if s.Entropy != nil {
					r[7] = s.Entropy.Entropy[j]
				}
				if s.CRITIC != nil {
					r[8] = s.CRITIC.Information[j]
				}
				rows = append(rows, r)
			}
		}
	}
	return rows
}

// datasetRows lays a units × columns data set out with the units' names.
func datasetRows(o *method.Outcome, d *engine.Dataset) [][]any {
	head := []any{"代码", "名称"}
	for _, c := range d.Cols {
		head = append(head, columnLabel(o.Method, c))
	}
	rows := [][]any{head}
	for u := range d.Units {
		r := []any{o.Units[u].Code, o.Units[u].Name}
		for c := range d.Cols {
			r = append(r, d.Vals[c][u])
		}
		rows = append(rows, r)
	}
	return rows
}

// memberRows lays out a type's aggregated data set (before deductions).
func memberRows(o *method.Outcome, tr method.TypeResult) [][]any {
	head := []any{"代码", "名称"}
	for _, c := range tr.Aggregated.Cols {
		head = append(head, columnLabel(o.Method, c))
	}
	rows := [][]any{head}
	for k, u := range tr.Members {
		r := []any{o.Units[u].Code, o.Units[u].Name}
		for c := range tr.Aggregated.Cols {
			r = append(r, tr.Aggregated.Vals[c][k])
		}
		rows = append(rows, r)
	}
	return rows
}

// columnLabel heads a data column: its Chinese name and its code.
func columnLabel(m *method.Method, code string) string {
	if n := nodeName(m, code); n != code {
		return n + " " + code
	}
	return code
}

func nodeName(m *method.Method, code string) string {
	for _, n := range m.Nodes {
		if n.Code == code && n.Name != "" {
			return n.Name
		}
	}
	for _, ind := range m.Indicators {
		if ind.Code == code && ind.Name != "" {
			return ind.Name
		}
	}
	return code
}

// sheetName keeps a sheet name within Excel's 31 characters.
func sheetName(s string) string {
	r := []rune(s)
	if len(r) > 31 {
		r = r[:31]
	}
	return string(r)
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return ""
}
