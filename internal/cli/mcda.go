package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/qiangxian/qiangxian/internal/engine"
)

// runMCDA is `qiangxian mcda topsis`: a cross-check ranking of the
// alternatives, printed with the conventions that produced it.
func runMCDA(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return e.usageErr("用法：qiangxian mcda topsis [参数]（加 -h 查看参数）", "usage: qiangxian mcda topsis [flags] (-h lists the flags)")
	}
	switch args[0] {
	case "topsis":
		return e.mcdaTOPSIS(args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(e.stdout, e.t("用法：qiangxian mcda topsis [参数]\n  topsis  逼近理想解排序法", "usage: qiangxian mcda topsis [flags]\n  topsis  technique for order preference by similarity to ideal solution"))
		return nil
	}
	return e.usageErr("未知的方法 %q：可用 topsis", "unknown method %q: use topsis", args[0])
}

func (e *env) mcdaTOPSIS(args []string) error {
	fs := e.newFlags("mcda topsis")
	data := fs.String("data", "", e.t("数据 CSV：首行为表头，首列为评价对象名称", "data CSV: a header row, names in the first column"))
	weights := fs.String("weights", "", e.t("各指标权重，如 0.3,0.4,0.3（必填；自动归一化为和 1）", "criterion weights such as 0.3,0.4,0.3 (required; normalised to sum 1)"))
	types := fs.String("types", "", e.t("指标方向，如 +,-,+（必填）", "criterion directions such as +,-,+ (required)"))
	norm := fs.String("normalise", engine.TOPSISVector, e.t("规范化：vector（向量规范化）或 minmax（按方向极差标准化）", "normalisation: vector or minmax (direction-aware)"))
	asJSON := fs.Bool("json", false, e.t("输出一个 JSON 对象", "print one JSON object"))
	if err := e.calcFlags(fs, args); err != nil {
		return err
	}
	if err := e.oneOf("normalise", *norm, []string{engine.TOPSISVector, engine.TOPSISMinMax}); err != nil {
		return err
	}
	if *weights == "" {
		return e.usageErr("缺少 --weights", "--weights is required")
	}
	if *types == "" {
		return e.usageErr("缺少 --types（指标方向，如 +,-,+）", "--types is required (criterion directions such as +,-,+)")
	}
	m, err := e.readMatrixFlag("data", *data)
	if err != nil {
		return err
	}
	w, err := e.parseWeights(*weights, len(m.Criteria))
	if err != nil {
		return err
	}
	dirs, err := e.parseTypes(*types, len(m.Criteria))
	if err != nil {
		return err
	}
	res, err := engine.TOPSIS(m.Cols, w, dirs, *norm)
	if err != nil {
		if ce, ok := err.(*engine.CalcError); ok && ce.Kind == engine.CalcZeroWeights {
			return e.usageErr("--weights 全为零", "--weights are all zero")
		}
		return m.locate(err)
	}
	if *asJSON {
		fmt.Fprintln(e.stdout, jsonObject([]string{"closeness", "rank"},
			[]string{jsonObject(m.Names, jsonNumbers(res.Closeness)), jsonObject(m.Names, itoas(res.Rank))}))
		return nil
	}
	out := e.stdout
	fmt.Fprintln(out, e.t("TOPSIS 排序", "TOPSIS ranking"))
	e.printDataLine(out, *data, m)
	fmt.Fprintln(out, e.t("约定：", "Conventions:"))
	if *norm == engine.TOPSISVector {
		fmt.Fprintln(out, e.t("  规范化：vector——r_ij = x_ij / √(Σ_i x_ij²)", "  normalisation: vector — r_ij = x_ij / √(Σ_i x_ij²)"))
	} else {
		fmt.Fprintln(out, e.t("  规范化：minmax——按方向极差标准化到 [0,1]（之后各指标均为正向）；常数列为 0",
			"  normalisation: minmax — to [0,1] by direction (every criterion is then a benefit); a constant column is 0"))
	}
	e.printDirections(out, m.Criteria, res.Directions)
	parts := make([]string, len(m.Criteria))
	for j, n := range m.Criteria {
		parts[j] = fmt.Sprintf("%s %.6g", n, res.Weights[j])
	}
	fmt.Fprint(out, e.t("  权重（已归一化为和 1）：%s\n", "  weights (normalised to sum 1): %s\n", strings.Join(parts, ", ")))
	fmt.Fprintln(out, e.t("  v_ij = w_j·r_ij；正理想解：正向取 v 的最大值、逆向取最小值；负理想解相反；D⁺、D⁻ 为欧氏距离",
		"  v_ij = w_j·r_ij; ideal: the column maximum of v for a benefit, the minimum for a cost; anti-ideal the opposite; D⁺, D⁻ Euclidean"))
	fmt.Fprintln(out, e.t("  贴近度 C = D⁻/(D⁺ + D⁻)；按 C 从大到小排名，相差 ≤ 1e-12 视为并列（1, 2, 2, 4）",
		"  closeness C = D⁻/(D⁺ + D⁻); ranked by C descending, values within 1e-12 tie (1, 2, 2, 4)"))
	fmt.Fprintln(out)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, e.t("评价对象\tD⁺\tD⁻\t贴近度 C\t排名", "alternative\tD⁺\tD⁻\tcloseness C\trank"))
	for i, name := range m.Names {
		fmt.Fprintf(tw, "%s\t%.6f\t%.6f\t%.6f\t%d\n", name, res.DPlus[i], res.DMinus[i], res.Closeness[i], res.Rank[i])
	}
	return tw.Flush()
}
