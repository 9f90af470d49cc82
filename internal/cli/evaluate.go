package cli

import (
	"cmp"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/table"
)

// runEvaluate is `qiangxian evaluate`: COINr's iMeta/iData in, the long
// result table out; with --method, an evaluation method file instead
// (runEvaluateMethod).
func runEvaluate(ctx context.Context, e *env, args []string) error {
	if slices.ContainsFunc(args, func(a string) bool {
		n := strings.TrimLeft(a, "-")
		return strings.HasPrefix(a, "-") && (n == "method" || strings.HasPrefix(n, "method="))
	}) {
		return runEvaluateMethod(ctx, e, args)
	}
	fs := e.newFlags("evaluate")
	in := e.addCOINrFlags(fs, "")
	out := fs.String("out", "", e.t("输出 CSV 文件", "output CSV file"))
	global := fs.Bool("global", false, e.t("多期数据时跨期统一标准化", "with several periods: normalise over all periods together"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if !in.given() || *out == "" {
		return e.usageErr("需要 --imeta、--idata 和 --out", "--imeta, --idata and --out are required")
	}
	spec, err := in.spec(e)
	if err != nil {
		return err
	}
	meta, data, err := in.load()
	if err != nil {
		return err
	}
	results, err := engine.EvaluatePanel(data.Inputs(), spec, *global)
	if err != nil {
		period := ""
		if len(data.Periods) == 1 {
			period = data.Periods[0].Time
		}
		return data.Locate(err, period)
	}
	err = writeFileAtomic(*out, func(w io.Writer) error {
		return writeLong(w, meta.Tree, results, len(data.Periods) > 1)
	})
	if err != nil {
		return err
	}
	last := len(results) - 1
	e.printRanking(results[last], data.Periods[last].Names, meta.Tree)
	fmt.Fprintln(e.stdout, e.t("结果已写入 %s", "results written to %s", *out))
	return nil
}

// printRanking prints the ranking of the top node of the final data set
// (the last column: the top aggregate, or the last indicator without
// aggregation), best first.
func (e *env) printRanking(r *engine.Result, names []string, t *engine.Tree) {
	final := r.Final()
	c := len(final.Cols) - 1
	code := final.Cols[c]
	title := code
	if n, ok := t.Node(code); ok && n.Name != "" {
		title = n.Name
	}
	period := ""
	if r.Period != "" {
		period = " (" + r.Period + ")"
	}
	fmt.Fprintf(e.stdout, "%s%s\n", title, period)
	fmt.Fprintln(e.stdout, e.t("排名\t代码\t名称\t得分", "rank\tcode\tname\tscore"))
	order := make([]int, len(final.Units))
	for i := range order {
		order[i] = i
	}
	rank := r.Ranks.Vals[c]
	slices.SortStableFunc(order, func(a, b int) int {
		ra, rb := rank[a], rank[b]
		switch {
		case engine.IsNA(ra) && engine.IsNA(rb):
			return 0
		case engine.IsNA(ra):
			return 1
		case engine.IsNA(rb):
			return -1
		}
		return cmp.Compare(ra, rb)
	})
	// Names follow the unit order of the raw data; screening may have
	// dropped units, so look them up by code.
	nameOf := map[string]string{}
	if len(names) == len(r.Stages[0].Data.Units) {
		for i, u := range r.Stages[0].Data.Units {
			nameOf[u] = names[i]
		}
	}
	for _, u := range order {
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%.2f\n", table.FormatNumber(rank[u]), final.Units[u], nameOf[final.Units[u]], final.Vals[c][u])
	}
}

// stepSpec turns the step flags into an engine.Spec.
func (e *env) stepSpec(denominate bool, impute, screen, treat, normalise, aggregate string) (engine.Spec, error) {
	s := engine.Spec{Denominate: denominate}
	var err error
	bad := func(flag, value string, want error) error {
		return e.usageErr("--%s %q 无效：应为 %v", "--%s %q is invalid: expected %v", flag, value, want)
	}
	if impute != "" {
		if s.Impute, err = parseImpute(impute); err != nil {
			return s, bad("impute", impute, err)
		}
	}
	if screen != "" {
		v, perr := strconv.ParseFloat(screen, 64)
		if perr != nil || v < 0 || v > 1 {
			return s, e.usageErr("--screen %q 无效：应为 0 到 1 之间的比例", "--screen %q is invalid: expected a fraction between 0 and 1", screen)
		}
		s.Screen = &v
	}
	if treat != "" {
		if s.Treat, err = parseTreat(treat); err != nil {
			return s, bad("treat", treat, err)
		}
	}
	if normalise != "" {
		if s.Normalise, err = parseNormalise(normalise); err != nil {
			return s, bad("normalise", normalise, err)
		}
	}
	if aggregate != "" {
		if s.Aggregate, err = parseAggregate(aggregate); err != nil {
			return s, bad("aggregate", aggregate, err)
		}
	}
	return s, nil
}

// writeLong writes the long result format: unit,node,level,score,rank and,
// for panels, period,rank_change. One row per unit and column of the final
// data set (indicators after the last step before aggregation, then the
// aggregates level by level).
func writeLong(w io.Writer, t *engine.Tree, results []*engine.Result, panel bool) error {
	cw := csv.NewWriter(w)
	head := []string{"unit", "node", "level", "score", "rank"}
	if panel {
		head = append(head, "period", "rank_change")
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	row := make([]string, len(head))
	for _, r := range results {
		final := r.Final()
		levels := make([]string, len(final.Cols))
		for c, code := range final.Cols {
			if n, ok := t.Node(code); ok {
				levels[c] = strconv.Itoa(n.Level)
			}
		}
		for u, unit := range final.Units {
			for c, code := range final.Cols {
				row[0], row[1], row[2] = unit, code, levels[c]
				row[3] = table.FormatNumber(final.Vals[c][u])
				row[4] = table.FormatNumber(r.Ranks.Vals[c][u])
				if panel {
					row[5] = r.Period
					row[6] = ""
					if r.RankChange != nil {
						row[6] = table.FormatNumber(r.RankChange.Vals[c][u])
					}
				}
				if err := cw.Write(row); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
