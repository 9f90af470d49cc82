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

// runRobustness is `qiangxian robustness`: the inputs and step flags of
// evaluate (the nominal pipeline) plus the uncertain inputs, and one of
// three analyses: uncertainty (rank statistics over -n replicates, --out),
// --sobol (sensitivity indices, --sobol-out, and the rank statistics of
// its 2N random runs in --out when given), or --remove-level L (COINr's
// remove_elements, --out). With --method, an evaluation method file
// instead (runRobustnessMethod).
func runRobustness(ctx context.Context, e *env, args []string) error {
	if hasMethodFlag(args) {
		return runRobustnessMethod(ctx, e, args)
	}
	fs := e.newFlags("robustness")
	in := e.addCOINrFlags(fs, "")
	period := fs.String("period", "", e.t("多期数据时分析哪一期（默认最后一期）", "with several periods: the period to analyse (default: the last)"))
	out := fs.String("out", "", e.t("输出 CSV：排名统计（或 --remove-level 的结果）", "output CSV: rank statistics (or the --remove-level result)"))
	varyW := fs.String("vary-weights", "", e.t("扰动权重：层级:幅度[,层级:幅度…]，如 2:0.25,3:0.25（层级 1 为指标）", "perturb weights: LEVEL:F[,LEVEL:F…], e.g. 2:0.25,3:0.25 (level 1 = indicators)"))
	varyN := fs.String("vary-normalise", "", e.t("备选标准化方法，用 / 分隔，如 minmax:1,100/zscore:10,2", "alternative normalisations separated by /, e.g. minmax:1,100/zscore:10,2"))
	varyA := fs.String("vary-aggregate", "", e.t("备选合成方法，用 / 分隔，如 amean/gmean", "alternative aggregations separated by /, e.g. amean/gmean"))
	varyM := fs.String("vary-winmax", "", e.t("缩尾点数范围 A-B，如 1-5", "Winsorisation limit range A-B, e.g. 1-5"))
	varyI := fs.String("vary-impute", "", e.t("备选插补方法，用 / 分隔，如 mean/median", "alternative imputations separated by /, e.g. mean/median"))
	leaveOut := fs.Bool("vary-leave-out", false, e.t("每次随机去掉一个指标（或不去掉）", "each replicate leaves out one indicator (or none) at random"))
	n := fs.Int("n", 1000, e.t("重复次数（Sobol 时为基础样本量）", "replicates (for --sobol: the base sample size)"))
	seed := fs.Uint64("seed", 1, e.t("随机种子：相同种子得到相同结果", "random seed: the same seed gives the same output"))
	node := fs.String("node", "", e.t("分析哪个节点的排名（默认最高层总指数）", "node whose ranks are analysed (default: the top aggregate)"))
	sobol := fs.Bool("sobol", false, e.t("做 Sobol 敏感性分析", "run a Sobol sensitivity analysis"))
	sobolOut := fs.String("sobol-out", "", e.t("Sobol 指数输出 CSV", "output CSV of the Sobol indices"))
	nboot := fs.Int("nboot", 0, e.t("Sobol 指数的自助法重抽样次数（0 = 不计算区间）", "bootstrap resamples for the Sobol intervals (0 = none)"))
	removeLevel := fs.Int("remove-level", 0, e.t("逐个去掉该层级的节点（权重置 0）并比较排名", "remove each node of this level in turn (weight 0) and compare ranks"))
	allRanks := fs.String("all-ranks", "", e.t("另存每次重复的排名（宽表 unit,r_1,…；默认只保留统计量）", "also write every replicate's ranks (wide CSV unit,r_1,…; by default only the statistics are kept)"))
	workers := fs.Int("workers", 0, e.t("并行线程数（默认全部 CPU 核）", "parallel workers (default: all cores)"))
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if !in.given() {
		return e.usageErr("需要 --imeta 和 --idata", "--imeta and --idata are required")
	}
	if (*removeLevel != 0 || !*sobol) && *out == "" {
		return e.usageErr("需要 --out", "--out is required")
	}
	if *sobol && *sobolOut == "" {
		return e.usageErr("--sobol 需要 --sobol-out", "--sobol needs --sobol-out")
	}
	if *n < 1 || *nboot < 0 {
		return e.usageErr("-n 应至少为 1，--nboot 不能为负", "-n must be at least 1 and --nboot not negative")
	}
	spec, err := in.spec(e)
	if err != nil {
		return err
	}
	if spec.Aggregate == nil {
		return e.usageErr("稳健性分析需要 --aggregate", "robustness analysis needs --aggregate")
	}
	u, err := e.uncertainty(*varyW, *varyN, *varyA, *varyM, *varyI, *leaveOut)
	if err != nil {
		return err
	}
	_, data, err := in.load()
	if err != nil {
		return err
	}
	k, err := e.periodIndex(data, *period)
	if err != nil {
		return err
	}
	p := data.Periods[k]
	r, err := engine.NewRobustness(p.Input, spec, u, *node)
	if err != nil {
		return data.Locate(err, p.Time)
	}
	opt := engine.RunOptions{N: *n, Seed: *seed, Workers: *workers, KeepRanks: *allRanks != ""}
	writeAll := func(s *engine.RankStats) error {
		if *allRanks == "" {
			return nil
		}
		return writeFileAtomic(*allRanks, func(w io.Writer) error { return writeAllRanks(w, s) })
	}
	switch {
	case *removeLevel != 0:
		res, err := r.RemoveLevel(*removeLevel)
		if err != nil {
			return err
		}
		if err := writeFileAtomic(*out, func(w io.Writer) error { return writeRemove(w, res) }); err != nil {
			return err
		}
		e.printRemove(r, res)
		fmt.Fprintln(e.stdout, e.t("结果已写入 %s", "results written to %s", *out))
		return nil
	case *sobol:
		if len(r.Variables()) < 2 {
			return e.usageErr("Sobol 分析需要至少两个不确定输入（--vary-…）", "a Sobol analysis needs at least two uncertain inputs (--vary-…)")
		}
		res, err := r.Sobol(ctx, opt, *nboot)
		if err != nil {
			return err
		}
		if err := writeFileAtomic(*sobolOut, func(w io.Writer) error { return writeSobol(w, res.Indices) }); err != nil {
			return err
		}
		if *out != "" {
			if err := writeFileAtomic(*out, func(w io.Writer) error { return writeRankStats(w, res.Stats) }); err != nil {
				return err
			}
		}
		if err := writeAll(res.Stats); err != nil {
			return err
		}
		e.printSobol(res, len(res.Y))
		fmt.Fprintln(e.stdout, e.t("结果已写入 %s", "results written to %s", strings.Trim(*sobolOut+" "+*out, " ")))
		return nil
	}
	if len(r.Variables()) == 0 {
		return e.usageErr("没有不确定输入：请给出至少一个 --vary-… 参数", "nothing varies: give at least one --vary-… flag")
	}
	st, err := r.Uncertainty(ctx, opt)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(*out, func(w io.Writer) error { return writeRankStats(w, st) }); err != nil {
		return err
	}
	if err := writeAll(st); err != nil {
		return err
	}
	e.printRankStats(st, p.Names)
	fmt.Fprintln(e.stdout, e.t("结果已写入 %s", "results written to %s", *out))
	return nil
}

// uncertainty turns the --vary-* flags into an engine.Uncertainty.
func (e *env) uncertainty(weights, norms, aggs, winmax, imputes string, leaveOut bool) (engine.Uncertainty, error) {
	u := engine.Uncertainty{LeaveOut: leaveOut}
	bad := func(flag, value string, want string) error {
		return e.usageErr("--%s %q 无效：应为 %s", "--%s %q is invalid: expected %s", flag, value, want)
	}
	if weights != "" {
		for _, part := range strings.Split(weights, ",") {
			l, f, ok := strings.Cut(part, ":")
			level, err1 := strconv.Atoi(strings.TrimSpace(l))
			factor, err2 := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if !ok || err1 != nil || err2 != nil || level < 1 || !(factor >= 0 && factor <= 1) {
				return u, bad("vary-weights", weights, "LEVEL:F[,LEVEL:F…], LEVEL ≥ 1, 0 ≤ F ≤ 1")
			}
			u.Weights = append(u.Weights, engine.LevelNoise{Level: level, Factor: factor})
		}
	}
	for _, s := range splitAlternatives(norms) {
		ns, err := parseNormalise(s)
		if err != nil {
			return u, bad("vary-normalise", norms, "SPEC/SPEC…: "+err.Error())
		}
		u.Normalise = append(u.Normalise, *ns)
	}
	for _, s := range splitAlternatives(aggs) {
		as, err := parseAggregate(s)
		if err != nil {
			return u, bad("vary-aggregate", aggs, "SPEC/SPEC…: "+err.Error())
		}
		u.Aggregate = append(u.Aggregate, *as)
	}
	for _, s := range splitAlternatives(imputes) {
		is, err := parseImpute(s)
		if err != nil {
			return u, bad("vary-impute", imputes, "SPEC/SPEC…: "+err.Error())
		}
		u.Impute = append(u.Impute, is)
	}
	if winmax != "" {
		a, b, ok := strings.Cut(winmax, "-")
		lo, err1 := strconv.Atoi(strings.TrimSpace(a))
		hi, err2 := strconv.Atoi(strings.TrimSpace(b))
		if !ok || err1 != nil || err2 != nil || lo < 0 || hi < lo {
			return u, bad("vary-winmax", winmax, "A-B, 0 ≤ A ≤ B")
		}
		for w := lo; w <= hi; w++ {
			u.WinMax = append(u.WinMax, w)
		}
	}
	return u, nil
}

// splitAlternatives splits a /-separated list; "" gives none.
func splitAlternatives(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "/")
}

// writeRankStats writes unit,nominal,mean,median,q5,q95,p_top10.
func writeRankStats(w io.Writer, s *engine.RankStats) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"unit", "nominal", "mean", "median", "q5", "q95", "p_top" + strconv.Itoa(s.Top)}); err != nil {
		return err
	}
	f := table.FormatNumber
	for u, unit := range s.Units {
		if err := cw.Write([]string{unit, f(s.Nominal[u]), f(s.Mean[u]), f(s.Median[u]), f(s.Q5[u]), f(s.Q95[u]), f(s.PTop[u])}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeAllRanks writes every replicate's ranks, one row per unit and one
// column per replicate (COINr's Ranks without the nominal column); a
// failed replicate's column is empty.
func writeAllRanks(w io.Writer, s *engine.RankStats) error {
	cw := csv.NewWriter(w)
	row := make([]string, len(s.Ranks)+1)
	row[0] = "unit"
	for i := range s.Ranks {
		row[i+1] = "r_" + strconv.Itoa(i+1)
	}
	if err := cw.Write(row); err != nil {
		return err
	}
	for u, unit := range s.Units {
		row[0] = unit
		for i, ranks := range s.Ranks {
			row[i+1] = ""
			if ranks[u] > 0 {
				row[i+1] = strconv.Itoa(int(ranks[u]))
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeSobol writes variable,si,sti,si_q5,si_q95,sti_q5,sti_q95 (the
// intervals empty without a bootstrap).
func writeSobol(w io.Writer, ind []engine.SobolIndex) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"variable", "si", "sti", "si_q5", "si_q95", "sti_q5", "sti_q95"}); err != nil {
		return err
	}
	f := table.FormatNumber
	for _, x := range ind {
		if err := cw.Write([]string{x.Variable, f(x.Si), f(x.STi), f(x.SiQ5), f(x.SiQ95), f(x.STiQ5), f(x.STiQ95)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeRemove writes removed,mean_abs_rank_change.
func writeRemove(w io.Writer, res []engine.RemoveResult) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"removed", "mean_abs_rank_change"}); err != nil {
		return err
	}
	for _, x := range res {
		if err := cw.Write([]string{x.Removed, table.FormatNumber(x.MeanAbsRankChange)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// printRankStats prints the run summary and the nominal top 10 with their
// rank intervals; names are the units' names, when known.
func (e *env) printRankStats(s *engine.RankStats, names []string) {
	fmt.Fprintln(e.stdout, e.t("不确定性分析（%s）：%d 次重复", "uncertainty analysis of %s: %d replicates", s.Node, s.Runs))
	e.printFailures(s)
	order := make([]int, 0, len(s.Units))
	for u := range s.Units {
		if !engine.IsNA(s.Nominal[u]) {
			order = append(order, u)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(s.Nominal[a], s.Nominal[b]) })
	fmt.Fprintln(e.stdout, e.t("名义排名\t代码\t名称\t中位排名\t5%%–95%% 区间\t进入前 %d 的比例", "nominal\tcode\tname\tmedian\t5%%–95%% interval\tshare in the top %d", s.Top))
	for _, u := range order[:min(len(order), 10)] {
		name := ""
		if len(names) == len(s.Units) {
			name = names[u]
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\t%s–%s\t%.1f%%\n", table.FormatNumber(s.Nominal[u]), s.Units[u], name,
			table.FormatNumber(s.Median[u]), table.FormatNumber(s.Q5[u]), table.FormatNumber(s.Q95[u]), 100*s.PTop[u])
	}
}

// printFailures warns about replicates whose pipeline failed.
func (e *env) printFailures(s *engine.RankStats) {
	if s.Failed == 0 {
		return
	}
	msg := fmt.Sprint(s.FirstError)
	if le, ok := s.FirstError.(localized); ok {
		msg = le.Message(string(e.lang))
	}
	fmt.Fprintln(e.stdout, e.t("提示：%d 次重复计算失败，不计入统计（与 COINr 记为 NA 相同）；第一次失败：%s",
		"warning: %d replicates failed and are left out of the statistics (COINr records them as NA); first failure: %s", s.Failed, msg))
}

// printSobol prints the sensitivity indices.
func (e *env) printSobol(res *engine.SobolResult, runs int) {
	fmt.Fprintln(e.stdout, e.t("Sobol 敏感性分析（%s）：%d 次计算，输出为相对名义排名的平均绝对变化",
		"Sobol sensitivity analysis of %s: %d runs; output: mean absolute rank shift from nominal", res.Stats.Node, runs))
	e.printFailures(res.Stats)
	if res.Dropped > 0 {
		fmt.Fprintln(e.stdout, e.t("提示：%d 组基础样本因计算失败未参与估计", "warning: %d base rows left out of the estimates after failed runs", res.Dropped))
	}
	fmt.Fprintln(e.stdout, e.t("变量\t一阶指数\t总效应指数", "variable\tfirst-order\ttotal"))
	for _, x := range res.Indices {
		fmt.Fprintf(e.stdout, "%s\t%.3f\t%.3f\n", x.Variable, x.Si, x.STi)
	}
}

// printRemove prints the remove-one analysis, largest change first.
func (e *env) printRemove(r *engine.Robustness, res []engine.RemoveResult) {
	fmt.Fprintln(e.stdout, e.t("逐个去掉节点后 %s 排名的平均绝对变化：", "mean absolute change of the %s ranks when each node is removed:", r.Node()))
	rows := slices.Clone(res[1:])
	slices.SortStableFunc(rows, func(a, b engine.RemoveResult) int { return cmp.Compare(b.MeanAbsRankChange, a.MeanAbsRankChange) })
	for _, x := range rows {
		fmt.Fprintf(e.stdout, "%s\t%s\n", x.Removed, table.FormatNumber(x.MeanAbsRankChange))
	}
}
