package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// analyses lists the analyse subcommands.
var analyses = []string{"stats", "correlations", "cronbach", "pca", "availability"}

// runAnalyse is `qiangxian analyse stats|correlations|cronbach|pca|
// availability`: COINr's analysis tools on one data set of an evaluation
// (--dset, default Raw) of one period (--period, default the last). The
// table goes to --out (.csv, or .xlsx) or is printed.
func runAnalyse(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || !slices.Contains(analyses, args[0]) {
		return e.usageErr("用法：qiangxian analyse %s [参数]", "usage: qiangxian analyse %s [flags]", strings.Join(analyses, "|"))
	}
	what := args[0]
	fs := e.newFlags("analyse " + what)
	in := e.addCOINrFlags(fs, "")
	out := fs.String("out", "", e.t("输出文件 .csv 或 .xlsx（默认打印）", "output .csv or .xlsx (default: print)"))
	dset := fs.String("dset", engine.StageRaw, "Raw, Denominated, Imputed, Screened, Treated, Normalised, Aggregated")
	period := fs.String("period", "", e.t("分析的期（默认最后一期）", "period analysed (default the last)"))
	method := fs.String("method", engine.Pearson, "pearson, spearman")
	level := fs.Int("level", 1, e.t("层级（1 = 指标）", "level (1 = indicators)"))
	groupLevel := fs.Int("group-level", 0, e.t("相关：在此层级的同一组内两两相关（默认与上级相关）", "correlations: pairs within the groups of this level (default: with the parent)"))
	family := fs.Bool("family", false, e.t("相关：与所有上级相关", "correlations: with every ancestor"))
	group := fs.String("group", "", e.t("可得性：按此分组列汇总", "availability: summarise by this group column"))
	if err := e.parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if !in.given() {
		return e.usageErr("需要 --imeta 和 --idata", "--imeta and --idata are required")
	}
	if *method != engine.Pearson && *method != engine.Spearman {
		return e.usageErr("--method 应为 pearson 或 spearman", "--method must be pearson or spearman")
	}
	spec, err := in.spec(e)
	if err != nil {
		return err
	}
	meta, data, err := in.load()
	if err != nil {
		return err
	}
	k, err := e.periodIndex(data, *period)
	if err != nil {
		return err
	}
	p := data.Periods[k]
	res, err := engine.Evaluate(p.Input, spec)
	if err != nil {
		return data.Locate(err, p.Time)
	}
	d := res.Stage(*dset)
	if d == nil {
		var names []string
		for _, s := range res.Stages {
			names = append(names, s.Name)
		}
		return e.usageErr("没有数据集 %s；可选：%s（由步骤参数决定）", "no data set %s; there are: %s (the step flags decide)", *dset, strings.Join(names, ", "))
	}
	t := meta.Tree
	var rows [][]any
	switch what {
	case "stats":
		rows = statsRows(engine.Stats(d, engine.StatsThresholds{}))
	case "correlations":
		var cs []engine.Correlation
		if *groupLevel > 0 {
			cs = engine.CorrelateWithinGroups(d, t, *level, *groupLevel, *method)
		} else {
			cs = engine.CorrelateWithParents(d, t, *level, *family, *method)
			if len(cs) == 0 {
				return e.usageErr("数据集 %s 中没有上级节点；用 --dset Aggregated 或 --group-level", "data set %s has no parents; use --dset Aggregated or --group-level", *dset)
			}
		}
		rows = [][]any{{"a", "b", "r", "n", "p"}}
		for _, c := range cs {
			rows = append(rows, []any{c.A, c.B, c.R, c.N, c.P})
		}
	case "cronbach":
		lv := 0
		if *level > 1 || slices.Contains(args, "--level") || slices.Contains(args, "-level") {
			lv = *level
		}
		rows = [][]any{{"node", "level", "k", "alpha", "members"}}
		for _, r := range engine.CronbachByAggregate(d, t, lv) {
			rows = append(rows, []any{r.Node, r.Level, len(r.Members), r.Alpha, strings.Join(r.Members, " ")})
		}
	case "pca":
		pcs, errs := engine.PCAByGroup(d, t, *level)
		for _, err := range errs {
			fmt.Fprintln(e.stderr, e.t("提示：", "warning: ")+err.Error())
		}
		rows = [][]any{{"group", "code", "weight", "n", "component", "variance", "explained"}}
		for _, r := range pcs {
			for i, c := range r.Codes {
				row := []any{r.Group, c, r.Weights[i], r.N, i + 1, r.Variance[i], r.Explained[i]}
				rows = append(rows, row)
			}
		}
	case "availability":
		units, aggs := engine.Availability(d, t)
		rows = [][]any{append([]any{"unit", "n_missing", "n_zero", "n_miss_or_zero", "dat_avail", "non_zero"}, strs(aggs)...)}
		for _, u := range units {
			row := []any{u.Unit, u.NMissing, u.NZero, u.NMissOrZero, u.DatAvail, u.NonZero}
			for _, v := range u.ByAggregate {
				row = append(row, v)
			}
			rows = append(rows, row)
		}
		if *group != "" {
			labels, ok := p.Input.Groups[*group]
			if !ok {
				return e.usageErr("没有分组列 %s", "no group column %s", *group)
			}
			byCode := map[string]string{}
			for i, u := range p.Input.Raw.Units {
				byCode[u] = labels[i]
			}
			ls := make([]string, len(units))
			for i, u := range units {
				ls[i] = byCode[u.Unit]
			}
			for _, g := range engine.AvailabilityByGroup(units, ls) {
				fmt.Fprintln(e.stdout, e.t("组 %s：%d 个单位，平均可得率 %.3f，完整 %d 个", "group %s: %d units, mean availability %.3f, %d complete",
					g.Group, g.Units, g.DatAvail, g.Complete))
			}
		}
	}
	return e.writeRows(*out, what, rows)
}

func strs(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

func statsRows(st []engine.ColumnStats) [][]any {
	rows := [][]any{{"code", "min", "max", "mean", "median", "sd", "skew", "kurt", "n_avail", "n_nonzero", "n_unique", "n_same",
		"frc_avail", "frc_nonzero", "frc_unique", "frc_same", "flag_avail", "flag_nonzero", "flag_unique", "flag_skewkurt"}}
	for _, s := range st {
		rows = append(rows, []any{s.Code, s.Min, s.Max, s.Mean, s.Median, s.SD, s.Skew, s.Kurt, s.NAvail, s.NNonZero, s.NUnique, s.NSame,
			s.FrcAvail, s.FrcNonZero, s.FrcUnique, s.FrcSame, s.FlagAvail, s.FlagNonZero, s.FlagUnique, s.FlagSkewKurt})
	}
	return rows
}

// writeRows writes a table (header first) to path by its extension, or
// prints it tab-separated when path is "".
func (e *env) writeRows(path, sheet string, rows [][]any) error {
	cell := func(v any) string {
		switch x := v.(type) {
		case float64:
			return table.FormatNumber(x)
		case int:
			return strconv.Itoa(x)
		}
		return fmt.Sprint(v)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case "":
		if path != "" {
			break
		}
		for _, r := range rows {
			parts := make([]string, len(r))
			for i, v := range r {
				if f, ok := v.(float64); ok {
					parts[i] = fmtShort(f)
				} else {
					parts[i] = cell(v)
				}
			}
			fmt.Fprintln(e.stdout, strings.Join(parts, "\t"))
		}
		return nil
	case ".xlsx":
		for _, r := range rows {
			for i, v := range r {
				if f, ok := v.(float64); ok && f != f {
					r[i] = "" // a missing value is an empty cell
				}
			}
		}
		if err := xlsx.WriteFile(path, []xlsx.Sheet{{Name: sheet, Rows: rows, BoldHeader: true, FreezeHeader: true}}); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.t("结果已写入 %s", "results written to %s", path))
		return nil
	}
	err := writeFileAtomic(path, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		for _, r := range rows {
			rec := make([]string, len(r))
			for i, v := range r {
				rec[i] = cell(v)
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("结果已写入 %s", "results written to %s", path))
	return nil
}
