package cli

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
)

// hasMethodFlag reports whether args contain --method: the command then
// runs on an evaluation method file instead of COINr's iMeta/iData.
func hasMethodFlag(args []string) bool {
	return slices.ContainsFunc(args, func(a string) bool {
		n := strings.TrimLeft(a, "-")
		return strings.HasPrefix(a, "-") && (n == "method" || strings.HasPrefix(n, "method="))
	})
}

// runRobustnessMethod is `qiangxian robustness --method M --data D
// [--events E] [--targets T] [--previous P]`: the robustness of the
// method's overall ranking. The uncertain inputs are the method file's
// [uncertainty] table, overridden input by input by the --vary-… flags
// (and -n, --seed). Normalisation cannot vary: the method's scoring rules
// replace it. The outputs are those of the iMeta/iData form.
func runRobustnessMethod(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("robustness")
	mpath := fs.String("method", "", e.t("评价方法文件（.toml）", "evaluation method file (.toml)"))
	dpath := fs.String("data", "", e.t("数据（.xlsx 或 .csv，每行一个单位）", "data (.xlsx or .csv, one row per unit)"))
	sheet := fs.String("sheet", "", e.t("数据工作表名（默认第一个）", "data sheet name (default: the first)"))
	epath := fs.String("events", "", e.t("事件表 .csv", "events .csv"))
	tpath := fs.String("targets", "", e.t("目标表 .csv", "targets .csv"))
	ppath := fs.String("previous", "", e.t("上期公布结果（不影响排名，可省略）", "previous published result (does not affect ranks; optional)"))
	stab := stabilityFlags{
		prevData:    fs.String("previous-data", "", e.t("上年数据：按本办法重算上年，把名次变动分为办法变化和数据变化两部分", "last year's data: rescored under this method to split each move into method and data")),
		prevTargets: fs.String("previous-targets", "", e.t("上年目标表 .csv（与 --previous-data 同用）", "last year's targets .csv (with --previous-data)")),
		out:         fs.String("stability-out", "", e.t("输出 CSV：逐单位的名次变动及其来源", "output CSV: each unit's move and its sources")),
	}
	period := fs.String("period", "", e.t("本期名称（默认取数据文件名中的年份）", "this period's name (default: the year in the data file name)"))
	out := fs.String("out", "", e.t("输出 CSV：排名统计（或 --remove-level 的结果）", "output CSV: rank statistics (or the --remove-level result)"))
	varyW := fs.String("vary-weights", "", e.t("扰动权重：层级:幅度[,层级:幅度…]（层级 1 为指标，向上加 1）；覆盖方法文件", "perturb weights: LEVEL:F[,LEVEL:F…] (1 = indicators, counting up); overrides the method file"))
	varyN := fs.String("vary-normalise", "", e.t("不适用于评价方法（计分规则取代标准化）", "not for method files (the scoring rules replace normalisation)"))
	varyA := fs.String("vary-aggregate", "", e.t("备选合成方法，用 / 分隔，如 amean/gmean", "alternative aggregations separated by /, e.g. amean/gmean"))
	varyM := fs.String("vary-winmax", "", e.t("缩尾点数范围 A-B，如 1-5", "Winsorisation limit range A-B, e.g. 1-5"))
	varyI := fs.String("vary-impute", "", e.t("备选插补方法，用 / 分隔，如 none/mean/median-group", "alternative imputations separated by /, e.g. none/mean/median-group"))
	leaveOut := fs.Bool("vary-leave-out", false, e.t("每次随机去掉一个指标（或不去掉）", "each replicate leaves out one indicator (or none) at random"))
	n := fs.Int("n", 1000, e.t("重复次数（Sobol 时为基础样本量；默认取方法文件，否则 1000）", "replicates (for --sobol: the base sample size; default: the method file's, else 1000)"))
	seed := fs.Uint64("seed", 1, e.t("随机种子（默认取方法文件，否则 1）", "random seed (default: the method file's, else 1)"))
	node := fs.String("node", "", e.t("评价方法只分析综合排名", "method files: only the overall ranking is analysed"))
	sobol := fs.Bool("sobol", false, e.t("做 Sobol 敏感性分析", "run a Sobol sensitivity analysis"))
	sobolOut := fs.String("sobol-out", "", e.t("Sobol 指数输出 CSV", "output CSV of the Sobol indices"))
	nboot := fs.Int("nboot", 0, e.t("Sobol 指数的自助法重抽样次数（0 = 不计算区间）", "bootstrap resamples for the Sobol intervals (0 = none)"))
	removeLevel := fs.Int("remove-level", 0, e.t("逐个去掉该层级的节点（各类型权重置 0）并比较综合排名", "remove each node of this level in turn (weight 0 under every type) and compare the overall ranks"))
	allRanks := fs.String("all-ranks", "", e.t("另存每次重复的排名（宽表 unit,r_1,…）", "also write every replicate's ranks (wide CSV unit,r_1,…)"))
	workers := fs.Int("workers", 0, e.t("并行线程数（默认全部 CPU 核）", "parallel workers (default: all cores)"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case *mpath == "" || *dpath == "":
		return e.usageErr("需要 --method 和 --data", "--method and --data are required")
	case (*removeLevel != 0 || !*sobol) && *out == "":
		return e.usageErr("需要 --out", "--out is required")
	case *sobol && *sobolOut == "":
		return e.usageErr("--sobol 需要 --sobol-out", "--sobol needs --sobol-out")
	case *varyN != "":
		return e.usageErr("--vary-normalise 不适用于评价方法：各指标由计分规则计分，不经过标准化；可改变 --vary-winmax、--vary-impute、--vary-aggregate、--vary-weights",
			"--vary-normalise does not apply to a method file: its scoring rules replace normalisation; vary --vary-winmax, --vary-impute, --vary-aggregate or --vary-weights instead")
	}
	m, err := e.loadMethod(*mpath)
	if err != nil {
		return err
	}
	if *node != "" && *node != m.Root() {
		return e.usageErr("评价方法只分析综合排名（%s），不支持 --node %s", "a method file's analysis is of the overall ranking (%s): --node %s is not supported", m.Root(), *node)
	}
	u := method.Uncertainty{}
	if m.Uncertainty != nil {
		u = *m.Uncertainty
	}
	flags, err := e.uncertainty(*varyW, "", "", *varyM, "", false)
	if err != nil {
		return err
	}
	if set["vary-weights"] {
		u.Weights = flags.Weights
	}
	if set["vary-winmax"] {
		u.WinMax = flags.WinMax
	}
	if set["vary-aggregate"] {
		u.Aggregate = splitAlternatives(*varyA)
	}
	if set["vary-impute"] {
		u.Impute = splitAlternatives(*varyI)
	}
	if set["vary-leave-out"] {
		u.LeaveOut = *leaveOut
	}
	opt := u.Options()
	opt.Workers, opt.KeepRanks = *workers, *allRanks != ""
	if set["n"] {
		opt.N = *n
	}
	if set["seed"] {
		opt.Seed = *seed
	}
	if opt.N < 1 || *nboot < 0 {
		return e.usageErr("-n 应至少为 1，--nboot 不能为负", "-n must be at least 1 and --nboot not negative")
	}
	in, err := e.readMethodInput(m, *dpath, *sheet, *epath, *tpath, *ppath, *period)
	if err != nil {
		return err
	}
	a, err := method.NewAnalysis(m, in, u)
	if err != nil {
		return err
	}
	e.printMethodTitle(m, in)
	if err := e.printStability(m, in, *sheet, stab); err != nil {
		return err
	}
	return e.runMethodAnalysis(ctx, a, in, opt, *removeLevel, *sobol, *nboot, *out, *sobolOut, *allRanks)
}

// runMethodAnalysis runs and writes one of the three analyses.
func (e *env) runMethodAnalysis(ctx context.Context, a *method.Analysis, in method.Input, opt engine.RunOptions,
	removeLevel int, sobol bool, nboot int, out, sobolOut, allRanks string) error {
	writeAll := func(s *engine.RankStats) error {
		if allRanks == "" {
			return nil
		}
		return writeFileAtomic(allRanks, func(w io.Writer) error { return writeAllRanks(w, s) })
	}
	switch {
	case removeLevel != 0:
		res, err := a.RemoveLevel(removeLevel)
		if err != nil {
			return err
		}
		if err := writeFileAtomic(out, func(w io.Writer) error { return writeRemove(w, res) }); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.t("逐个去掉节点后 %s 排名的平均绝对变化：", "mean absolute change of the %s ranks when each node is removed:", a.Node()))
		rows := slices.Clone(res[1:])
		slices.SortStableFunc(rows, func(x, y engine.RemoveResult) int { return cmp.Compare(y.MeanAbsRankChange, x.MeanAbsRankChange) })
		for _, x := range rows {
			fmt.Fprintf(e.stdout, "%s\t%s\n", x.Removed, fmtNum(x.MeanAbsRankChange))
		}
		fmt.Fprintln(e.stdout, e.t("结果已写入 %s", "results written to %s", out))
		return nil
	case sobol:
		if len(a.Variables()) < 2 {
			return e.usageErr("Sobol 分析需要至少两个不确定输入（[uncertainty] 或 --vary-…）", "a Sobol analysis needs at least two uncertain inputs ([uncertainty] or --vary-…)")
		}
		res, err := a.Sobol(ctx, opt, nboot)
		if err != nil {
			return err
		}
		if err := writeFileAtomic(sobolOut, func(w io.Writer) error { return writeSobol(w, res.Indices) }); err != nil {
			return err
		}
		if out != "" {
			if err := writeFileAtomic(out, func(w io.Writer) error { return writeRankStats(w, res.Stats) }); err != nil {
				return err
			}
		}
		if err := writeAll(res.Stats); err != nil {
			return err
		}
		e.printSobol(res, len(res.Y))
		fmt.Fprintln(e.stdout, e.t("结果已写入 %s", "results written to %s", strings.Trim(sobolOut+" "+out, " ")))
		return nil
	}
	if len(a.Variables()) == 0 {
		return e.usageErr("没有不确定输入：请在方法文件的 [uncertainty] 中或用 --vary-… 参数给出至少一个",
			"nothing varies: declare uncertain inputs in the method file's [uncertainty] or give a --vary-… flag")
	}
	st, err := a.Uncertainty(ctx, opt)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(out, func(w io.Writer) error { return writeRankStats(w, st) }); err != nil {
		return err
	}
	if err := writeAll(st); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("不确定输入：%s", "uncertain inputs: %s", strings.Join(a.Variables(), ", ")))
	names := make([]string, len(in.Data.Units))
	for i, u := range in.Data.Units {
		names[i] = u.Name
	}
	e.printRankStats(st, names)
	fmt.Fprintln(e.stdout, e.t("结果已写入 %s", "results written to %s", out))
	return nil
}

// readMethodInput reads one period's inputs of a method: the data table
// and, when given, the events, targets and previous result.
func (e *env) readMethodInput(m *method.Method, data, sheet, events, targets, previous, period string) (method.Input, error) {
	in := method.Input{Period: period}
	if in.Period == "" {
		in.Period = regexp.MustCompile(`(19|20)\d\d`).FindString(filepath.Base(data))
	}
	dt, err := openAnyTable(data, sheet)
	if err != nil {
		return in, err
	}
	if in.Data, err = method.ReadData(m, dt); err != nil {
		return in, err
	}
	if events != "" {
		t, err := openTable(events)
		if err != nil {
			return in, err
		}
		if in.Events, err = method.ReadEvents(m, in.Data, t); err != nil {
			return in, err
		}
	}
	if targets != "" {
		t, err := openTable(targets)
		if err != nil {
			return in, err
		}
		if in.Targets, err = method.ReadTargets(m, in.Data, t); err != nil {
			return in, err
		}
	}
	if previous != "" {
		t, err := openTable(previous)
		if err != nil {
			return in, err
		}
		if in.Previous, err = method.ReadPrevious(m, t); err != nil {
			return in, err
		}
	}
	return in, nil
}

// printMethodTitle prints the method's title and period, marked when the
// method or the data are a sample.
func (e *env) printMethodTitle(m *method.Method, in method.Input) {
	title := m.Title
	if e.lang == locale.EN && m.TitleEn != "" {
		title = m.TitleEn
	}
	if in.Period != "" {
		title += " " + in.Period
	}
	if m.Sample || in.Data.Sample {
		title += e.t("（示例数据）", " (示例数据: sample data)")
	}
	fmt.Fprintln(e.stdout, title)
}
