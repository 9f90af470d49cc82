package cli

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/evaluation"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/table"
)

// writeMethodCSV writes the long format of the engine core with four
// columns appended, and two more when a previous result was given:
//
//	unit,node,level,score,rank,group,group_rank,vetoed,awards[,period,rank_change]
//
// For every unit, in data order:
//   - one row per scored indicator (level 1): its score after the rule,
//     ranked among all units; group empty;
//   - for each type the unit declares, one row per aggregate (areas …, then
//     the top node) with group = the type: the aggregate under that type's
//     weights, group_rank its rank among the type's units (the top node's
//     score is after deductions and rounding, its group_rank the 分类排名);
//     rank empty;
//   - one row of the top node with group empty: the overall score and the
//     overall rank (综合排名); with a previous result, rank_change on this
//     row only (previous rank − rank, empty for a unit new in this period).
//
// vetoed is 1 or 0 and awards the unit's awards joined by ";" (a per-type
// award as 先进县(工业主导型)), both on every row of the unit; period (the
// --period, else the year in the data file name) is on every row. Numbers
// have full round-trip precision; missing is empty. ReadPrevious reads this
// file back as the next period's --previous.
//
// The rows are evaluation.Rows, which the server stores for a run: one
// builder for both.
func writeMethodCSV(w io.Writer, o *method.Outcome) error {
	rows, err := evaluation.Rows(o)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	head := []string{"unit", "node", "level", "score", "rank", "group", "group_rank", "vetoed", "awards"}
	prev := o.RankChange != nil
	if prev {
		head = append(head, "period", "rank_change")
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range rows {
		vetoed := "0"
		if r.Vetoed {
			vetoed = "1"
		}
		row := []string{r.Unit, r.Node, strconv.Itoa(r.Level), table.FormatNumber(r.Score), table.FormatNumber(r.Rank),
			r.Group, table.FormatNumber(r.GroupRank), vetoed, strings.Join(r.Awards, ";")}
		if prev {
			// Rows puts the rank change on the unit's overall row only.
			row = append(row, r.Period, table.FormatNumber(r.RankChange))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// aggregateCols returns the aggregate nodes in the engine's order (level by
// level, the top node last) and their levels.
func aggregateCols(o *method.Outcome) ([]string, []int) {
	tree, _ := o.Method.Tree(o.Types[0].Type) // valid: Run built it
	var codes []string
	var levels []int
	for l, idx := range tree.Levels {
		for _, i := range idx {
			codes = append(codes, tree.Nodes[i].Code)
			levels = append(levels, l+2)
		}
	}
	return codes, levels
}

// unitAwards returns the awards of every unit, in the method's order,
// a tie still to be decided as 待认定:award.
func unitAwards(o *method.Outcome) [][]string { return method.AwardLabels(o) }

// byRank returns the unit indices by overall rank, ties in data order.
func byRank(o *method.Outcome) []int {
	idx := make([]int, len(o.Units))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmpNA(o.Rank[a], o.Rank[b]) })
	return idx
}

// cmpNA compares with NaN last.
func cmpNA(a, b float64) int {
	switch {
	case math.IsNaN(a) && math.IsNaN(b):
		return 0
	case math.IsNaN(a):
		return 1
	case math.IsNaN(b):
		return -1
	}
	return cmp.Compare(a, b)
}

func fmtNum(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// num is a JSON number, or null for missing.
func num(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

type jsonUnit struct {
	Code       string          `json:"code"`
	Name       string          `json:"name"`
	Types      []string        `json:"types"`
	Score      any             `json:"score"`
	Rank       any             `json:"rank"`
	PrevRank   any             `json:"previous_rank,omitempty"`
	RankChange any             `json:"rank_change,omitempty"`
	Deduction  float64         `json:"deduction"`
	Vetoed     bool            `json:"vetoed"`
	Grade      string          `json:"grade,omitempty"`
	Awards     []string        `json:"awards"`
	Indicators map[string]any  `json:"indicators"`
	ByType     []jsonTypeScore `json:"by_type"`
	Raw        map[string]any  `json:"raw"`
	// Stages holds the values after imputation and treatment, when they ran.
	Stages map[string]map[string]any `json:"stages,omitempty"`
}

type jsonTypeScore struct {
	Type  string         `json:"type"`
	Score any            `json:"score"`
	Rank  any            `json:"rank"`
	Nodes map[string]any `json:"nodes"`
}

// writeMethodJSON writes the outcome as one JSON document: units with their
// scores, ranks and awards, the award lists, effective weights per type,
// event effects and warnings (messages in lang).
func writeMethodJSON(w io.Writer, o *method.Outcome, lang locale.Lang) error {
	scored := o.Stages[len(o.Stages)-1].Data
	raw := o.Stages[0].Data
	awards := unitAwards(o)
	doc := map[string]any{"title": o.Method.Title, "period": o.Period, "sample": o.Sample, "top_node": o.Method.Root()}
	var units []jsonUnit
	for u, unit := range o.Units {
		ju := jsonUnit{Code: unit.Code, Name: unit.Name, Types: unit.Types, Score: num(o.Overall[u]), Rank: num(o.Rank[u]),
			Deduction: o.Deduction[u], Vetoed: o.Vetoed[u], Awards: awards[u], Indicators: map[string]any{}, Raw: map[string]any{}}
		if ju.Awards == nil {
			ju.Awards = []string{}
		}
		if o.RankChange != nil {
			ju.PrevRank, ju.RankChange = num(o.PrevRank[u]), num(o.RankChange[u])
		}
		if o.Grades != nil {
			ju.Grade = o.Grades[u]
		}
		for c, code := range scored.Cols {
			ju.Indicators[code] = num(scored.Vals[c][u])
		}
		for c, code := range raw.Cols {
			ju.Raw[code] = num(raw.Vals[c][u])
		}
		for _, st := range o.Stages[1 : len(o.Stages)-1] {
			if ju.Stages == nil {
				ju.Stages = map[string]map[string]any{}
			}
			vals := map[string]any{}
			for c, code := range st.Data.Cols {
				vals[code] = num(st.Data.Vals[c][u])
			}
			ju.Stages[st.Name] = vals
		}
		for _, tr := range o.Types {
			k := slices.Index(tr.Members, u)
			if k < 0 {
				continue
			}
			ts := jsonTypeScore{Type: tr.Type, Score: num(tr.Score[k]), Rank: num(tr.Rank[k]), Nodes: map[string]any{}}
			for c, code := range tr.Aggregated.Cols {
				if slices.Contains(scored.Cols, code) {
					continue
				}
				ts.Nodes[code] = num(tr.Aggregated.Vals[c][k])
			}
			ju.ByType = append(ju.ByType, ts)
		}
		units = append(units, ju)
	}
	doc["units"] = units
	var aw []map[string]any
	for _, a := range o.Awards {
		winners, skipped := []map[string]any{}, []map[string]any{}
		for i, u := range a.Winners {
			winners = append(winners, map[string]any{"code": o.Units[u].Code, "name": o.Units[u].Name, "key": num(a.Key[i])})
		}
		for _, s := range a.Skipped {
			skipped = append(skipped, map[string]any{"code": o.Units[s.Unit].Code, "name": o.Units[s.Unit].Name, "reason": s.Reason})
		}
		pending := []map[string]any{}
		for _, u := range a.Pending {
			pending = append(pending, map[string]any{"code": o.Units[u].Code, "name": o.Units[u].Name})
		}
		entry := map[string]any{"award": a.Award.Name, "kind": a.Award.Kind, "type": a.Type,
			"count": a.Award.Count, "winners": winners, "skipped": skipped, "extra_for_ties": a.Extra,
			"ties": a.Award.Ties, "pending": pending, "pending_places": a.Places, "reward": a.Award.Reward, "amount": num(a.Award.Amount)}
		if a.Decision != nil {
			entry["decision"] = map[string]any{"units": a.Decision.Units, "reference": a.Decision.Reference}
		}
		aw = append(aw, entry)
	}
	doc["awards"] = aw
	weights := map[string]map[string]float64{}
	for _, tr := range o.Types {
		weights[tr.Type] = tr.Weights
	}
	doc["effective_weights"] = weights
	sources := map[string][]map[string]any{}
	for _, tr := range o.Types {
		for _, src := range tr.Sources {
			sources[tr.Type] = append(sources[tr.Type], weightSourceJSON(src))
		}
	}
	doc["weight_sources"] = sources
	effects := []map[string]any{}
	for _, ef := range o.Effects {
		effects = append(effects, map[string]any{"unit": ef.Event.Unit, "date": ef.Event.Date, "type": ef.Event.Type,
			"department": ef.Event.Department, "document": ef.Event.Document, "effect": ef.Effect, "points": ef.Points})
	}
	doc["events"] = effects
	warns := []map[string]string{}
	for _, wn := range o.Warnings {
		warns = append(warns, map[string]string{"kind": wn.Kind, "unit": wn.Unit, "indicator": wn.Indicator, "message": wn.Msg.In(lang)})
	}
	doc["warnings"] = warns
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// weightSourceJSON describes how the weights of one aggregate's children
// were obtained: "from" (fixed, ahp, entropy, critic), the children's
// weights (normalised to sum 1) and the method's conventions and results.
func weightSourceJSON(s method.WeightSource) map[string]any {
	byChild := func(v []float64) map[string]any {
		out := map[string]any{}
		for k, c := range s.Children {
			out[c] = num(v[k])
		}
		return out
	}
	obj := map[string]any{"node": s.Node, "from": s.From(), "children": s.Children, "weights": byChild(s.Weights)}
	wf := s.Rule
	switch s.From() {
	case method.WeightsAHP:
		r := s.AHP
		obj["priority"], obj["ri_table"], obj["max_cr"] = wf.Priority, wf.RI, wf.MaxCR
		obj["lambda_max"], obj["ci"], obj["ri"], obj["cr"] = r.LambdaMax, r.CI, r.RI, r.CR
	case method.WeightsEntropy, method.WeightsCRITIC:
		obj["values"], obj["per_type"], obj["units"] = wf.Values, wf.PerType, s.Units
		if s.Left != nil {
			obj["left_out"] = s.Left
		}
		if s.Entropy != nil {
			obj["standardise"], obj["entropy"] = wf.Standardise, byChild(s.Entropy.Entropy)
		}
		if s.CRITIC != nil {
			obj["sd"], obj["conflict"], obj["information"] = byChild(s.CRITIC.SD), byChild(s.CRITIC.Conflict), byChild(s.CRITIC.Information)
		}
	}
	return obj
}
