package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/monitor"
)

func init() {
	locale.Register(map[string][2]string{
		"monitor.noperiodrows": {"没有期间 %s 的非省级单位数据（数据中的期间：%s）", "no figures of non-province units for %s (the file has: %s)"},
	})
}

// runMonitor is `qiangxian monitor`: the monitoring table of one period
// (cumulative figures against year-start targets, 序时进度, lights) from
// a figures file, a targets file and an optional seasonal benchmark.
func runMonitor(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("monitor")
	data := fs.String("data", "", e.t("累计数据 CSV 或 .xlsx：period,unit,indicator,value[,growth]（增速为百分数）",
		"cumulative figures, CSV or .xlsx: period,unit,indicator,value[,growth] (growth in percent)"))
	sheet := fs.String("sheet", "", e.t("--data 为 .xlsx 时的工作表（默认第一个）", "the sheet when --data is .xlsx (default: the first)"))
	targets := fs.String("targets", "", e.t("年度目标 CSV：year,unit,indicator,target,kind（absolute 或 growth）",
		"year-start targets CSV: year,unit,indicator,target,kind (absolute or growth)"))
	period := fs.String("period", "", e.t("期间 YYYY-MM（如 2023-06，即 1–6月累计）", "period YYYY-MM (2023-06 is January–June cumulative)"))
	bench := fs.String("benchmark", "", e.t("季节性基准 CSV：indicator,month,share（可选；缺省为 月数/12）",
		"seasonal benchmark CSV: indicator,month,share (optional; month / 12 otherwise)"))
	out := fs.String("out", "", e.t("输出监测表 CSV", "output monitoring table CSV"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" || *targets == "" || *period == "" || *out == "" || fs.NArg() != 0 {
		return e.usageErr("用法：qiangxian monitor --data D.csv|.xlsx --targets T.csv --period YYYY-MM [--benchmark B.csv] --out M.csv",
			"usage: qiangxian monitor --data D.csv|.xlsx --targets T.csv --period YYYY-MM [--benchmark B.csv] --out M.csv")
	}
	p, ok := monitor.ParsePeriod(*period)
	if !ok {
		return e.usageErr("--period 应为 YYYY-MM（如 2023-06），实际为 %q", "--period should be YYYY-MM (such as 2023-06), found %q", *period)
	}
	in, err := e.monitorInput(p, *data, *sheet, *targets, *bench)
	if err != nil {
		return err
	}
	rows := monitor.Compute(in)
	if err := writeFileAtomic(*out, func(w io.Writer) error { return monitor.WriteCSV(w, rows) }); err != nil {
		return err
	}
	// Targets that do not add up are the office's to fix, not a reason to
	// withhold the table: warnings.
	year := slices.DeleteFunc(slices.Clone(in.Targets), func(t monitor.Target) bool { return t.Year != p.Year })
	for _, s := range monitor.CheckDecomposition(year) {
		fmt.Fprintln(e.stderr, *targets+": "+e.t("提示：", "warning: ")+s.Message(string(e.lang)))
	}
	fmt.Fprintln(e.stdout, e.t("监测表已写入 %s（%s，%d 行）", "monitoring table written to %s (%s, %d rows)", *out, p, len(rows)))
	return nil
}

// monitorInput reads the three files, reporting the problems of all of
// them together.
func (e *env) monitorInput(p monitor.Period, data, sheet, targets, bench string) (monitor.Input, error) {
	in := monitor.Input{Period: p}
	var all problems
	prev := p.YearEarlier()
	t, err := openAnyTable(data, sheet)
	if err == nil {
		// Only the period and the same months a year earlier are kept;
		// every row is checked.
		in.Figures, err = monitor.ReadFigures(t, func(q monitor.Period) bool { return q == p || q == prev })
		if err == nil && !slices.ContainsFunc(in.Figures, func(f monitor.Figure) bool { return f.Period == p && !monitor.IsProvince(f.Unit) }) {
			// The contract asks for one row per unit present in the
			// period, so the table is written (header only); a mistyped
			// --period is named on stderr.
			all, _ := monitor.ReadFigures(t, nil)
			msg := locale.M("monitor.noperiodrows", p, periodsOf(all))
			fmt.Fprintln(e.stderr, data+": "+e.t("提示：", "warning: ")+msg.In(e.lang))
		}
	}
	if err := all.add(err); err != nil {
		return in, err
	}
	if t, err = openAnyTable(targets, ""); err == nil {
		in.Targets, err = monitor.ReadTargets(t)
	}
	if err := all.add(err); err != nil {
		return in, err
	}
	if bench != "" {
		if t, err = openAnyTable(bench, ""); err == nil {
			in.Shares, err = monitor.ReadShares(t)
		}
		if err := all.add(err); err != nil {
			return in, err
		}
	}
	return in, all.err()
}

// periodsOf lists the periods of figs, sorted.
func periodsOf(figs []monitor.Figure) string {
	var ps []string
	for _, f := range figs {
		ps = append(ps, f.Period.String())
	}
	slices.Sort(ps)
	ps = slices.Compact(ps)
	if len(ps) == 0 {
		return "-"
	}
	return strings.Join(ps, ", ")
}
