package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/qiangxian/qiangxian/internal/engine"
)

// runWeights is `qiangxian weights entropy|critic|ahp`: criterion weights
// computed from data or from a pairwise matrix, printed with the
// conventions that produced them.
func runWeights(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return e.usageErr("用法：qiangxian weights entropy|critic|ahp [参数]（加 -h 查看参数）",
			"usage: qiangxian weights entropy|critic|ahp [flags] (-h lists the flags)")
	}
	switch args[0] {
	case "entropy":
		return e.weightsEntropy(args[1:])
	case "critic":
		return e.weightsCRITIC(args[1:])
	case "ahp":
		return e.weightsAHP(args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(e.stdout, e.t("用法：qiangxian weights entropy|critic|ahp [参数]\n  entropy  熵权法\n  critic   CRITIC 法\n  ahp      层次分析法（判断矩阵）",
			"usage: qiangxian weights entropy|critic|ahp [flags]\n  entropy  entropy weight method\n  critic   CRITIC method\n  ahp      analytic hierarchy process (pairwise matrix)"))
		return nil
	}
	return e.usageErr("未知的赋权方法 %q：可用 entropy、critic、ahp", "unknown weighting method %q: use entropy, critic or ahp", args[0])
}

// calcFlags parses a calculator's flags and rejects positional arguments.
func (e *env) calcFlags(fs *flag.FlagSet, args []string) error {
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return e.usageErr("多余的参数 %q", "unexpected argument %q", fs.Arg(0))
	}
	return nil
}

// readMatrixFlag reads the CSV named by a required file flag.
func (e *env) readMatrixFlag(name, path string) (*calcMatrix, error) {
	if path == "" {
		return nil, e.usageErr("缺少 --%s", "--%s is required", name)
	}
	m, err := readCalcMatrix(path)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
		return nil, e.usageErr("无法读取 --%s 文件：%v", "cannot read the --%s file: %v", name, err)
	}
	return m, err
}

// oneOf checks that an option value is among the allowed ones.
func (e *env) oneOf(flagName, v string, allowed []string) error {
	if slices.Contains(allowed, v) {
		return nil
	}
	return e.usageErr("--%s %q 无效：可用 %s", "--%s %q is invalid: use %s", flagName, v, strings.Join(allowed, ", "))
}

func (e *env) weightsEntropy(args []string) error {
	fs := e.newFlags("weights entropy")
	data := fs.String("data", "", e.t("数据 CSV：首行为表头，首列为评价对象名称", "data CSV: a header row, names in the first column"))
	std := fs.String("standardise", engine.StandardiseNone, e.t("标准化：none（原始数据，须非负）或 minmax（按方向极差标准化）", "standardisation: none (raw data, ≥ 0) or minmax (direction-aware min-max)"))
	types := fs.String("types", "", e.t("指标方向，如 +,-,+（minmax 使用；默认全为 +）", "criterion directions such as +,-,+ (used by minmax; default all +)"))
	asJSON := fs.Bool("json", false, e.t("输出一个 JSON 对象", "print one JSON object"))
	if err := e.calcFlags(fs, args); err != nil {
		return err
	}
	if err := e.oneOf("standardise", *std, []string{engine.StandardiseNone, engine.StandardiseMinMax}); err != nil {
		return err
	}
	m, err := e.readMatrixFlag("data", *data)
	if err != nil {
		return err
	}
	var dirs []float64
	if *types != "" {
		if dirs, err = e.parseTypes(*types, len(m.Criteria)); err != nil {
			return err
		}
	}
	res, err := engine.EntropyWeights(m.Cols, *std, dirs)
	if err != nil {
		return m.locate(err)
	}
	if *asJSON {
		fmt.Fprintln(e.stdout, weightsJSON(m.Criteria, res.Weights, nil))
		return nil
	}
	w := e.stdout
	fmt.Fprintln(w, e.t("熵权法权重", "Entropy weights"))
	e.printDataLine(w, *data, m)
	fmt.Fprintln(w, e.t("约定：", "Conventions:"))
	if *std == engine.StandardiseNone {
		fmt.Fprintln(w, e.t("  标准化：none——直接使用原始数据 z = x（要求非负）；不使用指标方向",
			"  standardisation: none — the raw data z = x (must be ≥ 0); directions are not used"))
	} else {
		fmt.Fprintln(w, e.t("  标准化：minmax——按方向极差标准化到 [0,1]：正向 (x − min)/(max − min)，逆向 (max − x)/(max − min)",
			"  standardisation: minmax — to [0,1] by direction: benefit (x − min)/(max − min), cost (max − x)/(max − min)"))
		e.printDirections(w, m.Criteria, res.Directions)
	}
	fmt.Fprintln(w, e.t("  p_ij = z_ij / Σ_i z_ij；e_j = −(1/ln m)·Σ_i p_ij·ln p_ij，约定 0·ln 0 = 0（自然对数）",
		"  p_ij = z_ij / Σ_i z_ij; e_j = −(1/ln m)·Σ_i p_ij·ln p_ij with 0·ln 0 = 0 (natural log)"))
	fmt.Fprintln(w, e.t("  w_j = (1 − e_j) / Σ_k (1 − e_k)；常数列 e_j = 1，权重为 0",
		"  w_j = (1 − e_j) / Σ_k (1 − e_k); a constant column has e_j = 1 and weight 0"))
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, e.t("指标\t熵值 e_j\t1 − e_j\t权重 w_j", "criterion\tentropy e_j\t1 − e_j\tweight w_j"))
	for j, name := range m.Criteria {
		fmt.Fprintf(tw, "%s\t%.6f\t%.6f\t%.6f\n", name, res.Entropy[j], 1-res.Entropy[j], res.Weights[j])
	}
	return tw.Flush()
}

func (e *env) weightsCRITIC(args []string) error {
	fs := e.newFlags("weights critic")
	data := fs.String("data", "", e.t("数据 CSV：首行为表头，首列为评价对象名称", "data CSV: a header row, names in the first column"))
	types := fs.String("types", "", e.t("指标方向，如 +,-,+（必填）", "criterion directions such as +,-,+ (required)"))
	asJSON := fs.Bool("json", false, e.t("输出一个 JSON 对象", "print one JSON object"))
	if err := e.calcFlags(fs, args); err != nil {
		return err
	}
	if *types == "" {
		return e.usageErr("缺少 --types（指标方向，如 +,-,+）", "--types is required (criterion directions such as +,-,+)")
	}
	m, err := e.readMatrixFlag("data", *data)
	if err != nil {
		return err
	}
	dirs, err := e.parseTypes(*types, len(m.Criteria))
	if err != nil {
		return err
	}
	res, err := engine.CRITICWeights(m.Cols, dirs)
	if err != nil {
		return m.locate(err)
	}
	if *asJSON {
		fmt.Fprintln(e.stdout, weightsJSON(m.Criteria, res.Weights, nil))
		return nil
	}
	w := e.stdout
	fmt.Fprintln(w, e.t("CRITIC 法权重", "CRITIC weights"))
	e.printDataLine(w, *data, m)
	fmt.Fprintln(w, e.t("约定：", "Conventions:"))
	fmt.Fprintln(w, e.t("  按方向极差标准化到 [0,1]：正向 (x − min)/(max − min)，逆向 (max − x)/(max − min)",
		"  min-max to [0,1] by direction: benefit (x − min)/(max − min), cost (max − x)/(max − min)"))
	e.printDirections(w, m.Criteria, res.Directions)
	fmt.Fprintln(w, e.t("  σ_j：标准化后的样本标准差（除以 m − 1；除数不影响权重）；r_jk：标准化后的 Pearson 相关系数",
		"  σ_j: sample standard deviation of the standardised column (m − 1; the divisor cancels in the weights); r_jk: Pearson correlation"))
	fmt.Fprintln(w, e.t("  C_j = σ_j·Σ_k (1 − r_jk)；w_j = C_j / Σ_k C_k；常数指标 σ = 0、权重为 0，与其他指标的 r 取 0",
		"  C_j = σ_j·Σ_k (1 − r_jk); w_j = C_j / Σ_k C_k; a constant criterion has σ = 0, weight 0, and r = 0 with the others"))
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, e.t("指标\tσ_j\tΣ(1 − r)\tC_j\t权重 w_j", "criterion\tσ_j\tΣ(1 − r)\tC_j\tweight w_j"))
	for j, name := range m.Criteria {
		fmt.Fprintf(tw, "%s\t%.6f\t%.6f\t%.6f\t%.6f\n", name, res.SD[j], res.Conflict[j], res.Information[j], res.Weights[j])
	}
	return tw.Flush()
}

// riSources describes each RI table for the printed conventions.
var riSources = map[string]string{
	"saaty1980":    "Saaty 1980, The Analytic Hierarchy Process",
	"saaty2005":    "Saaty 2005, Theory and Applications of the ANP",
	"gong-xu":      "龚木森、许树柏 1986",
	"donegan-dodd": "Donegan & Dodd 1991",
	"tummala-ling": "Tummala & Ling 1998",
}

func (e *env) weightsAHP(args []string) error {
	fs := e.newFlags("weights ahp")
	matrix := fs.String("matrix", "", e.t("判断矩阵 CSV：首行与首列为同序的准则名称；元素可写作 1/3", "pairwise matrix CSV: criterion names across the first row and down the first column; entries may be fractions such as 1/3"))
	priority := fs.String("priority", engine.PriorityEigen, e.t("排序向量：eigen（特征向量法）、sum（和积法）或 geomean（方根法）", "priorities: eigen, sum (column-normalised row means) or geomean (row geometric means)"))
	ri := fs.String("ri", engine.RITables[0], e.t("RI 表：%s", "RI table: %s", strings.Join(engine.RITables, ", ")))
	asJSON := fs.Bool("json", false, e.t("输出一个 JSON 对象", "print one JSON object"))
	if err := e.calcFlags(fs, args); err != nil {
		return err
	}
	if err := e.oneOf("priority", *priority, engine.AHPPriorities()); err != nil {
		return err
	}
	if err := e.oneOf("ri", *ri, engine.RITables); err != nil {
		return err
	}
	m, err := e.readMatrixFlag("matrix", *matrix)
	if err != nil {
		return err
	}
	a, err := m.pairwise()
	if err != nil {
		return err
	}
	res, err := engine.AHPWeights(a, *priority, *ri)
	if err != nil {
		return m.locate(err)
	}
	if !res.Consistent() {
		fmt.Fprintln(e.stderr, "qiangxian:", e.t("警告：CR = %.4f ≥ %g，判断矩阵未通过一致性检验，请调整判断",
			"warning: CR = %.4f ≥ %g: the pairwise matrix is not acceptably consistent; revise the judgements", res.CR, engine.AHPMaxCR))
	}
	if *asJSON {
		fmt.Fprintln(e.stdout, weightsJSON(m.Criteria, res.Weights, res))
		return nil
	}
	w := e.stdout
	n := len(a)
	fmt.Fprintln(w, e.t("层次分析法（AHP）权重", "AHP weights"))
	fmt.Fprint(w, e.t("判断矩阵：%s，n = %d\n", "pairwise matrix: %s, n = %d\n", *matrix, n))
	fmt.Fprintln(w, e.t("约定：", "Conventions:"))
	switch *priority {
	case engine.PriorityEigen:
		fmt.Fprintln(w, e.t("  排序向量：eigen——主右特征向量（幂迭代至 1e-15），归一化使和为 1；λmax 为其特征值",
			"  priorities: eigen — the principal right eigenvector (power iteration to 1e-15), normalised to sum 1; λmax its eigenvalue"))
	case engine.PrioritySum:
		fmt.Fprintln(w, e.t("  排序向量：sum（和积法）——各列归一化后按行取平均；λmax = (1/n)·Σ_i (Aw)_i / w_i",
			"  priorities: sum — columns normalised to sum 1, rows averaged; λmax = (1/n)·Σ_i (Aw)_i / w_i"))
	case engine.PriorityGeomean:
		fmt.Fprintln(w, e.t("  排序向量：geomean（方根法）——各行几何平均后归一化；λmax = (1/n)·Σ_i (Aw)_i / w_i",
			"  priorities: geomean — row geometric means normalised to sum 1; λmax = (1/n)·Σ_i (Aw)_i / w_i"))
	}
	fmt.Fprintln(w, e.t("  CI = (λmax − n)/(n − 1)；CR = CI/RI；n ≤ 2 时 CI = CR = 0；CR < 0.1 为通过一致性检验",
		"  CI = (λmax − n)/(n − 1); CR = CI/RI; CI = CR = 0 for n ≤ 2; CR < 0.1 is acceptably consistent"))
	fmt.Fprint(w, e.t("  RI 表：%s（%s）\n", "  RI table: %s (%s)\n", *ri, riSources[*ri]))
	fmt.Fprint(w, e.t("  互反性检查：|a_ij·a_ji − 1| ≤ %g；元素按输入原值计算\n", "  reciprocity check: |a_ij·a_ji − 1| ≤ %g; entries are used as written\n", engine.ReciprocalTolerance))
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, e.t("准则\t权重 w_j", "criterion\tweight w_j"))
	for j, name := range m.Criteria {
		fmt.Fprintf(tw, "%s\t%.6f\n", name, res.Weights[j])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	verdict := e.t("通过一致性检验", "acceptably consistent")
	if !res.Consistent() {
		verdict = e.t("未通过一致性检验", "NOT acceptably consistent")
	}
	fmt.Fprintf(w, "λmax = %.6f\nCI = %.6f\nRI = %g\nCR = %.6f  (%s)\n", res.LambdaMax, res.CI, res.RI, res.CR, verdict)
	return nil
}

// printDataLine states the input and its size.
func (e *env) printDataLine(w io.Writer, path string, m *calcMatrix) {
	fmt.Fprint(w, e.t("数据：%s，m = %d 个评价对象，n = %d 个指标\n", "data: %s, m = %d alternatives, n = %d criteria\n", path, len(m.Names), len(m.Criteria)))
}

// printDirections lists each criterion with its direction.
func (e *env) printDirections(w io.Writer, names []string, dirs []float64) {
	parts := make([]string, len(names))
	for j, n := range names {
		d := "+"
		if dirs[j] == engine.Cost {
			d = "−"
		}
		parts[j] = n + " " + d
	}
	fmt.Fprint(w, e.t("  方向（+ 正向，− 逆向）：%s\n", "  directions (+ benefit, − cost): %s\n", strings.Join(parts, ", ")))
}

// weightsJSON is {"weights": {name: w, …}} and, for AHP, "lambda_max",
// "ci" and "cr", all in full precision.
func weightsJSON(names []string, weights []float64, ahp *engine.AHPResult) string {
	keys := []string{"weights"}
	vals := []string{jsonObject(names, jsonNumbers(weights))}
	if ahp != nil {
		keys = append(keys, "lambda_max", "ci", "cr")
		vals = append(vals, jsonNumbers([]float64{ahp.LambdaMax, ahp.CI, ahp.CR})...)
	}
	return jsonObject(keys, vals)
}

// itoas formats ints for JSON.
func itoas(x []int) []string {
	out := make([]string, len(x))
	for i, v := range x {
		out[i] = strconv.Itoa(v)
	}
	return out
}
