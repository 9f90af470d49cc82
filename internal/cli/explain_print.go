package cli

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// printExplain prints the report for a reader: the change and its parts,
// who overtook whom and why, strengths and weaknesses, and the gaps.
func (e *env) printExplain(j *explainJob, r *explainReport, top int) {
	w := e.stdout
	ex := r.Explanation
	name := func(code string) string {
		if n, _ := j.indName(code); n != "" {
			return code + " " + n
		}
		return code
	}
	fmt.Fprintf(w, "%s %s  %s→%s\n", ex.Unit, j.unitName(ex.Unit), j.prevLabel, j.curLabel)
	fmt.Fprintln(w, e.t("得分 %.3f → %.3f（%s），排名 %s → %s", "score %.3f → %.3f (%s), rank %s → %s",
		ex.Prev.Score, ex.Cur.Score, signed(ex.Change), fmtNum(ex.Prev.Rank), fmtNum(ex.Cur.Rank)))
	if ex.Cur.Group != "" {
		fmt.Fprintln(w, e.t("类型（组）%s 内排名 %s → %s", "rank in %s: %s → %s", ex.Cur.Group, fmtNum(ex.Prev.GroupRank), fmtNum(ex.Cur.GroupRank)))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("得分变化的分解（各部分之和等于变化）：", "The change, decomposed (the parts add up to it):"))
	cs := slices.Clone(ex.Indicators)
	slices.SortStableFunc(cs, func(a, b engine.Contribution) int { return cmp.Compare(math.Abs(b.Total), math.Abs(a.Total)) })
	head := e.t("  指标\t得分\t本身变化\t他人变化\t合计", "  indicator\tscore\town\tothers\ttotal")
	if ex.MethodChanged {
		head = e.t("  指标\t得分\t本身变化\t他人变化\t方法\t权重\t合计", "  indicator\tscore\town\tothers\tmethod\tweights\ttotal")
	}
	fmt.Fprintln(w, head)
	var rest float64
	for k, c := range cs {
		if k >= top {
			rest += c.Total
			continue
		}
		line := fmt.Sprintf("  %s\t%s→%s\t%s\t%s", name(c.Indicator), fmtShort(c.Prev), fmtShort(c.Cur), signed(c.Own), signed(c.Others+c.Availability))
		if ex.MethodChanged {
			line += "\t" + signed(c.Method) + "\t" + signed(c.Weight)
		}
		fmt.Fprintln(w, line+"\t"+signed(c.Total))
	}
	if len(cs) > top {
		fmt.Fprintln(w, e.t("  其余 %d 项\t\t\t\t%s", "  %d others\t\t\t\t%s", len(cs)-top, signed(rest)))
	}
	for _, x := range []struct {
		v      float64
		zh, en string
	}{{ex.Weights, "权重与汇总方法", "weights and aggregation"}, {ex.Renormalised, "缺失数据的权重重分配", "renormalised weights (missing data)"},
		{ex.Adjustments, "加减分与取整", "deductions and rounding"}} {
		if math.Abs(x.v) >= 5e-13 {
			fmt.Fprintf(w, "  %s\t\t\t\t%s\n", e.pick(x.zh, x.en), signed(x.v))
		}
	}
	fmt.Fprintln(w, e.t("  合计\t\t\t\t%s", "  sum\t\t\t\t%s", signed(ex.Sum())))
	for _, p := range []struct {
		list   []engine.Pair
		zh, en string
	}{{ex.Overtook, "超过了", "overtook"}, {ex.OvertakenBy, "被超过", "overtaken by"}} {
		if len(p.list) == 0 {
			continue
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, e.pick(p.zh+"：", p.en+":"))
		for k, pr := range p.list {
			if k >= top {
				fmt.Fprintln(w, e.t("  ……共 %d 个", "  … %d in all", len(p.list)))
				break
			}
			var ds []string
			for _, d := range pr.Drivers[:min(3, len(pr.Drivers))] {
				ds = append(ds, fmt.Sprintf("%s %s", d.Indicator, signed(d.Gap)))
			}
			fmt.Fprintf(w, "  %s %s（%s→%s）%s %s → %s: %s\n", pr.Unit, j.unitName(pr.Unit), fmtNum(pr.Prev.Rank), fmtNum(pr.Cur.Rank),
				e.t("分差", "gap"), signed(pr.GapPrev), signed(pr.GapCur), strings.Join(ds, ", "))
		}
	}
	if len(r.Strengths) > 0 {
		fmt.Fprintln(w)
		peers := e.t("全部单位", "all units")
		if ex.Cur.Group != "" {
			peers = ex.Cur.Group
		}
		fmt.Fprintln(w, e.t("优势与短板（与%s的平均比较）：", "Strengths and weaknesses (against the mean of %s):", peers))
		n := min(3, len(r.Strengths)/2)
		for k, s := range r.Strengths {
			if k < n || k >= len(r.Strengths)-n {
				tag := e.t("优势", "strength")
				if k >= n {
					tag = e.t("短板", "weakness")
				}
				fmt.Fprintf(w, "  %s\t%s\t%s %s\t%s %s/%d\n", tag, name(s.Indicator), fmtShort(s.Score), signed(s.Gap),
					e.t("组内第", "rank"), fmtNum(s.PeerRank), s.Peers)
			}
		}
	}
	if len(r.Gaps) > 0 {
		fmt.Fprintln(w)
		scope := e.t("前 %d 名", "the top %d", r.Gaps[0].Query.TopK)
		if r.Gaps[0].Query.InGroup {
			scope = e.t("组内前 %d 名", "the top %d of its group", r.Gaps[0].Query.TopK)
		}
		fmt.Fprintln(w, e.t("进入%s所需（其他单位不变）：", "To reach %s (the others unchanged):", scope))
		unreachable := 0
		for _, g := range r.Gaps {
			what := e.t("所有指标同比提升", "every indicator improved by")
			if g.Query.Column != "" {
				what = name(g.Query.Column)
			}
			switch {
			case g.Already:
				fmt.Fprintf(w, "  %s\n", e.t("已达到", "already there"))
			case !g.Reachable:
				unreachable++
				if len(r.Gaps) == 1 {
					fmt.Fprintf(w, "  %s\t%s\n", what, e.t("仅靠此项无法达到", "unreachable by this alone"))
				}
			case g.Query.Column == "":
				fmt.Fprintf(w, "  %s\t%+.3g%%\n", what, 100*g.Rounded)
			default:
				_, unit := j.indName(g.Query.Column)
				fmt.Fprintf(w, "  %s\t%s %+g %s（%s → %s）\n", what, e.t("需要", "needs"), g.Rounded, unit, fmtShort(g.From), fmtShort(g.From+g.Rounded))
			}
			if g.Already {
				break
			}
		}
		if unreachable > 0 && len(r.Gaps) > 1 {
			fmt.Fprintln(w, e.t("  另有 %d 项仅靠单项无法达到", "  %d more cannot get there alone", unreachable))
		}
	}
	if r.RankIf != nil {
		fmt.Fprintln(w)
		fmt.Fprintln(w, e.t("若 %s = %g：得分 %.3f，排名 %s", "if %s = %g: score %.3f, rank %s", r.RankIf.Column, r.RankIf.Value, r.RankIf.Score, fmtNum(r.RankIf.Rank)))
	}
}

// pick returns the text in the user's language.
func (e *env) pick(zh, en string) string {
	if e.lang == locale.EN {
		return en
	}
	return zh
}

func fmtShort(v float64) string {
	if v != v {
		return "—"
	}
	return fmt.Sprintf("%.4g", v)
}

// jsonSafe turns v into plain maps, slices and numbers with NaN and ±Inf
// as null, which encoding/json refuses to write.
func jsonSafe(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return jsonSafe(v.Elem())
	case reflect.Float64, reflect.Float32:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil
		}
		return f
	case reflect.Struct:
		out := map[string]any{}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			key := f.Name
			if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag != "" {
				key = tag
			}
			out[key] = jsonSafe(v.Field(i))
		}
		return out
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = jsonSafe(v.Index(i))
		}
		return out
	case reflect.Map:
		out := map[string]any{}
		for _, k := range v.MapKeys() {
			out[fmt.Sprint(k.Interface())] = jsonSafe(v.MapIndex(k))
		}
		return out
	}
	return v.Interface()
}
